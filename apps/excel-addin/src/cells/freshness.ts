import { InputError } from './input-error.js';
import type { WrittenOption } from './option-reader.js';

// "No paid call unless the buyer asks" (issue 22). Excel re-runs non-volatile custom functions on structural
// edits (inserting rows, filling, sorting), on Ctrl+Alt+F9 and whenever Excel on the web reloads ("by design",
// office-js issues #3332, #3911, #2012, #1462), but NOT on F9 or when a workbook opens. Every such re-run would
// re-buy the values once the proxy's cache TTLs (offers 6 h, products 10 min) have passed. So every function
// asks the proxy with `maxAge` (seconds, core's MaxAge: "an answer at most this old may be served from the cache
// or the database; 0 forces one fresh paid call"):
// - ordinary recalculation: RECALC_MAX_AGE_SECONDS — anything already paid for is reused, whatever its age;
// - a formula's own `maxage=1d` option (also 6h, 30m, 90s, or seconds as a number): automatic freshness for that
//   formula — whenever Excel re-runs it and its data is older than that, one paid call;
// - a deliberate refresh from the pane: `maxAge=0`, once per distinct lookup (see RefreshSwitch below).

/** Core's MaxAge upper bound (ten years): "whatever its age" for ordinary recalculation. */
export const RECALC_MAX_AGE_SECONDS = 10 * 365 * 86_400;

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 7 * 86_400 };

/** The `maxage` option as =FIELDS, the pane's field list and the builder describe it, in every family. */
export const MAX_AGE_OPTION_DOC =
  'Automatic freshness: when Excel recalculates this formula, values older than this are fetched again (a paid call), e.g. maxage=1d, 6h, 30m or seconds. Without it, values already paid for are reused whatever their age until you refresh from the pane.';

/** `1d`, `6h`, `30m`, `90s`, `2w`, `3600` (seconds) → seconds; `0` is allowed (always fresh). */
export function durationSeconds(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([smhdw]?)$/i.exec(text.trim());
  if (!match) return undefined;
  const seconds = Math.round(Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()]!);
  return Number.isFinite(seconds) && seconds <= RECALC_MAX_AGE_SECONDS ? seconds : undefined;
}

/** The `maxage` option of every family, as written: its value in seconds, or #VALUE! naming the option. */
export function maxAgeOption(option: WrittenOption): number {
  const seconds = durationSeconds(String(option.value ?? ''));
  if (seconds === undefined) {
    throw InputError.option(
      option.written,
      `"${option.value ?? ''}" is not an age such as 1d, 6h, 30m or a number of seconds`,
    );
  }
  return seconds;
}

/** What one evaluation asks: the `maxAge` to send, and the refresh it belongs to (if the pane opened one). */
export interface AskedAge {
  /** Seconds, as sent to the proxy. */
  maxAgeSeconds: number;
  /** The open refresh's number: answers fetched in it (or a later one) are fresh enough; none older are. */
  refresh?: number;
}

/** One refresh the pane opened (see {@link RefreshSwitch.begin}). */
export interface RefreshRun {
  readonly refresh: number;
  /** Evaluations started and finished since the refresh opened (for the pane's "n of N"). */
  progress(): { started: number; finished: number };
  /**
   * Resolves once evaluations have started and all have finished, and none started for `quietMs` — Excel runs
   * the cells of one `calculate()` together — or after `timeoutMs` whatever the state.
   */
  settled(options?: { quietMs?: number; timeoutMs?: number }): Promise<void>;
  /** Closes the refresh: later evaluations ask the long recalculation maxAge again. Idempotent. */
  end(): void;
}

/**
 * The seam the pane's Refresh buttons use (the custom functions read it). To refresh cells:
 *
 * ```ts
 * const run = refreshSwitch.begin();           // from cells/freshness.ts
 * try {
 *   range.calculate();                         // or worksheet.calculate(true), application.calculate(full)
 *   await context.sync();
 *   await run.settled();                       // run.progress() meanwhile for "n of N"
 * } finally {
 *   run.end();
 * }
 * ```
 *
 * While a refresh is open, every yuantou function evaluation asks the proxy with `maxAge=0` — one paid call per
 * distinct lookup, however many cells ask it (the add-in's query cache coalesces them under the refresh's
 * number, and an answer already fetched in this refresh is reused) — and the fresh answer replaces the add-in's
 * memory entry, so the next ordinary recalculation shows it without paying. Cells Excel happens to evaluate
 * for other reasons while the refresh is open are refreshed too: keep it open only around `calculate()`.
 */
export class RefreshSwitch {
  #count = 0;
  #open: { refresh: number; started: number; finished: number; lastStart: number } | null = null;

  /** Opens a refresh (closing any still open). */
  begin(): RefreshRun {
    this.#count += 1;
    const state = { refresh: this.#count, started: 0, finished: 0, lastStart: Date.now() };
    this.#open = state;
    const end = () => {
      if (this.#open === state) this.#open = null;
    };
    return {
      refresh: state.refresh,
      progress: () => ({ started: state.started, finished: state.finished }),
      settled: ({ quietMs = 500, timeoutMs = 120_000 } = {}) =>
        new Promise<void>((resolve) => {
          const begun = Date.now();
          const check = () => {
            const idle =
              state.started > 0 &&
              state.finished === state.started &&
              Date.now() - state.lastStart >= quietMs;
            if (idle || Date.now() - begun >= timeoutMs || this.#open !== state) resolve();
            else setTimeout(check, 50);
          };
          check();
        }),
      end,
    };
  }

  /** The open refresh's number, or undefined (ordinary recalculation). */
  current(): number | undefined {
    return this.#open?.refresh;
  }

  /** What an evaluation asks: `maxAge=0` in an open refresh, else the formula's `maxage`, else "any age". */
  ask(optionSeconds: number | undefined): AskedAge {
    const refresh = this.current();
    if (refresh !== undefined) return { maxAgeSeconds: 0, refresh };
    return { maxAgeSeconds: optionSeconds ?? RECALC_MAX_AGE_SECONDS };
  }

  /** Counts one evaluation for the open refresh's progress (runInCell wraps every function in it). */
  track<T>(evaluation: () => Promise<T>): Promise<T> {
    const state = this.#open;
    if (!state) return evaluation();
    state.started += 1;
    state.lastStart = Date.now();
    const done = () => {
      state.finished += 1;
    };
    const running = evaluation();
    running.then(done, done);
    return running;
  }
}

/** The add-in's one switch: the shared runtime's functions read it, the pane's Refresh buttons open it. */
export const refreshSwitch = new RefreshSwitch();
