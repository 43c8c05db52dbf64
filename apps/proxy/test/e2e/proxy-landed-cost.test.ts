import { LANDED_ROUTES, type ProviderId } from '@yuantou/core';
import { TMAPI_PATHS } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../src/config/load-config.js';
import { fakeConfig, startProxy, useFakesAndProxy } from './proxy-harness.js';

// `POST /v1/landed-cost` through the real proxy over HTTP to the providers' fakes (which verify signatures and
// count calls): the China leg from a provider's freight estimate, cached and coalesced like every paid call,
// budgeted, with fallback; bad input refused before any call.

const suite = useFakesAndProxy();

const OFFER = '628745190321';
const link = `https://detail.1688.com/offer/${OFFER}.html?spm=a26352.13672862`;
const SHIPPING = '/1688/item/shipping';
const OFFICIAL_FREIGHT = '/openapi/param2/1/com.alibaba.fenxiao.crossborder/product.freight.estimate/3987123';
const DAJISAAS_FREIGHT = '/alibaba/product/freightEstimate';
const FX = { fixedRates: { EUR: 8, USD: 7.2 }, timeoutMs: 1000 };

/** Offers from TMAPI; China freight asked of `freight`, in that order; fixed rates (1 EUR = 8 CNY). */
function config(freight: ProviderId[], overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  const base = fakeConfig(suite.fakes, overrides);
  const byId = new Map(base.providers.map((p) => [p.id, p]));
  return {
    ...base,
    fx: FX,
    offerProviders: [byId.get('tmapi')!],
    freightProviders: freight.map((id) => byId.get(id)!),
    ...overrides,
  };
}

const body = {
  ref: link,
  quantity: 100,
  currency: 'EUR',
  freight: { method: 'air', perKg: 5, currency: 'EUR' },
};
const allCalls = () => Object.values(suite.fakes).reduce((sum, fake) => sum + fake.calls.count(), 0);

