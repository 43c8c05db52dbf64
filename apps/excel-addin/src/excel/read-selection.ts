// The pane's "Read selected cells": the text of every non-blank selected cell, row by row. A multi-area
// selection makes Office.js's getSelectedRange throw; the message says what to do instead.

export async function readSelectedText(context: Excel.RequestContext): Promise<string[]> {
  let range: Excel.Range;
  try {
    range = context.workbook.getSelectedRange();
    range.load('values');
    await context.sync();
  } catch {
    throw new Error('select one block of cells (not several separate areas)');
  }
  return (range.values as unknown[][])
    .flat()
    .map((value) => (value === null || value === undefined ? '' : String(value).trim()))
    .filter((text) => text !== '');
}
