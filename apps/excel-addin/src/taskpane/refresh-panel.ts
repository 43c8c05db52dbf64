import type { UsageResponse } from '@yuantou/core';
import type { AddinRuntime } from '../app/addin-runtime.js';
import { cellErrorFor } from '../cells/cell-error.js';
import { refreshSwitch } from '../cells/freshness.js';
import type { CallNames } from '../excel/formula-calls.js';
import type { FreezeResult } from '../excel/freeze.js';
import type { CellRef, RecalculateOptions, RecalculateResult } from '../excel/recalculate.js';
import type { FormulaCell, RefreshScope } from '../excel/yuantou-cells.js';
import { budgetLine, budgetWarnings, paidProviders } from './refresh-budget.js';
import {
  estimateRefresh,
  lookupsOf,
  type RefreshEstimate,
  sourceKey,
  sourcesOf,
} from './refresh-estimate.js';
import { usageLines } from './usage-summary.js';

// Refresh selection / sheet / workbook, Retry failed cells, Freeze selection, and today's spend (issue 22).
// A refresh first counts the yuantou formulas and distinct lookups, the paid calls they may cost and the budget
// left, and asks; only then does it open a refresh (cells/freshness.ts: every evaluation asks for fresh data) and recalculate
// exactly them, "n of N" in the live region. Retry recalculates only the cells in error, with the usual
// freshness (a failed cell has nothing cached to reuse). Freeze asks first too: it replaces formulas.
// The Excel side (excel/) is handed in by main.ts once Office.onReady says Excel; until then the buttons are
// disabled with the reason.

export interface RefreshExcel {
  /** `spills`: a formula whose spilled block shows an error counts as in error (for Retry). */
  find(scope: RefreshScope, names: CallNames, options?: { spills?: boolean }): Promise<FormulaCell[]>;
  readSources(sources: readonly { sheet: string; reference: string }[]): Promise<(unknown[][] | null)[]>;
  recalculate(
    cells: readonly CellRef[],
    options: Pick<RecalculateOptions, 'onProgress' | 'stopped'>,
  ): Promise<RecalculateResult>;
  freeze(cells: readonly CellRef[]): Promise<FreezeResult>;
}

export interface RefreshPanel {
  /** Enables the buttons (Excel) or disables them with `note`. */
  setExcel(excel: RefreshExcel | null, note: string): void;
  /** Reloads today's paid calls, cache hits and budgets from the proxy. */
  showUsage(): Promise<UsageResponse | null>;
}

