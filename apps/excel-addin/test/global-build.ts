import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

// One production build for every test that needs dist/ (build output, the built functions.js, the browser
// tests), instead of one per file: on a loaded machine four parallel Vite builds made the slowest test's
// setup time out. Skipped when the run is limited to unit tests under src/ or build/.

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production build is, or '' when this run has no test that needs it. */
    addinDist: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => void> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-') && a !== 'run');
  // Filters are substrings of file paths: only `src/…` and `build/…` (with the slash) exclude test/ files.
  const unitOnly = filters.length > 0 && filters.every((f) => /^(\.\/)?(src|build)\//.test(f));
  if (unitOnly) {
    project.provide('addinDist', '');
    return () => {};
  }
  const outDir = mkdtempSync(path.join(tmpdir(), 'yuantou-addin-dist-'));
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  project.provide('addinDist', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
