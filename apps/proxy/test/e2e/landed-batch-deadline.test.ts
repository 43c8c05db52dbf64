import { LANDED_ROUTES, type LandedCostItem } from '@yuantou/core';
import { TMAPI_PATHS } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../src/config/load-config.js';
import { fakeConfig, startProxy, useFakesAndProxy } from './proxy-harness.js';

// Issue 23: `POST /v1/landed-cost/batch` has the offers batch's one deadline (`YUANTOU_OFFER_BATCH_DEADLINE_MS`,
// src/offers/batch-deadline.ts). Against the providers' fakes over HTTP (signatures verified, calls counted): a
// slow offer detail and a slow China-freight estimate are answered `deadline` when it passes, the rest priced;
// the slow calls finish into the cache, so asking again pays for nothing twice.

const suite = useFakesAndProxy();

const OFFERS = ['628745190321', '628745190322', '628745190323'];
const link = (id: string) => `https://detail.1688.com/offer/${id}.html`;
const DAJISAAS_FREIGHT = '/alibaba/product/freightEstimate';
const DEADLINE_MS = 1_000;
const SLOW_MS = 2_500;

/** Offers from TMAPI, China freight from DajiSaaS, fixed rates; calls may take longer than the deadline. */
function config(): ProxyConfig {
  const base = fakeConfig(suite.fakes);
  const providers = base.providers.map((p) => ({ ...p, timeoutMs: 5_000 }));
  const byId = new Map(providers.map((p) => [p.id, p]));
  return {
    ...base,
    providers,
    fx: { fixedRates: { EUR: 8 }, timeoutMs: 1000 },
    offerProviders: [byId.get('tmapi')!],
    freightProviders: [byId.get('dajisaas')!],
    offers: { ...base.offers, batchDeadlineMs: DEADLINE_MS },
  };
}

const batch = {
  refs: OFFERS.map(link),
  quantity: 100,
  currency: 'EUR',
  freight: { method: 'air', perKg: 5, currency: 'EUR' },
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('POST /v1/landed-cost/batch: one deadline per batch', () => {
  it('answers by the deadline with the slow lines marked, and asking again is served from what arrived late', async () => {
    // The second detail call and the second estimate call each take 2.5 s; the deadline is 1 s.
    suite.fakes.tmapi.behave([{ kind: 'ok' }, { kind: 'delay', ms: SLOW_MS }]);
    suite.fakes.dajisaas.behave([{ kind: 'ok' }, { kind: 'delay', ms: SLOW_MS }]);
    suite.proxy = await startProxy(config());

    const started = performance.now();
    const answer = await suite.proxy.post(LANDED_ROUTES.landedCostBatch, batch);
    const tookMs = performance.now() - started;
    expect(answer.status).toBe(200);
    // Without the deadline the batch waits for both slow calls (≥ 2.5 s); the margin is for a loaded machine.
    expect(tookMs).toBeLessThan(SLOW_MS - 200);
    const results: LandedCostItem[] = answer.body.results;
    expect(results.map((r) => r.ref)).toEqual(batch.refs);
    expect(results.filter((r) => r.result)).toHaveLength(1);
    const late = results.filter((r) => r.error?.kind === 'deadline').map((r) => r.error!.message);
    expect(late).toHaveLength(2);
    expect(late).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/tmapi had not answered when the batch's 1 s deadline passed.*ask again$/),
        expect.stringMatching(
          /dajisaas had not answered for the China freight estimate when the batch's 1 s deadline passed; its answer is cached when it comes — ask again$/,
        ),
      ]),
    );
    // The offer that came late was never sent for an estimate.
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.detail)).toBe(3);
    expect(suite.fakes.dajisaas.calls.count(DAJISAAS_FREIGHT)).toBe(2);

    // Once the slow answers have landed, the same column again: every line priced, the two late answers
    // served from the cache; only the estimate never asked (its offer came late) is paid.
    await sleep(SLOW_MS + 300);
    const again = await suite.proxy.post(LANDED_ROUTES.landedCostBatch, batch);
    expect(again.status).toBe(200);
    expect((again.body.results as LandedCostItem[]).every((r) => r.result)).toBe(true);
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.detail)).toBe(3);
    expect(suite.fakes.dajisaas.calls.count(DAJISAAS_FREIGHT)).toBe(3);
  });
});
