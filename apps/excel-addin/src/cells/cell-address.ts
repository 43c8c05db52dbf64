// A1-style addresses, for messages that name a cell (=LANDED's rate card) and for writing blocks at the selection
// (the pane's New rate card). Columns are numbered from 1 (`A`), as Excel's own A1 notation counts them.

/** 1 → `A`, 26 → `Z`, 27 → `AA`. */
export function columnLetters(column: number): string {
  return column <= 0
    ? ''
    : columnLetters(Math.floor((column - 1) / 26)) + String.fromCharCode(65 + ((column - 1) % 26));
}

/** `A` → 1, `AA` → 27 (case-insensitive). */
export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** The top-left cell of an address such as `'My sheet'!$C$3:D4`: its sheet (unquoted, '' when none), column and row. */
export function topLeftOf(address: string): { sheet: string; column: number; row: number } | null {
  const match = /^(?:(.*)!)?\$?([A-Z]{1,3})\$?(\d+)/i.exec(address.trim());
  if (!match) return null;
  const sheet = (match[1] ?? '').replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return { sheet, column: columnNumber(match[2]!), row: Number(match[3]) };
}

/** `C3` from column 3, row 3. */
export const cellAddress = (column: number, row: number) => `${columnLetters(column)}${row}`;

/** `Rates!F2:N4`, `$F$2:$N$4`, `'My rates'!A1:I3`, `B7`: a range address (not text such as "air; perKg=38"). */
export const isRangeAddress = (text: string) =>
  /^(?:(?:'[^']+'|[^!;="]+)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/i.test(text.trim());
