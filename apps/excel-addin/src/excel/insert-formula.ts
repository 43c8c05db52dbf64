// The formula builder's two Excel calls: the address of the selected range (its "range picker" for links),
// and writing the built formula into the selected cell. `Range.formulas` (ExcelApi 1.1) takes the formula as
// typed; a multi-area selection makes getSelectedRange throw, and the message says what to do instead.

const ONE_BLOCK = 'select one block of cells (not several separate areas)';

/** `Sheet1!A2:A20` → `A2:A20` when the formula goes on the same sheet, else the sheet-qualified address. */
export function addressFor(selected: string, targetSheet: string | null): string {
  const bang = selected.lastIndexOf('!');
  if (bang === -1) return selected;
  const sheet = selected
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  return targetSheet !== null && sheet === targetSheet ? selected.slice(bang + 1) : selected;
}

/** The selected range's address, sheet-qualified (`Sheet1!A2:A20`). */
export async function selectedAddress(context: Excel.RequestContext): Promise<string> {
  try {
    const range = context.workbook.getSelectedRange();
    range.load('address');
    await context.sync();
    return range.address;
  } catch {
    throw new Error(ONE_BLOCK);
  }
}

/** Writes `formula` into the top-left cell of the selection; returns that cell's address. */
export async function insertFormula(context: Excel.RequestContext, formula: string): Promise<string> {
  let cell: Excel.Range;
  try {
    cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load('address');
    await context.sync();
  } catch {
    throw new Error(ONE_BLOCK);
  }
  cell.formulas = [[formula]];
  await context.sync();
  return cell.address;
}
