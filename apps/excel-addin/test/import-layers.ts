import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

// The add-in's layering (asserted by src/layers.test.ts), read from the imports of every file under src/ (tests and fixtures too: a test that
// reaches across is a dependency all the same). From the top down:
//   app/       the Excel entries (functions.ts, functions-entry.ts) and the wiring that builds every family;
//              imported by nothing but itself and the pane.
//   taskpane/  the pane.
//   search/, offers/, and every folder not named below: one per function family, importing only cells/,
//              runtime/, data-types/ and @yuantou/core — never another family.
//   excel/     writing the pane's tables into the workbook: its code needs only cells/ (row formats), its
//              tests write the search family's real columns, so it sits above search/, under the pane.
//   cells/     what every family shares (cell error, option reader, row formats, query cache, batcher, InputError).
//   data-types/, runtime/, dom/: the ground floor (cards, host probes and settings, the one DOM helper).
// And whatever the table says, no two folders import each other, directly or round a circle.

/** Folders each folder may import; a folder not listed is a function family. `*`: any but `app/`. */
export const MAY_IMPORT: Readonly<Record<string, readonly string[] | '*'>> = {
  app: '*',
  taskpane: '*',
  excel: ['cells', 'data-types', 'runtime', 'search'],
  cells: ['runtime', 'data-types'],
  'data-types': ['runtime', 'dom'],
  runtime: [],
  dom: [],
};
const FAMILY_MAY_IMPORT = ['cells', 'runtime', 'data-types'];
/** The only packages a family may import (besides Node's and the test runner's, in tests). */
const FAMILY_PACKAGES = ['@yuantou/core'];
/** Only these import `app/`: the entries inside it and the pane, which starts the shared runtime. */
const APP_IMPORTERS = ['app', 'taskpane'];

/** folder → folder → the first file that makes the edge (for the message). */
export type FolderGraph = Map<string, Map<string, string>>;

/** `import … from '…'` / `export … from '…'` / `import '…'` at a line's start, and `import('…')`. */
const SPECIFIERS = [
  /^\s*(?:import|export)\b[\w$*{},\s]*?['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];
/** Test files and fixtures may use test packages (fast-check, happy-dom); the package rule is for code. */
const TEST_ONLY = /\.test\.ts$|__fixtures__/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js)$/.test(entry.name) ? [path] : [];
  });
}

/** The folder graph of `srcDir`, plus the packages each folder imports. */
export function readImports(srcDir: string): { graph: FolderGraph; packages: Map<string, Set<string>> } {
  const graph: FolderGraph = new Map();
  const packages = new Map<string, Set<string>>();
  for (const file of sourceFiles(srcDir)) {
    const [folder, ...rest] = relative(srcDir, file).split(sep);
    if (!folder || rest.length === 0) continue; // files at the top of src/, such as this test
    const edges = graph.get(folder) ?? new Map<string, string>();
    graph.set(folder, edges);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of SPECIFIERS.flatMap((pattern) => [...text.matchAll(pattern)])) {
      if (!specifier) continue;
      if (!specifier.startsWith('.')) {
        if (specifier.startsWith('node:') || TEST_ONLY.test(file)) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier;
        const seen = packages.get(folder) ?? new Set<string>();
        packages.set(folder, seen.add(name));
        continue;
      }
      const target = relative(srcDir, resolve(file, '..', specifier)).split(sep);
      if (target[0] === '..' || target.length < 2) continue; // outside src/ (test helpers)
      const to = target[0]!;
      if (to !== folder && !edges.has(to)) edges.set(to, relative(srcDir, file));
    }
  }
  return { graph, packages };
}

/** Every import that breaks the table above, and every circle, in words. */
export function layerProblems(graph: FolderGraph, packages = new Map<string, Set<string>>()): string[] {
  const problems: string[] = [];
  for (const [from, edges] of graph) {
    const allowed = MAY_IMPORT[from] ?? FAMILY_MAY_IMPORT;
    for (const [to, file] of edges) {
      if (to === 'app' && !APP_IMPORTERS.includes(from)) problems.push(`${file} imports app/`);
      else if (allowed !== '*' && !allowed.includes(to)) problems.push(`${file} (${from}/) imports ${to}/`);
    }
    if (!(from in MAY_IMPORT)) {
      for (const name of packages.get(from) ?? [])
        if (!FAMILY_PACKAGES.includes(name)) problems.push(`${from}/ imports the package ${name}`);
    }
  }
  problems.push(...circles(graph).map((circle) => `circle: ${circle.join(' → ')}`));
  return problems;
}

/** Each folder circle once (as found by a depth-first walk), e.g. `['functions', 'runtime', 'functions']`. */
export function circles(graph: FolderGraph): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const walk = (folder: string, path: string[]) => {
    const at = path.indexOf(folder);
    if (at !== -1) {
      found.push([...path.slice(at), folder]);
      return;
    }
    if (done.has(folder)) return;
    for (const next of graph.get(folder)?.keys() ?? []) walk(next, [...path, folder]);
    done.add(folder);
  };
  for (const folder of graph.keys()) walk(folder, []);
  return found;
}
