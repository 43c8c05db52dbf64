import type { CellRef } from './recalculate.js';

// Freeze: the chosen formulas become the values they show, for sending a quote that no longer asks the proxy.
// A yuantou formula usually spills, so its whole spill range is read and written back (Range
// .getSpillingToRangeOrNullObject, ExcelApi 1.12): writing only the anchor cell would delete the rows below it.
// Cards and pictures are kept by writing the same cell-value JSON back: "Custom functions may return the same
// cell-value JSON as `Range.valuesAsJson`" (ExcelApi 1.16 "for the same types via valuesAsJson"); without 1.16,
// `values` (a card becomes its text). A cell still #BUSY! is left as a formula: its value is not there yet.
// An error cell becomes its text (`#N/A`) — writing an error object back through valuesAsJson is not
// documented (unverified), and a quote shows the text the same way.

export interface FreezeResult {
  /** Formulas replaced by their values. */
  frozen: number;
  /** Formulas left alone because they were still calculating. */
  busy: number;
  /** Cells written (a spilled formula writes its whole block). */
  cellsWritten: number;
}

type CellJson = { type: string; basicValue?: unknown; [key: string]: unknown };

const isBusy = (value: unknown) => value === '#BUSY!';

/** A cell's JSON as it is written back: errors as their text, everything else unchanged. */
export function frozenJson(cell: CellJson): CellJson {
  if (cell.type !== 'Error') return cell;
  return { type: 'String', basicValue: String(cell.basicValue ?? '#VALUE!') };
}

export async function freezeCells(
  context: Excel.RequestContext,
  cells: readonly CellRef[],
  { rich }: { rich: boolean },
): Promise<FreezeResult> {
  const blocks = cells.map((c) => {
    const anchor = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
    const spill = anchor.getSpillingToRangeOrNullObject();
    anchor.load('values');
    spill.load('address');
    return { anchor, spill };
  });
  await context.sync();
  const targets = blocks
    .filter(({ anchor }) => !isBusy(anchor.values[0]?.[0]))
    .map(({ anchor, spill }) => {
      const target = spill.isNullObject ? anchor : spill;
      target.load(rich ? ['values', 'valuesAsJson'] : ['values']);
      return target;
    });
  await context.sync();
  let cellsWritten = 0;
  for (const target of targets) {
    const values = target.values;
    cellsWritten += values.reduce((n, row) => n + row.length, 0);
    if (rich) {
      const json = target.valuesAsJson as unknown as CellJson[][];
      target.valuesAsJson = json.map((row) => row.map(frozenJson)) as unknown as Excel.CellValue[][];
    } else {
      target.values = values;
    }
  }
  await context.sync();
  return { frozen: targets.length, busy: blocks.length - targets.length, cellsWritten };
}
