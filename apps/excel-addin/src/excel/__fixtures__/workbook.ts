import { columnName, splitAddress } from '../yuantou-cells.js';

// A small Excel workbook for the refresh, retry and freeze tests: sheets of cells (formula, value, cell JSON),
// a selection and an active sheet. As in Excel, a property is readable only after load + sync (reading it
// before throws), writes and `calculate()` take effect at the next sync, and a calculated custom-function
// cell shows #BUSY! for `busyReads` syncs, then its new value. Everything written or calculated is logged.

export interface FakeCell {
  formula?: string;
  value: unknown;
  /** Range.valuesAsJson of the cell; a plain String/Double from `value` when absent. */
  json?: Record<string, unknown>;
  /** The block it spills to, anchor included: `B6:D9`. */
  spill?: string;
  /** After calculate(): how many syncs it stays #BUSY! (0: none), and what it shows then. */
  busyFor?: number;
  recalculated?: unknown;
  /** Syncs left showing #BUSY! (set by calculate). */
  busyReads?: number;
}

type Sheet = Map<string, FakeCell>;
const cellRef = (row: number, column: number) => `${columnName(column)}${row + 1}`;

function bounds(a1: string): { row: number; column: number; rows: number; columns: number } {
  // A whole column (A:A) reaches Excel's last row.
  const [from, to = from] = a1
    .split(':')
    .map((p, i) => (/\d/.test(p) ? p : `${p}${i === 0 ? 1 : 1_048_576}`));
  const a = splitAddress(`x!${from}`);
  const b = splitAddress(`x!${to}`);
  return { row: a.row, column: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

export function fakeWorkbook(
  sheets: Record<string, Record<string, FakeCell>>,
  selection = 'Sheet1!A1',
  /** Called as Excel starts a recalculated custom function, with its cell (`Sheet1!B2`, as an invocation has it). */
  onCalculate: (address: string) => void = () => {},
) {
  const book = new Map<string, Sheet>(
    Object.entries(sheets).map(([n, cells]) => [n, new Map(Object.entries(cells))]),
  );
  const log = {
    calculated: [] as string[],
    written: [] as { address: string; property: string; value: unknown }[],
    syncs: 0,
  };
  let active = selection.slice(0, selection.lastIndexOf('!'));
  const pending: (() => void)[] = [];
  const quote = (s: string) => (/^[A-Za-z_]\w*$/.test(s) ? s : `'${s}'`);
  const cellAt = (sheet: string, ref: string): FakeCell => book.get(sheet)?.get(ref) ?? { value: '' };

  const shown = (cell: FakeCell) =>
    cell.busyReads !== undefined && cell.busyReads > 0 ? '#BUSY!' : cell.value;

  const range = (sheet: string, a1: string | null): Excel.Range => {
    const loaded = new Map<string, unknown>();
    const requested = new Set<string>();
    const grid = <T>(f: (cell: FakeCell) => T): T[][] => {
      const { row, column, rows, columns } = bounds(a1!);
      return Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => f(cellAt(sheet, cellRef(row + r, column + c)))),
      );
    };
    const compute: Record<string, () => unknown> = {
      address: () => `${quote(sheet)}!${a1}`,
      formulas: () => grid((c) => c.formula ?? c.value),
      values: () => grid(shown),
      valueTypes: () => grid((c) => (/^#/.test(String(shown(c))) ? 'Error' : 'String')),
      valuesAsJson: () =>
        grid(
          (c) => c.json ?? { type: typeof c.value === 'number' ? 'Double' : 'String', basicValue: c.value },
        ),
    };
    const target = {
      isNullObject: a1 === null,
      load(props: string | string[]) {
        for (const p of Array.isArray(props) ? props : [props]) requested.add(p);
        pending.push(() => {
          if (a1 !== null) for (const p of requested) loaded.set(p, compute[p]!());
        });
      },
      calculate() {
        pending.push(() => {
          log.calculated.push(`${sheet}!${a1}`);
          const cell = cellAt(sheet, a1!);
          if (!cell.formula) return;
          onCalculate(`${sheet}!${a1}`);
          cell.busyReads = cell.busyFor ?? 0;
          if (cell.busyReads === 0) cell.value = cell.recalculated ?? cell.value;
        });
      },
      getRange: undefined,
      getSpillingToRangeOrNullObject: () => range(sheet, cellAt(sheet, a1!).spill ?? null),
      get worksheet() {
        return worksheet(sheet);
      },
      getIntersectionOrNullObject: (other: Excel.Range) => {
        const mine = bounds(a1!);
        const used = bounds((other as unknown as { a1: string }).a1);
        const row = Math.max(mine.row, used.row);
        const column = Math.max(mine.column, used.column);
        const lastRow = Math.min(mine.row + mine.rows, used.row + used.rows) - 1;
        const lastColumn = Math.min(mine.column + mine.columns, used.column + used.columns) - 1;
        return range(
          sheet,
          lastRow < row || lastColumn < column
            ? null
            : `${cellRef(row, column)}:${cellRef(lastRow, lastColumn)}`,
        );
      },
      a1,
    };
    return new Proxy(target, {
      get(t, property: string) {
        if (property in t) return (t as Record<string, unknown>)[property];
        if (!(property in compute)) throw new Error(`the fake has no Range.${property}`);
        if (!loaded.has(property)) throw new Error(`PropertyNotLoaded: ${property}`);
        return loaded.get(property);
      },
      set(_, property: string, value: unknown[][]) {
        pending.push(() => {
          log.written.push({ address: `${sheet}!${a1}`, property, value });
          const { row, column } = bounds(a1!);
          for (const [r, line] of value.entries()) {
            for (const [c, v] of line.entries()) {
              const json = property === 'valuesAsJson' ? (v as Record<string, unknown>) : undefined;
              const written = json ? (json.basicValue ?? json.text) : v;
              book.get(sheet)!.set(cellRef(row + r, column + c), { value: written, json });
            }
          }
        });
        return true;
      },
    }) as unknown as Excel.Range;
  };

  const usedRange = (sheet: string) => {
    const refs = [...(book.get(sheet)?.keys() ?? [])].map((r) => splitAddress(`x!${r}`));
    if (refs.length === 0) return range(sheet, null);
    const last = (k: 'row' | 'column') => Math.max(...refs.map((r) => r[k]));
    const first = (k: 'row' | 'column') => Math.min(...refs.map((r) => r[k]));
    return range(sheet, `${cellRef(first('row'), first('column'))}:${cellRef(last('row'), last('column'))}`);
  };
  const worksheet = (name: string) => ({
    getRange: (a1: string) => {
      // As in Excel, a missing sheet fails the batch at sync, not at the call.
      if (!book.has(name))
        pending.push(() => {
          throw new Error(`ItemNotFound: ${name}`);
        });
      return range(name, a1);
    },
    getUsedRangeOrNullObject: () => usedRange(name),
    getUsedRange: () => usedRange(name),
  });
  const worksheets = {
    items: [] as { name: string; getUsedRangeOrNullObject: () => Excel.Range }[],
    load() {
      pending.push(() => {
        worksheets.items = [...book.keys()].map((name) => ({ name, ...worksheet(name) }));
      });
    },
    getItem: worksheet,
    getItemOrNullObject: worksheet,
    getActiveWorksheet: () => worksheet(active),
  };
  const context = {
    workbook: {
      worksheets,
      getSelectedRange: () => {
        const bang = selection.lastIndexOf('!');
        if (selection.includes(','))
          pending.push(() => {
            throw new Error('The current selection is invalid for this operation.');
          });
        return range(selection.slice(0, bang), selection.slice(bang + 1).split(',')[0]!);
      },
    },
    async sync() {
      log.syncs += 1;
      // Busy cells move one step per sync; then what was queued since the last sync happens.
      for (const sheet of book.values()) {
        for (const cell of sheet.values()) {
          if (cell.busyReads !== undefined && cell.busyReads > 0) {
            cell.busyReads -= 1;
            if (cell.busyReads === 0) cell.value = cell.recalculated ?? cell.value;
          }
        }
      }
      for (const step of pending.splice(0)) step();
    },
  };
  return {
    context: context as unknown as Excel.RequestContext,
    log,
    book,
    activate: (sheet: string) => {
      active = sheet;
    },
  };
}
