// Recalculating chosen formula cells, and only them, with progress. "Non-volatile custom functions are not
// recalculated when a workbook opens or on F9; the saved values stay in the file … An add-in refreshes on
// purpose with `range.calculate()`, `worksheet.calculate(true)` or `application.calculate(Excel.CalculationType
// .full)`." Only `Range.calculate` (ExcelApi 1.6) is limited to the cells asked for: the other two would re-run
// every function on the sheet or in the workbook, paying for cells nobody chose.
//
// Progress: `calculate()` returns once Excel has queued the work; a custom function still running shows #BUSY!
// in its cell (unverified in real Excel; the chunk still ends at `busyTimeoutMs`), so each chunk is calculated,
// then its cells are read until none is busy. Chunks keep one request small and let Stop end the run between
// them. What is "done" is a cell no longer busy: an error counts as done (Retry failed cells picks it up).

export interface CellRef {
  sheet: string;
  /** `B6`. */
  cell: string;
}

export interface RecalculateOptions {
  /** Cells calculated per request. */
  chunkSize?: number;
  /** Pause between reads of a chunk's busy cells. */
  pollMs?: number;
  /** The longest one chunk is waited for; cells still busy then are reported, not waited on. */
  busyTimeoutMs?: number;
  /** Checked between chunks: true ends the run (the chunks already sent finish in Excel). */
  stopped?: () => boolean;
  onProgress?: (done: number, total: number) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface RecalculateResult {
  total: number;
  /** Cells recalculated and no longer busy. */
  done: number;
  /** Cells still busy when their chunk's wait ended. */
  stillBusy: number;
  /** Cells not sent because the run was stopped. */
  skipped: number;
}

const BUSY = '#BUSY!';
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function recalculateCells(
  context: Excel.RequestContext,
  cells: readonly CellRef[],
  options: RecalculateOptions = {},
): Promise<RecalculateResult> {
  const {
    chunkSize = 20,
    pollMs = 400,
    busyTimeoutMs = 120_000,
    stopped = () => false,
    onProgress = () => {},
    sleep = wait,
    now = Date.now,
  } = options;
  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string) => {
    let found = sheets.get(name);
    if (!found) {
      found = context.workbook.worksheets.getItem(name);
      sheets.set(name, found);
    }
    return found;
  };
  const result: RecalculateResult = { total: cells.length, done: 0, stillBusy: 0, skipped: 0 };
  onProgress(0, cells.length);
  for (let start = 0; start < cells.length; start += chunkSize) {
    if (stopped()) {
      result.skipped = cells.length - start;
      break;
    }
    const ranges = cells.slice(start, start + chunkSize).map((c) => sheet(c.sheet).getRange(c.cell));
    for (const range of ranges) range.calculate();
    await context.sync();
    const deadline = now() + busyTimeoutMs;
    let busy = ranges.length;
    for (;;) {
      for (const range of ranges) range.load('values');
      await context.sync();
      busy = ranges.filter((range) => range.values[0]?.[0] === BUSY).length;
      onProgress(result.done + ranges.length - busy, cells.length);
      if (busy === 0 || now() >= deadline) break;
      await sleep(pollMs);
    }
    result.done += ranges.length - busy;
    result.stillBusy += busy;
  }
  return result;
}
