// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UsageResponse } from '@yuantou/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAddinRuntime } from '../app/addin-runtime.js';
import { FUNCTION_CATALOG } from '../app/function-catalog.js';
import { refreshSwitch } from '../cells/freshness.js';
import { type FakeCell, fakeWorkbook } from '../excel/__fixtures__/workbook.js';
import { freezeCells } from '../excel/freeze.js';
import { recalculateCells } from '../excel/recalculate.js';
import { findYuantouCells, readSources } from '../excel/yuantou-cells.js';
import { memoryStore } from '../runtime/settings-store.js';
import { bindRefreshPanel, type RefreshExcel } from './refresh-panel.js';

// The panel on the real taskpane.html, the real Excel-side code over the workbook fake, and a proxy answering
// /v1/usage: what the buyer sees before paying, what is recalculated, which evaluations are asked for fresh data.

const html = readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '../../taskpane.html'),
  'utf8',
);
const LINK = 'https://detail.1688.com/offer/612345678901.html';

const usage: UsageResponse = {
  day: '2026-12-06',
  providers: [
    {
      provider: 'tmapi',
      day: '2026-12-06',
      callsToday: 420,
      dailyBudget: 500,
      cacheHitsToday: 37,
      upstreamQuota: null,
      exhaustedUntil: null,
    },
  ],
};

function sheet(): Record<string, FakeCell> {
  return {
    A2: { value: LINK },
    A3: { value: LINK },
    B2: { formula: '=YUANTOU.OFFER(A2,"price")', value: 10, recalculated: 11, busyFor: 2 },
    B3: { formula: '=YUANTOU.OFFER(A3,"price")', value: '#N/A', recalculated: 12 },
    C2: { formula: '=YUANTOU.SUPPLIERS("玩具厂",,5)', value: 'rank', spill: 'C2:C4' },
    C3: { value: 1 },
    C4: { value: 2 },
    D2: { formula: '=SUM(B2:B3)', value: 10 },
  };
}

let fresh: Record<string, boolean>;

let usageCalls = 0;

function setUp(selection = 'Sheet1!B2:C4', usageEveryMs = 3_600_000) {
  const body = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
  fresh = {};
  // The function side as freshness.ts has it: what an evaluation asks when it starts.
  const book = fakeWorkbook({ Sheet1: sheet() }, selection, (address) => {
    fresh[address] = refreshSwitch.ask(undefined).maxAgeSeconds === 0;
  });
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(book.context);
  const excel: RefreshExcel = {
    find: (scope, names, options) => run((c) => findYuantouCells(c, scope, names, options)),
    readSources: (sources) => run((c) => readSources(c, sources)),
    recalculate: (cells, options) =>
      run((c) => recalculateCells(c, cells, { ...options, sleep: async () => {} })),
    freeze: (cells) => run((c) => freezeCells(c, cells, { rich: true })),
  };
  const runtime = createAddinRuntime({
    store: memoryStore(),
    fetch: async () => {
      usageCalls += 1;
      return new Response(JSON.stringify(usage), { headers: { 'content-type': 'application/json' } });
    },
  });
  const panel = bindRefreshPanel(
    document,
    runtime,
    { names: new Set(FUNCTION_CATALOG.map((f) => f.name)), namespace: 'YUANTOU' },
    { usageEveryMs },
  );
  panel.setExcel(excel, '');
  return { book, panel };
}

const text = (id: string) => document.getElementById(id)!.textContent ?? '';
const click = (id: string) => (document.getElementById(id) as HTMLButtonElement).click();
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};
const confirming = () => !document.getElementById('refresh-confirm')!.hidden;

