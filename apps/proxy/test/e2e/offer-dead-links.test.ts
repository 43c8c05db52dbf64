import { LANDED_ROUTES, OFFER_ROUTES, type ProviderId } from '@yuantou/core';
import { DAJISAAS_PATHS, DEFAULT_TOTAL, ONEBOUND_PATHS, TMAPI_PATHS } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../src/config/load-config.js';
import type { ProviderSettings } from '../../src/gateway/gateway-contract.js';
import { describeWithRedis, REDIS_URL, uniquePrefix } from '../../src/upstream/__fixtures__/redis.js';
import { fakeConfig, startProxy, useFakesAndProxy } from './proxy-harness.js';

// Issue 23, paid calls wasted on offers: a dead link paid at every provider on every recalculation, and offers
// paid again at the first provider after a later one had served (and cached) them. Calls are counted on the
// providers' detail fakes, which verify signatures.

const suite = useFakesAndProxy();

// Offers the fakes list (fake-data.ts `offerIdFor(n)`, 57 of them: the batch); 999999999999 is one no
// fake has.
const OFFER = Array.from({ length: DEFAULT_TOTAL }, (_, i) => String(628_745_190_321 + i));
const DEAD = '999999999999';
const link = (id: string) => `https://detail.1688.com/offer/${id}.html?spm=a26352.13672862`;

function offersFrom(order: ProviderId[], overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  const config = fakeConfig(suite.fakes, overrides);
  const byId = new Map(config.providers.map((p) => [p.id, p]));
  return { ...config, offerProviders: order.map((id) => byId.get(id)!) };
}

const detailCalls = () => ({
  tmapi: suite.fakes.tmapi.calls.count(TMAPI_PATHS.detail),
  onebound: suite.fakes.onebound.calls.count(ONEBOUND_PATHS.detail),
  dajisaas: suite.fakes.dajisaas.calls.count(DAJISAAS_PATHS.detail),
});

