import type { ColumnFormat, Row } from '../functions/result-rows.js';

// "Insert into sheet": the pane's results as a real Excel table (header, banded style, number formats,
// clickable links), at the selected cell or on a new sheet named after the keyword. Only Excel API calls
// live here, so the module is tested with office-addin-mock.

export interface SheetTable {
  /** The keyword (or "image search"); names the new sheet. */
  title: string;
  columns: readonly { header: string; format: ColumnFormat }[];
  /** Data rows, without the header. */
  rows: readonly Row[];
}

export type InsertTarget = 'selection' | 'newSheet';

export interface InsertedTable {
  address: string;
  sheetName: string | null;
}

/** Excel number formats per column kind; `text` and `link` keep Excel's General. */
export const NUMBER_FORMATS: Readonly<Partial<Record<ColumnFormat, string>>> = {
  integer: '0',
  score: '0.0',
  percent: '0%',
  price: '"¥"#,##0.00',
  // A converted price: the currency is in the column header; 4 decimals keep a 0.03 CNY unit price visible.
  amount: '#,##0.00##',
};

const MAX_SHEET_NAME = 31;

/** A legal sheet name from a keyword: no `[]:*?/\`, at most 31 characters, never empty. */
export function sheetNameFor(title: string): string {
  const clean = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  return clean.slice(0, MAX_SHEET_NAME) || 'YUANTOU';
}

/** `玩具厂`, else `玩具厂 (2)`, `玩具厂 (3)`…: one sync for all candidates. */
async function freeSheetName(context: Excel.RequestContext, base: string): Promise<string> {
  const candidates = [base];
  for (let n = 2; n <= 20; n++) {
    const suffix = ` (${n})`;
    candidates.push(base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix);
  }
  const lookups = candidates.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('isNullObject');
    return { name, sheet };
  });
  await context.sync();
  const free = lookups.find((l) => l.sheet.isNullObject);
  if (!free) throw new Error(`too many sheets named "${base}"; rename or delete some`);
  return free.name;
}

const isLink = (value: unknown): value is string =>
  typeof value === 'string' && /^https?:\/\/\S+$/i.test(value);

export async function insertTable(
  context: Excel.RequestContext,
  table: SheetTable,
  target: InsertTarget,
): Promise<InsertedTable> {
  if (table.rows.length === 0) throw new Error('nothing to insert: the search found no results');
  const values: Row[] = [table.columns.map((c) => c.header), ...table.rows];

  let anchor: Excel.Range;
  let sheet: Excel.Worksheet | null = null;
  let sheetName: string | null = null;
  if (target === 'newSheet') {
    sheetName = await freeSheetName(context, sheetNameFor(table.title));
    sheet = context.workbook.worksheets.add(sheetName);
    anchor = sheet.getRange('A1');
  } else {
    anchor = context.workbook.getSelectedRange().getCell(0, 0);
  }

  const range = anchor.getResizedRange(values.length - 1, table.columns.length - 1);
  range.values = values;
  const excelTable = context.workbook.tables.add(range, true);
  excelTable.style = 'TableStyleMedium2';

  table.columns.forEach((column, c) => {
    const format = NUMBER_FORMATS[column.format];
    if (format)
      excelTable.columns.getItemAt(c).getDataBodyRange().numberFormat = table.rows.map(() => [format]);
    if (column.format !== 'link') return;
    table.rows.forEach((row, r) => {
      const url = row[c];
      if (isLink(url)) range.getCell(r + 1, c).hyperlink = { address: url, textToDisplay: url };
    });
  });

  range.format.autofitColumns();
  sheet?.activate();
  range.load('address');
  await context.sync();
  return { address: range.address, sheetName };
}
