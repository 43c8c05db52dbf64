import { AS_OF_FORMAT } from '../cells/as-of.js';
import type { ColumnFormat, RichRow, Row } from '../cells/rows.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { type Feature, supports } from '../runtime/requirements.js';
import { InsertError } from './insert-error.js';
import { sheetNameFor, uniqueSheetName } from './sheet-name.js';

// "Insert into sheet": the pane's results as a real Excel table (header, banded style, number formats,
// clickable links), at the selected cell or on a new sheet named after the keyword. Only Excel API calls
// live here, so the module is tested with office-addin-mock.
//
// Safety, from Excel's documented behaviour:
// - "Range.values interprets a string starting with =, + or - as a formula. There is no 'literal text' flag:
//   set numberFormat to "@" (Text) for those cells first, then values, in the same batch." 1688 titles such
//   as "-20℃ 保温杯" or "=1+1" must stay text; numbers stay numbers (their cells keep a number format).
// - "tables.add throws when the new table would overlap another table; getSelectedRange throws on a
//   multi-area selection." Both become a clear InsertError before any cell is written.
// - A target that is not empty is never overwritten: the pane offers "new sheet" instead.
// Requirement sets beyond the manifest's SharedRuntime 1.1 are checked first (runtime/requirements.ts).

export interface SheetTable {
  /** The keyword (or "image search"); names the new sheet. */
  title: string;
  columns: readonly { header: string; format: ColumnFormat }[];
  /** Data rows, without the header. */
  rows: readonly Row[];
  /**
   * The same rows with pictures and cards (as the functions spill them), for hosts with `Range.valuesAsJson`
   * (ExcelApi 1.16). Only their object cells are written; the plain `rows` stay the fallback.
   */
  richRows?: (capabilities: RichCellCapabilities) => readonly RichRow[];
  /**
   * A note for the header's first cell (what an English keyword was searched as, the words that could not be
   * translated): written with `worksheet.notes.add` where the host has notes (ExcelApi 1.18).
   */
  note?: string | undefined;
}

export type InsertTarget = 'selection' | 'newSheet';

export interface InsertedTable {
  address: string;
  sheetName: string | null;
  /** Capabilities this Excel lacked, each replaced by a plainer fallback. */
  fallbacks: Feature[];
}

/** Excel number formats per column kind, for numeric cells; text cells get "@". */
export const NUMBER_FORMATS: Readonly<Partial<Record<ColumnFormat, string>>> = {
  integer: '0',
  score: '0.0',
  percent: '0%',
  price: '"¥"#,##0.00',
  // A converted price: the currency is in the column header; 4 decimals keep a 0.03 CNY unit price visible.
  amount: '#,##0.00##',
  // The `as of` column (cells/as-of.ts): an Excel date-time serial.
  datetime: AS_OF_FORMAT,
};
export const TEXT_FORMAT = '@';
const GENERAL = 'General';

const isLink = (value: unknown): value is string =>
  typeof value === 'string' && /^https?:\/\/\S+$/i.test(value);

/** Per cell: "@" for text (so it is never parsed as a formula), the column's format for numbers. */
export function cellFormats(table: SheetTable): string[][] {
  const header = table.columns.map(() => TEXT_FORMAT);
  const body = table.rows.map((row) =>
    table.columns.map((column, c) => {
      const value = row[c];
      if (typeof value === 'string') return value === '' ? GENERAL : TEXT_FORMAT;
      if (typeof value === 'number') return NUMBER_FORMATS[column.format] ?? GENERAL;
      return GENERAL;
    }),
  );
  return [header, ...body];
}

const hasContent = (formulas: unknown[][]) =>
  formulas.some((row) => row.some((cell) => cell !== '' && cell !== null && cell !== undefined));

async function newSheet(context: Excel.RequestContext, title: string) {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const name = uniqueSheetName(
    sheetNameFor(title),
    worksheets.items.map((s) => s.name),
  );
  const sheet = worksheets.add(name);
  return { sheet, name, anchor: sheet.getRange('A1') };
}