async function lookUp(refs: string[]) {
  const answer = await suite.proxy!.post(OFFER_ROUTES.offers, { refs });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('dead links are paid once a day, at no more than two providers', () => {
  it('a not-found offer is remembered: the second lookup pays nothing and says when it was checked', async () => {
    suite.proxy = await startProxy(offersFrom(['tmapi', 'onebound']));
    const first = await lookUp([link(DEAD)]);
    expect(first.results[0].error.kind).toBe('not_found');
    expect(detailCalls()).toMatchObject({ tmapi: 1, onebound: 1 });

    const before = Date.now();
    const again = await lookUp([link(DEAD), DEAD]);
    expect(detailCalls()).toMatchObject({ tmapi: 1, onebound: 1 });
    for (const result of again.results) {
      expect(result.error.kind).toBe('not_found');
      expect(Date.parse(result.error.checkedAt)).toBeLessThanOrEqual(before);
      expect(result.error.message).toContain('last checked');
    }
    // GET answers the same remembered 404, still without a call.
    const one = await suite.proxy.get(OFFER_ROUTES.offer.replace(':ref', DEAD));
    expect(one.status).toBe(404);
    expect(detailCalls()).toMatchObject({ tmapi: 1, onebound: 1 });
  });

  it('the remembered answer lasts as configured: with a 1 s lifetime the providers are asked again after it', async () => {
    const config = offersFrom(['tmapi', 'onebound']);
    suite.proxy = await startProxy({ ...config, offers: { ...config.offers, notFoundTtlSeconds: 1 } });
    await lookUp([DEAD]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await lookUp([DEAD]);
    expect(detailCalls()).toMatchObject({ tmapi: 2, onebound: 2 });
  });

  it('a not-found walk stops after two providers said not found (configurable)', async () => {
    suite.proxy = await startProxy(offersFrom(['tmapi', 'onebound', 'dajisaas']));
    const body = await lookUp([DEAD]);
    expect(body.results[0].error.kind).toBe('not_found');
    expect(body.results[0].attempts.map((a: { provider: string }) => a.provider)).toEqual([
      'tmapi',
      'onebound',
    ]);
    expect(detailCalls()).toEqual({ tmapi: 1, onebound: 1, dajisaas: 0 });
    await suite.proxy.close();

    const config = offersFrom(['tmapi', 'onebound', 'dajisaas']);
    suite.proxy = await startProxy({ ...config, offers: { ...config.offers, notFoundProviders: 1 } });
    await lookUp(['628745199999']);
    expect(detailCalls()).toEqual({ tmapi: 2, onebound: 1, dajisaas: 0 });
  });

  it('=LANDED pays for a dead link no more than =OFFERS: one memory for both routes', async () => {
    suite.proxy = await startProxy(offersFrom(['tmapi', 'onebound', 'dajisaas']));
    const landed = (refs: string[]) =>
      suite.proxy!.post(LANDED_ROUTES.landedCostBatch, {
        refs,
        quantity: 100,
        chinaFreight: 'none',
        freight: { method: 'air', perKg: 5, currency: 'CNY' },
      });
    const first = await landed([link(DEAD), DEAD]);
    expect(first.status).toBe(200);
    for (const item of first.body.results) expect(item.error.kind).toBe('not_found');
    // The walk stops after two providers (as for /v1/offers), and the second ref joins the first's walk.
    expect(detailCalls()).toEqual({ tmapi: 1, onebound: 1, dajisaas: 0 });
    // Recalculating the =LANDED column, and pricing the same link with =OFFERS, pay nothing more.
    const again = await landed([DEAD]);
    expect(again.body.results[0].error).toMatchObject({
      kind: 'not_found',
      message: expect.stringContaining('last checked'),
    });
    expect((await lookUp([DEAD])).results[0].error.kind).toBe('not_found');
    expect(detailCalls()).toEqual({ tmapi: 1, onebound: 1, dajisaas: 0 });
  });

  it('numbers that are no 1688 offer id cost nothing', async () => {
    suite.proxy = await startProxy(offersFrom(['tmapi', 'onebound']));
    const body = await lookUp(['12345', '13812345678', link('12345')]);
    for (const result of body.results) expect(result.error.kind).toBe('invalid_ref');
    expect(detailCalls()).toMatchObject({ tmapi: 0, onebound: 0 });
  });
});

describe('offers a later provider served are not paid again at the first', () => {
  it('every provider’s cache is looked in before any is paid: the 57-offer batch after a fallback costs nothing', async () => {
    // A breaker that never opens (tmapi must be reachable again for the second batch), and time enough for 57
    // offers on a busy test machine.
    const config = offersFrom(['tmapi', 'onebound'], {
      circuit: { failureThreshold: 1_000, resetAfterMs: 400 },
    });
    const patient = (p: ProviderSettings) => ({ ...p, timeoutMs: 10_000 });
    suite.proxy = await startProxy({
      ...config,
      providers: config.providers.map(patient),
      offerProviders: config.offerProviders.map(patient),
    });
    // tmapi down: onebound serves (and caches) all 57.
    suite.fakes.tmapi.setMode({ kind: 'error', code: '500' });
    const first = await lookUp(OFFER.map(link));
    expect(first.results.every((r: { provider: string }) => r.provider === 'onebound')).toBe(true);
    expect(detailCalls().onebound).toBe(OFFER.length);
    // tmapi back: the same batch again is served from onebound's cache, without paying tmapi or onebound.
    suite.fakes.tmapi.setMode({ kind: 'ok' });
    const before = detailCalls();
    const again = await lookUp(OFFER.map(link));
    for (const result of again.results)
      expect(result).toMatchObject({ provider: 'onebound', fromCache: true });
    expect(detailCalls()).toEqual(before);
  });
});

describeWithRedis('dead links across instances (two proxies on one Redis)', () => {
  it('a not-found one instance walked costs the other nothing', async () => {
    const redisKeyPrefix = uniquePrefix('not-found');
    const config = offersFrom(['tmapi', 'onebound'], { redisUrl: REDIS_URL });
    const a = await startProxy(config, { gatewayHooks: { redisKeyPrefix } });
    const b = await startProxy(config, { gatewayHooks: { redisKeyPrefix } });
    try {
      expect((await a.post(OFFER_ROUTES.offers, { refs: [DEAD] })).body.results[0].error.kind).toBe(
        'not_found',
      );
      const paid = detailCalls();
      const fromB = await b.post(OFFER_ROUTES.offers, { refs: [DEAD] });
      expect(fromB.body.results[0].error).toMatchObject({ kind: 'not_found', checkedAt: expect.any(String) });
      expect(detailCalls()).toEqual(paid);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
