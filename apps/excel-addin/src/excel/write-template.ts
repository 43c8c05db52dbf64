import { topLeftOf } from '../cells/cell-address.js';
import { uniqueSheetName } from './sheet-name.js';

// Writes a starter sheet (taskpane/templates.ts) into the current workbook: a new sheet with a free name,
// labels as text, inputs as values, the functions as formulas, then activates it. ExcelApi 1.1–1.2 only
// (worksheets.add, getRange, format.font, autofitColumns). Label text never starts with "=" so `values`
// cannot turn one into a formula.

export interface SheetCell {
  address: string;
  value?: string | number;
  formula?: string;
  style?: 'title' | 'label' | 'hint' | 'header';
}

export async function writeTemplateSheet(
  context: Excel.RequestContext,
  name: string,
  cells: readonly SheetCell[],
): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const sheetName = uniqueSheetName(
    name,
    sheets.items.map((s) => s.name),
  );
  const sheet = sheets.add(sheetName);
  writeCells(sheet, cells);
  sheet.getRange('A:B').format.autofitColumns();
  sheet.activate();
  await context.sync();
  return sheetName;
}

/** Queues the cells' values, formulas and styles on `sheet` (the caller syncs). */
export function writeCells(sheet: Pick<Excel.Worksheet, 'getRange'>, cells: readonly SheetCell[]): void {
  for (const cell of cells) {
    const range = sheet.getRange(cell.address);
    if (cell.formula !== undefined) range.formulas = [[cell.formula]];
    else if (cell.value !== undefined) range.values = [[cell.value]];
    if (cell.style === 'title') {
      range.format.font.bold = true;
      range.format.font.size = 14;
    } else if (cell.style === 'label' || cell.style === 'header') range.format.font.bold = true;
    else if (cell.style === 'hint') range.format.font.italic = true;
  }
}

/** The selected range's top-left cell (ExcelApi 1.1: getSelectedRange, address), where a block is written. */
export async function selectedCell(
  context: Excel.RequestContext,
): Promise<{ sheet: string; column: number; row: number }> {
  const range = context.workbook.getSelectedRange();
  range.load('address');
  await context.sync();
  const topLeft = topLeftOf(range.address);
  if (!topLeft) throw new Error(`cannot read the selection's address "${range.address}"`);
  return topLeft;
}

/** Writes cells into the existing sheet `name` (e.g. the New rate card at the selection). */
export async function writeCellsInSheet(
  context: Excel.RequestContext,
  name: string,
  cells: readonly SheetCell[],
): Promise<void> {
  const sheet = name
    ? context.workbook.worksheets.getItem(name)
    : context.workbook.worksheets.getActiveWorksheet();
  writeCells(sheet, cells);
  await context.sync();
}