describe('the refresh panel', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('counts before paying, and Escape pays nothing', async () => {
    const { book } = setUp();
    click('refresh-sheet');
    await until(confirming);
    expect(text('refresh-confirm-summary')).toBe(
      'This sheet has 3 yuantou formulas with 3 distinct lookups: refreshing asks the providers again, up to 2 paid calls.',
    );
    expect(text('refresh-confirm-budget')).toBe('Budget left today: tmapi 80 of 500.');
    expect(document.activeElement?.id).toBe('refresh-go');
    expect(text('refresh-go')).toBe('Refresh (up to 2 paid calls)');
    document
      .getElementById('refresh-confirm')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await until(() => text('refresh-status') === 'Refresh cancelled: nothing was paid.');
    expect(book.log.calculated).toEqual([]);
    expect(refreshSwitch.current()).toBeUndefined();
    expect(document.activeElement?.id).toBe('refresh-sheet');
  });

  it('refreshes exactly the yuantou cells, each asked for fresh data once, with n of N', async () => {
    const { book } = setUp();
    const said: string[] = [];
    new MutationObserver(() => said.push(text('refresh-status'))).observe(
      document.getElementById('refresh-status')!,
      { childList: true, characterData: true, subtree: true },
    );
    click('refresh-sheet');
    await until(confirming);
    click('refresh-go');
    await until(() => text('refresh-status').startsWith('Refreshed'));
    expect(text('refresh-status')).toBe('Refreshed 3 of 3 formulas.');
    expect(book.log.calculated).toEqual(['Sheet1!B2', 'Sheet1!C2', 'Sheet1!B3']); // row by row
    expect(fresh).toEqual({ 'Sheet1!B2': true, 'Sheet1!B3': true, 'Sheet1!C2': true });
    expect(said).toContain('Refreshing: 0 of 3 formulas…');
    expect(said).toContain('Refreshing: 3 of 3 formulas…');
    expect(refreshSwitch.current()).toBeUndefined();
    // Today's spend and the warning before the budget is reached.
    expect(text('refresh-usage')).toContain('tmapi: 420 of 500 paid calls, 37 from cache');
    expect(text('refresh-warnings')).toBe('tmapi: only 80 of 500 paid calls left today.');
  });

  it('retries only the cells in error, with the usual freshness', async () => {
    const { book } = setUp();
    click('refresh-retry');
    await until(() => text('refresh-status').startsWith('Retried'));
    expect(book.log.calculated).toEqual(['Sheet1!B3']);
    expect(fresh).toEqual({ 'Sheet1!B3': false });
    expect(text('refresh-status')).toBe('Retried 1 of 1 formula. None is in error now.');
  });

  it('retries a formula whose spilled block holds an error, and says which are still in error', async () => {
    const { book } = setUp();
    book.book.get('Sheet1')!.set('C4', { value: '#N/A' }); // a failed row of the SUPPLIERS table
    click('refresh-retry');
    await until(() => text('refresh-status').startsWith('Retried'));
    expect(book.log.calculated).toEqual(['Sheet1!C2', 'Sheet1!B3']);
    // The fake does not refill the block: the row is still an error, and the pane says where.
    expect(text('refresh-status')).toBe('Retried 2 of 2 formulas. 1 cell still in error (Sheet1!C2).');
  });

  it('freezes the selected formulas after asking, spilled blocks whole', async () => {
    const { book } = setUp('Sheet1!C2');
    click('refresh-freeze');
    await until(confirming);
    expect(text('refresh-confirm-summary')).toMatch(/^Freeze 1 yuantou formula in the selection/);
    click('refresh-go');
    await until(() => text('refresh-status').startsWith('Froze'));
    expect(text('refresh-status')).toBe('Froze 1 formula (3 cells).');
    expect(book.book.get('Sheet1')!.get('C2')!.formula).toBeUndefined();
    expect(book.book.get('Sheet1')!.get('B2')!.formula).toBe('=YUANTOU.OFFER(A2,"price")');
  });

  it('re-reads today’s spend now and then, so the warning comes before the budget is reached', async () => {
    setUp('Sheet1!B2:C4', 20);
    const before = usageCalls;
    await until(() => usageCalls >= before + 3);
    expect(text('refresh-warnings')).toBe('tmapi: only 80 of 500 paid calls left today.');
  });

  it('is off with the reason outside Excel', () => {
    const { panel } = setUp();
    panel.setExcel(null, 'Preview mode: open this pane in Excel to refresh, retry or freeze cells.');
    expect((document.getElementById('refresh-sheet') as HTMLButtonElement).disabled).toBe(true);
    expect(text('refresh-note')).toMatch(/^Preview mode/);
  });
});
