import { cellAddress, columnNumber } from '../src/cells/cell-address.js';
import { type Argument, callFormula } from '../src/taskpane/templates.js';

// A sheet calculated as Excel recalculates it, for the template tests (in Node, templates.integration.test.ts,
// and through the pane in the browser, sheet-grid.ts): every reference is read from the sheet — the cells written
// and the spills already calculated — so a formula reading another's spill (the shortlist's =SUPPLIER cards read
// the =SUPPLIERS spill's member ids) waits for it; formulas that read no spill are called at once, as Excel
// calls them together. Each answer spills right and down from its cell, and one running into a written cell is
// Excel's #SPILL!, thrown.

/** A formula cell: its address and its call. */
export interface SheetCall {
  address: string;
  fn: string;
  args: Argument[];
}

export interface CalculatedCall {
  address: string;
  /** The formula as written, without namespace: `=SUPPLIER(N8,"company")`. */
  formula: string;
  value: unknown[][];
}

/** `A7`, `$B$2` → column and row (1-based). */
export function cellAt(a1: string): { column: number; row: number } {
  const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(a1.replace(/\$/g, ''))!;
  return { column: columnNumber(letters!), row: Number(row) };
}

/** The cells of a reference (`B2`, `$F$2:$N$4`), row by row. */
function cellsOf(ref: string): { column: number; row: number }[][] {
  const [from, to = from] = ref.replace(/\$/g, '').split(':') as [string, string?];
  const a = cellAt(from);
  const b = cellAt(to!);
  const rows: { column: number; row: number }[][] = [];
  for (let r = a.row; r <= b.row; r += 1) {
    const row: { column: number; row: number }[] = [];
    for (let c = a.column; c <= b.column; c += 1) row.push({ column: c, row: r });
    rows.push(row);
  }
  return rows;
}

/** An argument's value in the sheet: text, a number, one cell's value or a range's rows ('' where empty). */
function resolve(sheet: Map<string, unknown>, arg: Argument): unknown {
  if ('text' in arg) return arg.text;
  if ('number' in arg) return arg.number;
  const rows = cellsOf(arg.ref).map((row) => row.map((c) => sheet.get(cellAddress(c.column, c.row)) ?? ''));
  return rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0] : rows;
}

/** A spill runs right and down from its cell: `call` reads `other`'s answer when a reference reaches into it. */
const readsSpillOf = (call: SheetCall, other: SheetCall) => {
  const anchor = cellAt(other.address);
  return (
    call !== other &&
    call.args.some(
      (a) =>
        'ref' in a &&
        cellsOf(a.ref)
          .flat()
          .some((c) => c.column >= anchor.column && c.row >= anchor.row),
    )
  );
};

/**
 * Calculates `calls` over the `written` cells (address → value; formula cells count as written), calling each
 * through `run`; returns every call's answer in the order given, and the sheet with the spills.
 */
export async function calculateSheet(
  written: Map<string, unknown>,
  calls: SheetCall[],
  run: (fn: string, args: unknown[]) => Promise<unknown[][]>,
): Promise<{ calls: CalculatedCall[]; sheet: Map<string, unknown> }> {
  const sheet = new Map(written);
  const taken = new Set([...written.keys(), ...calls.map((c) => c.address)]);
  let pending = calls;
  const done: CalculatedCall[] = [];
  while (pending.length > 0) {
    const ready = pending.filter((call) => !pending.some((other) => readsSpillOf(call, other)));
    if (ready.length === 0) throw new Error(`circular references among ${pending.map((c) => c.address)}`);
    const answers = await Promise.all(
      ready.map(async (call) => ({
        address: call.address,
        formula: callFormula(call),
        value: await run(
          call.fn,
          call.args.map((a) => resolve(sheet, a)),
        ),
      })),
    );
    for (const answer of answers) {
      const anchor = cellAt(answer.address);
      for (const [r, row] of answer.value.entries())
        for (const [c, value] of row.entries()) {
          const address = cellAddress(anchor.column + c, anchor.row + r);
          if ((r > 0 || c > 0) && taken.has(address))
            throw new Error(
              `#SPILL!: ${answer.formula} in ${answer.address} runs into ${address} (${row.length} columns: ${answer.value[0]})`,
            );
          sheet.set(address, value);
        }
    }
    done.push(...answers);
    pending = pending.filter((c) => !ready.includes(c));
  }
  const order = calls.map((c) => c.address);
  return { calls: done.sort((a, b) => order.indexOf(a.address) - order.indexOf(b.address)), sheet };
}
