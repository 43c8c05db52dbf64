import { type CallNames, type FormulaCall, yuantouCalls } from './formula-calls.js';

// Finding the cells that hold yuantou formulas, in the selection, the active sheet or the whole workbook, and
// reading the cells those formulas take their links from. ExcelApi 1.4 (getUsedRangeOrNullObject,
// getItemOrNullObject); `Range.formulas` gives each formula in English with `,` separators, and
// `Range.valueTypes` says which cells show an error (ExcelApi 1.1).
// One sheet per sync: "Excel on the web caps one request's payload at 5 MB (office-js #4654)", and a whole
// workbook's formulas in one answer could pass it.

export type RefreshScope = 'selection' | 'sheet' | 'workbook';

/** A cell holding a yuantou formula. */
export interface FormulaCell {
  /** Sheet-qualified, one cell, as Excel spells it: `'Link pricing'!B6`. */
  address: string;
  sheet: string;
  /** The cell on its sheet: `B6`. */
  cell: string;
  formula: string;
  calls: FormulaCall[];
  /**
   * The cell shows an Excel error (#VALUE!, #N/A, #BUSY!…) — or, when found with `spills`, a cell of its
   * spilled block does ("a failed row is a real Excel error value in its first cell": one failed link of an
   * OFFERS table).
   */
  inError: boolean;
}

const A = 'A'.charCodeAt(0);

/** 0-based column → `A`, `Z`, `AA`. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(A + ((n - 1) % 26)) + name;
  }
  return name;
}

const columnIndex = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - A + 1, 0) - 1;

/** `'Bob''s'!$C$3:$D$9` → sheet `Bob's`, top-left row 2, column 2 (0-based). */
export function splitAddress(address: string): { sheet: string; row: number; column: number } {
  const bang = address.lastIndexOf('!');
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(address.slice(bang + 1));
  if (!match) throw new Error(`not a cell address: ${address}`);
  return { sheet, row: Number(match[2]) - 1, column: columnIndex(match[1]!) };
}

/** A sheet name as a formula writes it: quoted unless plain letters, digits and underscores. */
export const quoteSheet = (sheet: string) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;

interface LoadedRange {
  address: string;
  formulas: unknown[][];
  valueTypes: string[][];
}

/** The yuantou formula cells of one loaded block. */
export function formulaCellsOf(range: LoadedRange, names: CallNames): FormulaCell[] {
  const { sheet, row, column } = splitAddress(range.address);
  const cells: FormulaCell[] = [];
  for (const [r, line] of range.formulas.entries()) {
    for (const [c, formula] of line.entries()) {
      if (typeof formula !== 'string' || !formula.startsWith('=')) continue;
      const calls = yuantouCalls(formula, names);
      if (calls.length === 0) continue;
      const cell = `${columnName(column + c)}${row + r + 1}`;
      cells.push({
        address: `${quoteSheet(sheet)}!${cell}`,
        sheet,
        cell,
        formula,
        calls,
        inError: range.valueTypes[r]?.[c] === 'Error',
      });
    }
  }
  return cells;
}

/**
 * Every cell holding a yuantou formula in the scope. A multi-area selection throws with what to do. With
 * `spills` (ExcelApi 1.12), a formula whose spilled block holds an error counts as in error too.
 */
export async function findYuantouCells(
  context: Excel.RequestContext,
  scope: RefreshScope,
  names: CallNames,
  { spills = false }: { spills?: boolean } = {},
): Promise<FormulaCell[]> {
  const read = async (range: Excel.Range) => {
    range.load(['address', 'formulas', 'valueTypes']);
    await context.sync();
    if (range.isNullObject) return [];
    const cells = formulaCellsOf(range, names);
    return spills ? markSpillErrors(context, cells) : cells;
  };
  if (scope === 'selection') {
    // A selected column is a million cells: only the part inside the sheet's used range is read.
    const selected = context.workbook.getSelectedRange();
    const used = selected.worksheet.getUsedRangeOrNullObject();
    used.load('address');
    try {
      await context.sync();
    } catch {
      throw new Error('select one block of cells (not several separate areas)');
    }
    return used.isNullObject ? [] : read(selected.getIntersectionOrNullObject(used));
  }
  if (scope === 'sheet') {
    return read(context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject());
  }
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const cells: FormulaCell[] = [];
  for (const sheet of sheets.items) cells.push(...(await read(sheet.getUsedRangeOrNullObject())));
  return cells;
}

/** Marks the formulas whose spilled block shows an error (one request for all the block's formulas). */
async function markSpillErrors(context: Excel.RequestContext, cells: FormulaCell[]): Promise<FormulaCell[]> {
  const blocks = cells.map((cell) => {
    if (cell.inError) return null;
    const block = context.workbook.worksheets
      .getItem(cell.sheet)
      .getRange(cell.cell)
      .getSpillingToRangeOrNullObject();
    block.load('valueTypes');
    return block;
  });
  await context.sync();
  return cells.map((cell, i) => {
    const block = blocks[i];
    const failed =
      block &&
      !block.isNullObject &&
      block.valueTypes.some((row) => row.includes('Error' as Excel.RangeValueType));
    return failed ? { ...cell, inError: true } : cell;
  });
}

// `A7:A56`, `$A$7`, `Sheet2!A:A`, `'Link pricing'!A7:A56`, `3:3`: what a links argument can point at.
const REFERENCE =
  /^(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)$/;

/** A reference as written in a formula on `sheet` → the sheet it is on and the A1 range, or null (a name…). */
export function parseReference(text: string, sheet: string): { sheet: string; range: string } | null {
  const match = REFERENCE.exec(text.trim());
  if (!match) return null;
  const on = match[1]?.replace(/''/g, "'") ?? match[2] ?? sheet;
  return { sheet: on, range: match[3]!.replace(/\$/g, '') };
}

/**
 * The values of the cells each source points at (whole columns and rows cut to the used range), or null where
 * it cannot be read (a name, a missing sheet). One sync for all; if Excel refuses the batch, each alone.
 */
export async function readSources(
  context: Excel.RequestContext,
  sources: readonly { sheet: string; reference: string }[],
): Promise<(unknown[][] | null)[]> {
  const queue = (source: { sheet: string; reference: string }) => {
    const place = parseReference(source.reference, source.sheet);
    if (!place) return null;
    const sheet = context.workbook.worksheets.getItemOrNullObject(place.sheet);
    let range = sheet.getRange(place.range);
    if (!/\d/.test(place.range) || !/[A-Za-z]/.test(place.range)) {
      range = range.getIntersectionOrNullObject(sheet.getUsedRange(true));
    }
    range.load('values');
    return range;
  };
  const settle = (range: Excel.Range | null) =>
    range === null || range.isNullObject ? null : (range.values as unknown[][]);
  try {
    const ranges = sources.map(queue);
    await context.sync();
    return ranges.map(settle);
  } catch {
    const values: (unknown[][] | null)[] = [];
    for (const source of sources) {
      try {
        const range = queue(source);
        await context.sync();
        values.push(settle(range));
      } catch {
        values.push(null);
      }
    }
    return values;
  }
}
