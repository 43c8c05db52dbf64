import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiReport, PUBLISHED, UPDATE_COMMAND } from './api-report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// Every export of a published package is in its checked-in API report: an export added, removed or changed
// without refreshing the report (and so without it showing in review) fails here.
describe.each(PUBLISHED)('the @yuantou/%s API report', (name) => {
  it('matches the built .d.ts files', () => {
    const { changed, errors, report } = apiReport(name);
    expect(errors, 'API Extractor could not read the .d.ts files').toBe(0);
    expect(
      changed,
      `${report} is out of date: run \`${UPDATE_COMMAND}\` and commit it (with a changeset)`,
    ).toBe(false);
  }, 120_000);
});

/**
 * Exports and members still without a doc comment, as `<.d.ts file>: <name>` (a zod schema and its type share
 * one entry). Empty: every export is documented (issue 11). Do not add to this list: write the doc comment.
 */
const UNDOCUMENTED_ALLOWED: Readonly<Record<string, readonly string[]>> = {
  signers: [],
  core: [],
};

/** API Extractor's `// dist/x.d.ts:12:1 - (ae-undocumented) Missing documentation for "Name".` lines, as `dist/x.d.ts: Name`. */
function undocumentedIn(report: string): string[] {
  const line = /^\/\/ (\S+?):\d+:\d+ - \(ae-undocumented\) Missing documentation for "(.+)"\.$/gm;
  return [...new Set([...report.matchAll(line)].map(([, file, name]) => `${file}: ${name}`))];
}

// Issue 11: every export of a published package says what it is. The checked-in report lists each export or
// member without a doc comment (`ae-undocumented`); the test above keeps the report in step with the code.
describe.each(PUBLISHED)('the @yuantou/%s exports', (name) => {
  const report = readFileSync(path.join(root, 'packages', name, 'api', `${name}.api.md`), 'utf8');
  const undocumented = undocumentedIn(report);
  const allowed = UNDOCUMENTED_ALLOWED[name] ?? [];

  it('all have a doc comment', () => {
    const missing = undocumented.filter((entry) => !allowed.includes(entry));
    expect(
      missing,
      `exports or members of @yuantou/${name} without a doc comment: add a /** … */ comment (what it is in the ` +
        `domain; units, ids, what null means, what it throws) above each in packages/${name}/src, then run ` +
        `\`${UPDATE_COMMAND}\`:\n  ${missing.join('\n  ')}`,
    ).toEqual([]);
  });

  it('leave no documented export on the allow-list', () => {
    const stale = allowed.filter((entry) => !undocumented.includes(entry));
    expect(
      stale,
      `now documented: remove from UNDOCUMENTED_ALLOWED in tools/package-check/src/api-report.test.ts:\n  ${stale.join('\n  ')}`,
    ).toEqual([]);
  });
});