const WHERE: Record<RefreshScope, string> = {
  selection: 'The selection',
  sheet: 'This sheet',
  workbook: 'The workbook',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the confirmation says before a refresh pays. */
export function refreshSummary(scope: RefreshScope, estimate: RefreshEstimate): string {
  const cost = estimate.paidCalls === 0 ? 'no paid call' : `up to ${plural(estimate.paidCalls, 'paid call')}`;
  return `${WHERE[scope]} has ${plural(estimate.formulas, 'yuantou formula')} with ${plural(estimate.lookups, 'distinct lookup')}: refreshing asks the providers again, ${cost}.`;
}

const byId = <T extends HTMLElement>(doc: Document, id: string) => doc.getElementById(id) as T;
const cellsOf = (cells: readonly FormulaCell[]): CellRef[] =>
  cells.map(({ sheet, cell }) => ({ sheet, cell }));

/** How often the spend is re-read while the pane is visible: cells recalculating on their own spend too. */
export const USAGE_EVERY_MS = 60_000;

export function bindRefreshPanel(
  doc: Document,
  runtime: AddinRuntime,
  names: CallNames,
  { usageEveryMs = USAGE_EVERY_MS }: { usageEveryMs?: number } = {},
): RefreshPanel {
  const status = byId<HTMLElement>(doc, 'refresh-status');
  const note = byId<HTMLElement>(doc, 'refresh-note');
  const confirmBox = byId<HTMLElement>(doc, 'refresh-confirm');
  const go = byId<HTMLButtonElement>(doc, 'refresh-go');
  const cancel = byId<HTMLButtonElement>(doc, 'refresh-cancel');
  const progressBox = byId<HTMLElement>(doc, 'refresh-progress');
  const bar = byId<HTMLProgressElement>(doc, 'refresh-bar');
  const stop = byId<HTMLButtonElement>(doc, 'refresh-stop');
  const actions = [...doc.querySelectorAll<HTMLButtonElement>('#refresh [data-action]')];
  let excel: RefreshExcel | null = null;
  let busy = false;
  let stopRequested = false;
  let answer: ((yes: boolean) => void) | null = null;

  const list = (id: string, lines: readonly string[]) =>
    byId(doc, id).replaceChildren(
      ...lines.map((line) => {
        const item = doc.createElement('li');
        item.textContent = line;
        return item;
      }),
    );

  const showUsage = async (): Promise<UsageResponse | null> => {
    let usage: UsageResponse | null = null;
    try {
      await runtime.ready();
      usage = await runtime.client().usage();
      list('refresh-usage', usageLines(usage));
    } catch {
      list('refresh-usage', ['The proxy’s spend shows here once it is reachable (Settings).']);
    }
    byId(doc, 'refresh-budget').textContent = budgetLine(usage);
    list('refresh-warnings', budgetWarnings(usage));
    return usage;
  };

  const setBusy = (next: boolean) => {
    busy = next;
    for (const button of actions) button.disabled = busy || excel === null;
    doc.getElementById('refresh')?.setAttribute('aria-busy', String(busy));
  };

  /** Shows the confirmation and resolves with the buyer's answer; focus goes to the confirm button. */
  const confirm = (summary: string, budget: string, warnings: string[], label: string) => {
    byId(doc, 'refresh-confirm-summary').textContent = summary;
    byId(doc, 'refresh-confirm-budget').textContent = budget;
    list('refresh-confirm-warnings', warnings);
    go.textContent = label;
    confirmBox.hidden = false;
    go.focus();
    return new Promise<boolean>((resolve) => {
      answer = resolve;
    });
  };
  const settle = (yes: boolean) => {
    const resolve = answer;
    answer = null;
    confirmBox.hidden = true;
    resolve?.(yes);
  };
  go.addEventListener('click', () => settle(true));
  cancel.addEventListener('click', () => settle(false));
  confirmBox.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') settle(false);
  });
  stop.addEventListener('click', () => {
    stopRequested = true;
    status.textContent = 'Stopping after the cells already sent…';
  });

  /** Recalculates with the bar and "n of N" in the live region. */
  const recalculate = async (cells: readonly FormulaCell[], verb: string) => {
    stopRequested = false;
    progressBox.hidden = false;
    bar.max = Math.max(1, cells.length);
    try {
      return await excel!.recalculate(cellsOf(cells), {
        stopped: () => stopRequested,
        onProgress: (done, total) => {
          bar.value = done;
          // Only a change is written: the same words again would be read out again at every poll.
          const line = `${verb}: ${done} of ${plural(total, 'formula')}…`;
          if (status.textContent !== line) status.textContent = line;
        },
      });
    } finally {
      progressBox.hidden = true;
    }
  };

  const outcome = (result: RecalculateResult, verb: string) =>
    [
      `${verb} ${result.done} of ${plural(result.total, 'formula')}.`,
      result.stillBusy ? `${result.stillBusy} still calculating.` : '',
      result.skipped ? `${result.skipped} not sent (stopped).` : '',
    ]
      .filter(Boolean)
      .join(' ');

  const refresh = async (scope: RefreshScope) => {
    status.textContent = `Counting yuantou formulas in ${WHERE[scope].toLowerCase()}…`;
    const cells = await excel!.find(scope, names);
    if (cells.length === 0) {
      status.textContent = `${WHERE[scope]} has no yuantou formula.`;
      return;
    }
    const sources = sourcesOf(lookupsOf(cells));
    const [usage, values] = await Promise.all([showUsage(), excel!.readSources(sources)]);
    const sourceValues = new Map(sources.map((s, i) => [sourceKey(s), values[i] ?? null]));
    const estimate = estimateRefresh({ cells, sourceValues, paidProviders: paidProviders(usage) });
    status.textContent = '';
    const yes = await confirm(
      refreshSummary(scope, estimate),
      budgetLine(usage),
      budgetWarnings(usage, estimate.paidCalls),
      estimate.paidCalls === 0
        ? `Refresh ${plural(cells.length, 'formula')}`
        : `Refresh (up to ${plural(estimate.paidCalls, 'paid call')})`,
    );
    if (!yes) {
      status.textContent = 'Refresh cancelled: nothing was paid.';
      return;
    }
    // While the refresh is open every yuantou evaluation asks maxAge=0, once per distinct lookup (freshness.ts);
    // it stays open only around recalculating the chosen cells, which waits for them to finish.
    const run = refreshSwitch.begin();
    try {
      status.textContent = outcome(await recalculate(cells, 'Refreshing'), 'Refreshed');
    } finally {
      run.end();
    }
  };

  const retry = async () => {
    status.textContent = 'Looking for yuantou cells in error…';
    const failed = (await excel!.find('workbook', names, { spills: true })).filter((c) => c.inError);
    if (failed.length === 0) {
      status.textContent = 'No yuantou cell shows an error.';
      return;
    }
    const result = await recalculate(failed, 'Retrying');
    const retried = new Set(failed.map((c) => c.address));
    const still = (await excel!.find('workbook', names, { spills: true })).filter(
      (c) => c.inError && retried.has(c.address),
    );
    status.textContent = `${outcome(result, 'Retried')} ${
      still.length
        ? `${plural(still.length, 'cell')} still in error (${still
            .map((c) => c.address)
            .slice(0, 5)
            .join(', ')}).`
        : 'None is in error now.'
    }`;
  };

  const freeze = async () => {
    status.textContent = 'Counting yuantou formulas in the selection…';
    const cells = await excel!.find('selection', names);
    if (cells.length === 0) {
      status.textContent = 'The selection has no yuantou formula to freeze.';
      return;
    }
    const yes = await confirm(
      `Freeze ${plural(cells.length, 'yuantou formula')} in the selection into the values they show now? Cards and pictures stay; the formulas are gone, so the sheet never asks the proxy again (keep a copy of the workbook to get them back).`,
      '',
      [],
      `Freeze ${plural(cells.length, 'formula')}`,
    );
    if (!yes) {
      status.textContent = 'Freeze cancelled: nothing changed.';
      return;
    }
    const result = await excel!.freeze(cellsOf(cells));
    status.textContent = `Froze ${plural(result.frozen, 'formula')} (${plural(result.cellsWritten, 'cell')}).${
      result.busy ? ` ${result.busy} still calculating, left as formulas: try again in a moment.` : ''
    }`;
  };

  const run = (action: () => Promise<void>, trigger: HTMLButtonElement) => async () => {
    if (!excel || busy) return;
    setBusy(true);
    try {
      await action();
    } catch (error) {
      status.textContent = `Could not finish: ${
        error instanceof Error && !('kind' in error)
          ? error.message
          : cellErrorFor(error, runtime.errorContext()).message
      }`;
    } finally {
      settle(false);
      setBusy(false);
      trigger.focus();
      void showUsage();
    }
  };
  for (const button of actions) {
    const action = button.dataset.action!;
    const task =
      action === 'retry' ? retry : action === 'freeze' ? freeze : () => refresh(action as RefreshScope);
    button.addEventListener('click', run(task, button));
  }

  const setExcel = (next: RefreshExcel | null, reason: string) => {
    excel = next;
    setBusy(busy);
    note.textContent = excel ? '' : reason;
  };
  setExcel(null, 'Preview mode: open this pane in Excel to refresh, retry or freeze cells.');
  // Another proxy or token is another spend: reload it when the settings change.
  runtime.subscribe(() => void showUsage());
  // Inserted rows, sorts and reloads recalculate cells without the pane: re-read the spend now and then so the
  // warning comes before the budget is reached (GET /v1/usage asks no provider; skipped while hidden or busy).
  setInterval(() => {
    if (doc.visibilityState !== 'hidden' && !busy) void showUsage();
  }, usageEveryMs);
  return { setExcel, showUsage };
}
