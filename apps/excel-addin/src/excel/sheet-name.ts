// Sheet names from keywords. Excel's rules: "at most 31 characters, none of [ ] : * ? / \, not starting or
// ending with an apostrophe, not History, unique case-insensitively." Excel counts UTF-16 units, so a name is
// cut by code points (never splitting an emoji's surrogate pair) and cleaned AFTER cutting, so a cut can not
// leave a trailing apostrophe or space.

export const MAX_SHEET_NAME = 31;
const FALLBACK = 'YUANTOU';
const RESERVED = 'history';

/** At most `max` UTF-16 units, cut between code points. */
function cut(text: string, max: number): string {
  let out = '';
  for (const point of text) {
    if (out.length + point.length > max) break;
    out += point;
  }
  return out;
}

/** Trim spaces and apostrophes at both ends (in a loop: "' x '" → "x"). */
const trimEnds = (text: string) => text.replace(/^[\s']+|[\s']+$/g, '');

/** A legal sheet name (before uniqueness) for any text. */
export function sheetNameFor(title: string, max = MAX_SHEET_NAME): string {
  const clean = title
    // Forbidden characters, control characters and lone surrogates become spaces.
    .replace(
      /[[\]:*?/\\\p{Cc}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu,
      ' ',
    )
    .replace(/\s+/g, ' ');
  const name = trimEnds(cut(trimEnds(clean), max));
  if (name === '') return cut(FALLBACK, max);
  if (name.toLowerCase() === RESERVED) return cut(`${name} (1)`, max);
  return name;
}

/** `base`, else `base (2)`, `base (3)`…, cut so the suffix fits, unique case-insensitively among `taken`. */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${sheetNameFor(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
