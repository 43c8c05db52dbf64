import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SHEET_NAME, sheetNameFor, uniqueSheetName } from './sheet-name.js';

// Excel's rules: at most 31 characters (UTF-16 units), none of [ ] : * ? / \, not starting or ending with an
// apostrophe, not "History", unique case-insensitively. Checked here independently of the implementation.
function problems(name: string): string[] {
  const found: string[] = [];
  if (name.length === 0) found.push('empty');
  if (name.length > 31) found.push('longer than 31');
  if (/[[\]:*?/\\]/.test(name)) found.push('forbidden character');
  if (name.startsWith("'") || name.endsWith("'")) found.push('apostrophe at an end');
  if (name.toLowerCase() === 'history') found.push('reserved');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name))
    found.push('split surrogate');
  return found;
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom("'", ' ', '[', ']', ':', '*', '?', '/', '\\', 'a', '玩', '😀', '\t'),
    maxLength: 60,
  }),
  fc.constantFrom('History', 'HISTORY', "'History'", ' history '),
);

describe('sheetNameFor', () => {
  it('is valid by Excel`s rules for any input', () => {
    fc.assert(
      fc.property(anyText, (title) => {
        expect(problems(sheetNameFor(title))).toEqual([]);
      }),
      {
        numRuns: 2000,
      },
    );
  });

  it.each([
    ['toys/[kids]: *cheap?', 'toys kids cheap'],
    ['  ', 'YUANTOU'],
    ["'''", 'YUANTOU'],
    ['History', 'History (1)'],
    [`${'a'.repeat(30)}'b`, 'a'.repeat(30)],
    [`${'a'.repeat(30)}😀`, 'a'.repeat(30)],
    [`${'a'.repeat(29)}😀`, `${'a'.repeat(29)}😀`],
  ])('%j → %j', (title, name) => {
    expect(sheetNameFor(title)).toBe(name);
  });

  it('keeps the first 31 units of a long keyword', () => {
    expect(sheetNameFor('x'.repeat(40))).toHaveLength(MAX_SHEET_NAME);
  });
});

describe('uniqueSheetName', () => {
  it('is valid and unique (case-insensitively) whatever the base and the sheets already there', () => {
    fc.assert(
      fc.property(anyText, fc.array(anyText, { maxLength: 5 }), (title, others) => {
        const base = sheetNameFor(title);
        const taken = [base, ...others.map((o) => sheetNameFor(o)), base.toUpperCase()];
        const name = uniqueSheetName(base, taken);
        expect(problems(name)).toEqual([]);
        expect(taken.map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
      }),
      { numRuns: 500 },
    );
  });
});