describe('POST /v1/landed-cost over HTTP', () => {
  it('prices goods, the provider’s China leg and the rate card, in EUR, each line with its source', async () => {
    suite.proxy = await startProxy(config(['tmapi']));
    const answer = await suite.proxy.post(LANDED_ROUTES.landedCost, body);
    expect(answer.status).toBe(200);
    // Offer 0: 9.00 CNY from 100 pieces → 900 CNY = 112.50 EUR. Unit weight 0.25 kg → 25 kg sent to TMAPI, whose
    // fake charges 5 + 2 × 24 = 53 CNY = 6.63 EUR. 25 kg × 5 EUR = 125 EUR. Total 244.13 EUR.
    expect(answer.body.lines).toEqual([
      { kind: 'goods', amount: 112.5, currency: 'EUR', source: 'tmapi', rate: 8, rateDate: null },
      { kind: 'china_freight', amount: 6.63, currency: 'EUR', source: 'tmapi', rate: 8, rateDate: null },
      { kind: 'international_freight', amount: 125, currency: 'EUR', source: 'rate card' },
    ]);
    expect(answer.body).toMatchObject({
      offerId: OFFER,
      quantity: 100,
      currency: 'EUR',
      total: { amount: 244.13, currency: 'EUR' },
      perUnit: { amount: 2.4413, currency: 'EUR' },
      actualWeightKg: 25,
      chargeableWeightKg: 25,
      volumeCbm: null,
      estimate: true,
    });
    expect(typeof answer.body.fetchedAt).toBe('string');
    const shipping = suite.fakes.tmapi.calls.last(SHIPPING)!;
    expect(shipping.query).toMatchObject({
      item_id: OFFER,
      province: '浙江',
      total_quantity: '100',
      total_weight: '25',
    });

    // The same request again: offer and estimate come from the cache, no paid call.
    const again = await suite.proxy.post(LANDED_ROUTES.landedCost, body);
    expect(again.body.total).toEqual(answer.body.total);
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.detail)).toBe(1);
    expect(suite.fakes.tmapi.calls.count(SHIPPING)).toBe(1);
  });

  it('coalesces a column of links to the same offer into one detail and one freight call', async () => {
    suite.proxy = await startProxy(config(['tmapi']));
    const refs = [link, OFFER, `offer ${OFFER}`, 'https://item.taobao.com/item.htm?id=1234567'];
    const answer = await suite.proxy.post(LANDED_ROUTES.landedCostBatch, { ...body, ref: undefined, refs });
    expect(answer.status).toBe(200);
    const results = answer.body.results as Array<{
      ref: string;
      result?: { total: unknown };
      error?: { kind: string };
    }>;
    expect(results.map((r) => r.ref)).toEqual(refs);
    expect(results.slice(0, 3).every((r) => r.result !== undefined)).toBe(true);
    expect(results[3]!.error?.kind).toBe('invalid_ref');
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.detail)).toBe(1);
    expect(suite.fakes.tmapi.calls.count(SHIPPING)).toBe(1);
  });

  it('coalesces concurrent requests for the same estimate into one paid call (single-flight)', async () => {
    // The fake answers slowly, so the second request arrives while the first call is in flight.
    suite.fakes.tmapi.setMode({ kind: 'delay', ms: 300 });
    suite.proxy = await startProxy(config(['tmapi']));
    const [a, b] = await Promise.all([
      suite.proxy.post(LANDED_ROUTES.landedCost, body),
      suite.proxy.post(LANDED_ROUTES.landedCost, { ...body, currency: 'USD' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.lines[1].source).toBe('tmapi');
    expect(b.body.lines[1].source).toBe('tmapi');
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.detail)).toBe(1);
    expect(suite.fakes.tmapi.calls.count(SHIPPING)).toBe(1);
  });

  it('falls back to the next freight provider, and says when none could price the China leg', async () => {
    suite.fakes.alibaba.setMode({ kind: 'error', code: '500' });
    suite.proxy = await startProxy(config(['alibaba', 'dajisaas']));
    const answer = await suite.proxy.post(LANDED_ROUTES.landedCost, body);
    expect(answer.status).toBe(200);
    expect(answer.body.lines[1]).toMatchObject({ kind: 'china_freight', source: 'dajisaas' });
    expect(suite.fakes.alibaba.calls.count(OFFICIAL_FREIGHT)).toBeGreaterThanOrEqual(1);
    expect(suite.fakes.dajisaas.calls.count(DAJISAAS_FREIGHT)).toBe(1);

    suite.fakes.dajisaas.setMode({ kind: 'error', code: '500' });
    const none = await suite.proxy.post(LANDED_ROUTES.landedCost, { ...body, quantity: 200 });
    expect(none.status).toBe(200);
    expect(none.body.lines.map((l: { kind: string }) => l.kind)).toEqual(['goods', 'international_freight']);
    expect(none.body.warnings[0]).toMatch(
      /^no China freight estimate \(alibaba: .*; dajisaas: .*\): the China leg is left out$/,
    );
  });

  it('spends the provider’s daily budget on the estimate like any paid call, and pays nothing once it is spent', async () => {
    const base = fakeConfig(suite.fakes);
    const budgeted = base.providers.map((p) => (p.id === 'tmapi' ? { ...p, dailyCalls: 1 } : p));
    suite.proxy = await startProxy(
      config(['tmapi'], {
        providers: budgeted,
        offerProviders: budgeted.filter((p) => p.id === 'tmapi'),
        freightProviders: budgeted.filter((p) => p.id === 'tmapi'),
      }),
    );
    const answer = await suite.proxy.post(LANDED_ROUTES.landedCost, body);
    expect(answer.status).toBe(200);
    expect(answer.body.warnings[0]).toMatch(/no China freight estimate \(tmapi: .*budget/);
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.detail)).toBe(1);
    expect(suite.fakes.tmapi.calls.count(SHIPPING)).toBe(0);
  });

  it('takes the buyer’s own China freight (CNY) or none without asking any provider for it', async () => {
    suite.proxy = await startProxy(config(['tmapi']));
    const given = await suite.proxy.post(LANDED_ROUTES.landedCost, { ...body, chinaFreight: 40 });
    expect(given.body.lines[1]).toMatchObject({ kind: 'china_freight', amount: 5, source: 'you' });
    const none = await suite.proxy.post(LANDED_ROUTES.landedCost, { ...body, chinaFreight: 'none' });
    expect(none.body.lines[1]).toEqual({ kind: 'china_freight', amount: 0, currency: 'EUR', source: 'you' });
    expect(suite.fakes.tmapi.calls.count(SHIPPING)).toBe(0);
  });

  it.each([
    ['an unknown method', { freight: { ...body.freight, method: 'boat' } }, 'freight.method'],
    ['a negative rate', { freight: { ...body.freight, perKg: -2 } }, 'freight.perKg'],
    ['quantity 0', { quantity: 0 }, 'quantity'],
    ['a non-1688 link', { ref: 'https://item.taobao.com/item.htm?id=612345678901' }, 'ref'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['an unknown rate-card currency', { freight: { ...body.freight, currency: 'XYZ' } }, 'freight.currency'],
  ])('refuses %s with a 400 naming the field, and costs no call', async (_what, change, field) => {
    suite.proxy = await startProxy(config(['tmapi']));
    const answer = await suite.proxy.post(LANDED_ROUTES.landedCost, { ...body, ...change });
    expect(answer.status).toBe(400);
    expect(answer.body.field).toBe(field);
    expect(allCalls()).toBe(0);
  });
});
