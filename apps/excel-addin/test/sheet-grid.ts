import type { BrowserContext, Locator, Page } from 'playwright-core';

// A sheet the pane wrote into the fake Excel host (fake-excel-host.ts), calculated and drawn: each formula the
// template wrote is called through the custom functions the pane itself associated (the built code, in the page,
// against the demo proxy), references read from the sheet — input cells and spills already calculated, as Excel
// recalculates dependents — and each answer spilled right and down from its cell. Then the cells are drawn as a
// grid in a page of their own, for the README's screenshot of a template's result.

/** Every non-empty cell of the sheet after calculation (A1 address → value), and the bold ones. */
export interface CalculatedSheet {
  cells: Record<string, string | number | boolean>;
  bold: string[];
}

export function calculateFakeSheet(page: Page, sheet: string): Promise<CalculatedSheet> {
  return page.evaluate(async (sheet) => {
    type Value = string | number | boolean;
    const w = window as unknown as {
      fakeExcel: { values: Record<string, Value>; formulas: Record<string, string>; bold: string[] };
      fakeExcelFunctions: Record<string, (...args: unknown[]) => Promise<Value[][]>>;
    };
    const mine = (record: Record<string, unknown>) =>
      Object.entries(record)
        .filter(([key]) => key.startsWith(`${sheet}!`))
        .map(([key, value]) => [key.slice(sheet.length + 1), value] as const);
    const number = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    const letters = (n: number): string =>
      n <= 0 ? '' : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));
    const at = (a1: string) => {
      const [, col, row] = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1)!;
      return { column: number(col!), row: Number(row) };
    };
    const cells = new Map<string, Value>(mine(w.fakeExcel.values) as [string, Value][]);
    const written = new Set(cells.keys());
    // `=SUPPLIER(N8,"company,verdict")`: the name, and each argument a reference, a quoted text or a number.
    const calls = mine(w.fakeExcel.formulas).map(([address, formula]) => {
      written.add(address);
      const [, name, inner] = /^=(?:[A-Z]+\.)?([A-Z]+)\((.*)\)$/.exec(String(formula))!;
      const args = [...inner!.matchAll(/"((?:[^"]|"")*)"|([^,]+)/g)].map(
        (m): { text: string } | { ref: string } =>
          m[1] !== undefined ? { text: m[1].replace(/""/g, '"') } : { ref: m[2]!.trim() },
      );
      return { address, name: name!, args };
    });
    const refCells = (ref: string) => {
      const [from, to = from] = ref.split(':') as [string, string?];
      const a = at(from);
      const b = at(to!);
      const rows: { column: number; row: number }[][] = [];
      for (let r = a.row; r <= b.row; r += 1) {
        const row: { column: number; row: number }[] = [];
        for (let c = a.column; c <= b.column; c += 1) row.push({ column: c, row: r });
        rows.push(row);
      }
      return rows;
    };
    const readsSpillOf = (call: (typeof calls)[number], other: (typeof calls)[number]) =>
      call !== other &&
      call.args.some(
        (a) =>
          'ref' in a &&
          refCells(a.ref)
            .flat()
            .some((c) => c.column >= at(other.address).column && c.row >= at(other.address).row),
      );
    let pending = calls;
    while (pending.length > 0) {
      const ready = pending.filter((call) => !pending.some((other) => readsSpillOf(call, other)));
      if (ready.length === 0) throw new Error('circular references');
      const answers = await Promise.all(
        ready.map(async (call) => {
          const fn = w.fakeExcelFunctions[call.name];
          if (!fn) throw new Error(`the pane associated no ${call.name}`);
          const args = call.args.map((a) => {
            if ('text' in a) return a.text;
            if (/^-?\d+(\.\d+)?$/.test(a.ref)) return Number(a.ref);
            const rows = refCells(a.ref).map((row) =>
              row.map((c) => cells.get(`${letters(c.column)}${c.row}`) ?? ''),
            );
            return rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0] : rows;
          });
          try {
            return { call, rows: await fn(...args) };
          } catch (error) {
            return { call, rows: [[`#VALUE! ${(error as Error).message}`]] };
          }
        }),
      );
      for (const { call, rows } of answers) {
        const anchor = at(call.address);
        for (const [r, row] of rows.entries())
          for (const [c, value] of row.entries()) {
            const address = `${letters(anchor.column + c)}${anchor.row + r}`;
            if ((r > 0 || c > 0) && written.has(address)) throw new Error(`#SPILL! at ${call.address}`);
            if (value !== '' && value !== null) cells.set(address, value);
          }
      }
      pending = pending.filter((call) => !ready.includes(call));
    }
    return {
      cells: Object.fromEntries(cells),
      bold: mine(Object.fromEntries(w.fakeExcel.bold.map((b) => [b, true]))).map(([a]) => a),
    };
  }, sheet);
}

const htmlText = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The calculated sheet as a spreadsheet grid (column letters, row numbers, text running over empty neighbours as
 * in Excel) in a new page of `context`; returns the grid, to screenshot.
 */
export async function drawSheetGrid(context: BrowserContext, sheet: CalculatedSheet): Promise<Locator> {
  const positions = Object.keys(sheet.cells).map((a) => {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { col: [...col!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0), row: Number(row) };
  });
  const columns = Math.max(...positions.map((p) => p.col));
  const rows = Math.max(...positions.map((p) => p.row));
  const letters = (n: number): string =>
    n <= 0 ? '' : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));
  const text = (v: string | number | boolean) =>
    typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v);
  const head = Array.from({ length: columns }, (_, i) => `<th>${letters(i + 1)}</th>`).join('');
  const body = Array.from({ length: rows }, (_, r) => {
    const tds = Array.from({ length: columns }, (_, c) => {
      const address = `${letters(c + 1)}${r + 1}`;
      const value = sheet.cells[address];
      // A label or hint runs on over the empty cells beside it, as in Excel (the grid lets it where the next
      // three are empty; elsewhere a long value is cut at its cell's edge).
      const free = [2, 3, 4].every((d) => sheet.cells[`${letters(c + d)}${r + 1}`] === undefined);
      const classes = [sheet.bold.includes(address) ? 'b' : '', free ? 'o' : ''].join(' ');
      return `<td class="${classes.trim()}">${value === undefined ? '' : htmlText(text(value))}</td>`;
    }).join('');
    return `<tr><th>${r + 1}</th>${tds}</tr>`;
  }).join('');
  const page = await context.newPage();
  await page.setViewportSize({ width: 60 + columns * 96, height: 40 + rows * 22 });
  await page.setContent(`<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; font: 12px 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif; background: #fff; }
    table { border-collapse: collapse; table-layout: fixed; }
    th { background: #f3f3f3; color: #555; font-weight: normal; border: 1px solid #d4d4d4; }
    td { width: 96px; max-width: 96px; height: 20px; border: 1px solid #e1e1e1; white-space: nowrap; overflow: hidden; padding: 0 3px; }
    td.o { overflow: visible; }
    td.b { font-weight: bold; }
    th:first-child { width: 32px; }
  </style><table id="sheet"><tr><th></th>${head}</tr>${body}</table>`);
  return page.locator('#sheet');
}
