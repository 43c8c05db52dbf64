import { describe, expect, it } from 'vitest';
import { runLivingWorkbook } from './living-workbook.js';

// The `pnpm bench` living-workbook scenario (bench/living-workbook-bench.ts) at 40 links instead of 200: an
// =OFFERS sheet against the demo proxy with 1 s TTLs (the proxy's and the add-in's memory). The freshness test
// (freshness-proxy.integration.test.ts) covers a reopened session on a mixed sheet; this one covers what it does
// not: recalculation in the SAME session after every cache expired (an inserted row, a sort), counted in
// upstream calls at the proxy.

describe('a living =OFFERS sheet, recalculated after every cache expired', () => {
  it('pays the distinct offers on the fill and on Refresh sheet, and nothing on insert-row, sort or reopen', async () => {
    const { distinctOffers, steps } = await runLivingWorkbook({ links: 40 });
    expect(distinctOffers).toBe(32);
    const byStep = Object.fromEntries(steps.map((s) => [s.step, s]));
    expect(byStep['first fill']).toMatchObject({ upstreamCalls: 32, filledRows: 40 });
    for (const step of [
      'insert row (same session)',
      'sort (same session)',
      'reopen (new session)',
      'recalculation after the refresh',
    ]) {
      // Each still reached the proxy (every cache had expired) and was answered from what was paid for.
      expect(byStep[step], step).toMatchObject({ proxyRequests: 1, upstreamCalls: 0, filledRows: 40 });
    }
    expect(byStep['Refresh sheet (pane)']).toMatchObject({ upstreamCalls: 32, filledRows: 40 });
    expect(steps).toHaveLength(6);
  }, 60_000);
});
