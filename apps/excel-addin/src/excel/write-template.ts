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
  sheet.getRange('A:B').format.autofitColumns();
  sheet.activate();
  await context.sync();
  return sheetName;
}