async function selectedAnchor(context: Excel.RequestContext): Promise<Excel.Range> {
  const selected = context.workbook.getSelectedRange();
  selected.load('address');
  try {
    await context.sync();
  } catch (error) {
    throw new InsertError(
      'multiArea',
      'Select one cell (or one area): Excel cannot insert into a selection of several areas.',
      error,
    );
  }
  return selected.getCell(0, 0);
}

export async function insertTable(
  context: Excel.RequestContext,
  table: SheetTable,
  target: InsertTarget,
  has: (feature: Feature) => boolean = supports,
): Promise<InsertedTable> {
  if (table.rows.length === 0)
    throw new InsertError('empty', 'nothing to insert: the search found no results');
  if (!has('resize')) {
    throw new InsertError('unsupported', 'This Excel is too old to insert tables (ExcelApi 1.2 needed).');
  }
  const values: Row[] = [table.columns.map((c) => c.header), ...table.rows];
  const fallbacks: Feature[] = [];

  let anchor: Excel.Range;
  let sheet: Excel.Worksheet | null = null;
  let sheetName: string | null = null;
  if (target === 'newSheet') {
    ({ sheet, name: sheetName, anchor } = await newSheet(context, table.title));
  } else {
    anchor = await selectedAnchor(context);
  }

  const range = anchor.getResizedRange(values.length - 1, table.columns.length - 1);
  range.load(['address', 'formulas']);
  await context.sync();
  if (target === 'selection' && hasContent(range.formulas)) {
    throw new InsertError(
      'notEmpty',
      `${range.address} is not empty. Insert on a new sheet instead, or select an empty area.`,
    );
  }

  // The table first, on the still-empty cells: if it would overlap another table Excel refuses here,
  // before anything is written.
  let excelTable: Excel.Table | null = null;
  if (has('tables')) {
    excelTable = context.workbook.tables.add(range, true);
    excelTable.style = 'TableStyleMedium2';
    try {
      await context.sync();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InsertError(
        'overlap',
        `Excel cannot make a table at ${range.address} (${reason}). It may overlap another table: select an empty area outside tables, or insert on a new sheet.`,
        error,
      );
    }
  } else {
    fallbacks.push('tables');
  }

  // Text format before values, in the same batch.
  range.numberFormat = cellFormats(table);
  range.values = values;
  if (!excelTable) range.getRow(0).format.font.bold = true;

  const richCells = writeRichCells(range, table, has, fallbacks);
  if (table.note) {
    if (has('notes')) range.worksheet.notes.add(range.getCell(0, 0), table.note);
    else fallbacks.push('notes');
  }

  const linkColumns = table.columns.flatMap((column, c) => (column.format === 'link' ? [c] : []));
  if (linkColumns.length > 0 && !has('hyperlinks')) fallbacks.push('hyperlinks');
  else {
    for (const c of linkColumns) {
      table.rows.forEach((row, r) => {
        const url = row[c];
        if (isLink(url) && !richCells.has(`${r},${c}`))
          range.getCell(r + 1, c).hyperlink = { address: url, textToDisplay: url };
      });
    }
  }

  range.format.autofitColumns();
  sheet?.activate();
  await context.sync();
  return { address: range.address, sheetName, fallbacks };
}

/**
 * Cards and pictures over the plain values just written, cell by cell in the same batch, where the host has
 * `Range.valuesAsJson` (ExcelApi 1.16); returns the cells written (`row,column` of the data rows).
 */
function writeRichCells(
  range: Excel.Range,
  table: SheetTable,
  has: (feature: Feature) => boolean,
  fallbacks: Feature[],
): Set<string> {
  const written = new Set<string>();
  if (!table.richRows) return written;
  if (!has('valuesAsJson')) {
    fallbacks.push('valuesAsJson');
    return written;
  }
  const rows = table.richRows({ doubleNumberFormat: has('doubleNumberFormat') });
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (typeof cell !== 'object' || cell === null) return;
      range.getCell(r + 1, c).valuesAsJson = [[cell as Excel.CellValue]];
      written.add(`${r},${c}`);
    });
  });
  return written;
}
