import type { BrowserContext, Locator, Page } from 'playwright-core';
import { cellAddress, columnLetters } from '../src/cells/cell-address.js';
import type { Argument } from '../src/taskpane/templates.js';
import { calculateSheet, cellAt, type SheetCall } from './sheet-calc.js';

// A sheet the pane wrote into the fake Excel host (fake-excel-host.ts), calculated and drawn: each formula the
// template wrote is called through the custom functions the pane itself associated (the built code, in the page,
// against the demo proxy), in the order and with the spills sheet-calc.ts works out. Then the cells are drawn as
// a grid in a page of their own, for the README's screenshot of a template's result.

/** Every non-empty cell of the sheet after calculation (A1 address → value), and the bold ones. */
export interface CalculatedSheet {
  cells: Record<string, string | number | boolean>;
  bold: string[];
}

/** `=YUANTOU.SUPPLIER(N8,"company,verdict")` → its function and arguments (references, quoted texts, numbers). */
export function formulaCall(address: string, formula: string): SheetCall {
  const [, fn, inner] = /^=(?:[A-Z]+\.)?([A-Z]+)\((.*)\)$/.exec(formula)!;
  const args = [...inner!.matchAll(/"((?:[^"]|"")*)"|([^,]+)/g)].map((m): Argument => {
    if (m[1] !== undefined) return { text: m[1].replace(/""/g, '"') };
    const text = m[2]!.trim();
    return /^-?\d+(\.\d+)?$/.test(text) ? { number: Number(text) } : { ref: text };
  });
  return { address, fn: fn!, args };
}

/** The sheet the pane wrote into the fake host, calculated with the functions the pane associated (sheet-calc.ts). */
export async function calculateFakeSheet(page: Page, sheet: string): Promise<CalculatedSheet> {
  const written = await page.evaluate((sheet) => {
    const log = (
      window as unknown as {
        fakeExcel: { values: Record<string, unknown>; formulas: Record<string, string>; bold: string[] };
      }
    ).fakeExcel;
    const mine = <T>(record: Record<string, T>) =>
      Object.entries(record)
        .filter(([key]) => key.startsWith(`${sheet}!`))
        .map(([key, value]) => [key.slice(sheet.length + 1), value] as [string, T]);
    return { values: mine(log.values), formulas: mine(log.formulas), bold: log.bold };
  }, sheet);
  const calls = written.formulas.map(([address, formula]) => formulaCall(address, formula));
  const result = await calculateSheet(new Map(written.values), calls, (fn, args) =>
    page.evaluate(
      ({ fn, args }) =>
        (
          window as unknown as {
            fakeExcelFunctions: Record<string, (...a: unknown[]) => Promise<unknown[][]>>;
          }
        ).fakeExcelFunctions[fn]!(...args),
      { fn, args },
    ),
  );
  const cells = [...result.sheet].filter(
    (entry): entry is [string, string | number | boolean] => entry[1] !== '' && entry[1] !== null,
  );
  return {
    cells: Object.fromEntries(cells),
    bold: written.bold.filter((b) => b.startsWith(`${sheet}!`)).map((b) => b.slice(sheet.length + 1)),
  };
}

const htmlText = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The calculated sheet as a spreadsheet grid (column letters, row numbers, text running over empty neighbours as
 * in Excel) in a new page of `context`; returns the grid, to screenshot.
 */
export async function drawSheetGrid(context: BrowserContext, sheet: CalculatedSheet): Promise<Locator> {
  const positions = Object.keys(sheet.cells).map(cellAt);
  const columns = Math.max(...positions.map((p) => p.column));
  const rows = Math.max(...positions.map((p) => p.row));
  const text = (v: string | number | boolean) =>
    typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v);
  const head = Array.from({ length: columns }, (_, i) => `<th>${columnLetters(i + 1)}</th>`).join('');
  const body = Array.from({ length: rows }, (_, r) => {
    const tds = Array.from({ length: columns }, (_, c) => {
      const address = cellAddress(c + 1, r + 1);
      const value = sheet.cells[address];
      // A label or hint runs on over the empty cells beside it, as in Excel (the grid lets it where the next
      // three are empty; elsewhere a long value is cut at its cell's edge).
      const free = [2, 3, 4].every((d) => sheet.cells[cellAddress(c + d, r + 1)] === undefined);
      const classes = [sheet.bold.includes(address) ? 'b' : '', free ? 'o' : ''].join(' ');
      return `<td class="${classes.trim()}">${value === undefined ? '' : htmlText(text(value))}</td>`;
    }).join('');
    return `<tr><th>${r + 1}</th>${tds}</tr>`;
  }).join('');
  const page = await context.newPage();
  await page.setViewportSize({ width: 60 + columns * 96, height: 40 + rows * 22 });
  await page.setContent(`<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; font: 12px sans-serif; background: #fff; }
    table { border-collapse: collapse; table-layout: fixed; }
    th { background: #f3f3f3; color: #555; font-weight: normal; border: 1px solid #d4d4d4; }
    td { width: 96px; max-width: 96px; height: 20px; border: 1px solid #e1e1e1; white-space: nowrap; overflow: hidden; padding: 0 3px; }
    td.o { overflow: visible; }
    td.b { font-weight: bold; }
    th:first-child { width: 32px; }
  </style><table id="sheet"><tr><th></th>${head}</tr>${body}</table>`);
  return page.locator('#sheet');
}
