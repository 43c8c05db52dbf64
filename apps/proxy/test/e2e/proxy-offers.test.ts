import { OFFER_ROUTES, type ProviderId } from '@yuantou/core';
import { ONEBOUND_PATHS, TMAPI_PATHS } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../src/config/load-config.js';
import { fakeConfig, startProxy, useFakesAndProxy } from './proxy-harness.js';

// Offers by link through the real proxy over HTTP to the providers' detail fakes (which verify signatures):
// the configured provider order, fallback on the failures the issue names, what the answer says about each
// provider, and what each fallback costs in paid calls (counted by the fakes).

const suite = useFakesAndProxy();

// The first offer the fakes list (fake-data.ts `offerIdFor(0)`), and two more.
const OFFER = ['628745190321', '628745190322', '628745190323'];
const link = (id: string) => `https://detail.1688.com/offer/${id}.html?spm=a26352.13672862`;

/** The fakes' config with offers asked of `order`, in that order. */
function offersFrom(order: ProviderId[], overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  const config = fakeConfig(suite.fakes, overrides);
  const byId = new Map(config.providers.map((p) => [p.id, p]));
  return { ...config, offerProviders: order.map((id) => byId.get(id)!) };
}

const detailCalls = () => ({
  tmapi: suite.fakes.tmapi.calls.count(TMAPI_PATHS.detail),
  onebound: suite.fakes.onebound.calls.count(ONEBOUND_PATHS.detail),
});

async function lookUp(refs: string[]) {
  const answer = await suite.proxy!.post(OFFER_ROUTES.offers, { refs, quantity: 100 });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('POST /v1/offers over HTTP: provider order and fallback', () => {
  it('asks the first provider only, when it answers', async () => {
    suite.proxy = await startProxy(offersFrom(['tmapi', 'onebound']));
    const body = await lookUp([link(OFFER[0]!)]);
    expect(body.providerOrder).toEqual(['tmapi', 'onebound']);
    expect(body.results[0]).toMatchObject({ offerId: OFFER[0], provider: 'tmapi', offer: { id: OFFER[0] } });
    expect(body.results[0].price).toMatchObject({ quantity: 100, belowMoq: false });
    expect(detailCalls()).toEqual({ tmapi: 1, onebound: 0 });
  });

  it.each([
    ['upstream', { kind: 'error', code: '500' }],
    ['quota', { kind: 'error', code: '439' }],
    ['timeout', { kind: 'delay', ms: 5000 }],
  ] as const)(
    'falls back to the next provider when the first says %s, and says what it said',
    async (kind, behaviour) => {
      suite.fakes.tmapi.setMode(behaviour);
      suite.proxy = await startProxy(offersFrom(['tmapi', 'onebound'], { deadlineMs: 2500 }));
      const body = await lookUp([link(OFFER[0]!)]);
      const [result] = body.results;
      expect(result).toMatchObject({ offerId: OFFER[0], provider: 'onebound', offer: { id: OFFER[0] } });
      expect(
        result.attempts.map((a: { provider: string; outcome: string }) => [a.provider, a.outcome]),
      ).toEqual([
        ['tmapi', 'error'],
        ['onebound', 'ok'],
      ]);
      expect(result.attempts[0].error.kind).toBe(kind);
      expect(detailCalls().onebound).toBe(1);
    },
  );

  it('after a quota answer the exhausted provider is skipped for later offers: no paid call into it', async () => {
    suite.fakes.tmapi.setMode({ kind: 'error', code: '439' });
    suite.proxy = await startProxy(offersFrom(['tmapi', 'onebound']));
    await lookUp([link(OFFER[0]!)]);
    const tmapiAfterFirst = detailCalls().tmapi;
    const body = await lookUp([link(OFFER[1]!), link(OFFER[2]!)]);
    expect(body.results.map((r: { provider: string }) => r.provider)).toEqual(['onebound', 'onebound']);
    for (const result of body.results)
      expect(result.attempts[0]).toMatchObject({ provider: 'tmapi', outcome: 'error' });
    expect(detailCalls()).toEqual({ tmapi: tmapiAfterFirst, onebound: 3 });
  });

  it('a daily budget spent on the first provider moves offers to the next without calling it', async () => {
    const config = offersFrom(['tmapi', 'onebound']);
    suite.proxy = await startProxy({
      ...config,
      providers: config.providers.map((p) => (p.id === 'tmapi' ? { ...p, dailyCalls: 1 } : p)),
      offerProviders: config.offerProviders.map((p) => (p.id === 'tmapi' ? { ...p, dailyCalls: 1 } : p)),
    });
    const body = await lookUp([link(OFFER[0]!), link(OFFER[1]!)]);
    const served = Object.fromEntries(
      body.results.map((r: { offerId: string; provider: string }) => [r.offerId, r.provider]),
    );
    // One of the two (whichever went first) used the budget's one call; the other fell back.
    expect(Object.values(served).sort()).toEqual(['onebound', 'tmapi']);
    const fellBack = body.results.find((r: { provider: string }) => r.provider === 'onebound');
    expect(fellBack.attempts[0].error).toMatchObject({ kind: 'quota' });
    expect(fellBack.attempts[0].error.message).toContain('daily budget of 1 calls spent');
    expect(detailCalls()).toEqual({ tmapi: 1, onebound: 1 });
  });

  it('not_found everywhere is not_found, with what each provider said; an unknown id costs one call at each', async () => {
    suite.proxy = await startProxy(offersFrom(['tmapi', 'onebound']));
    const body = await lookUp([link('999999999999')]);
    expect(body.results[0].error.kind).toBe('not_found');
    expect(body.results[0].error.message).toMatch(/tmapi: .*; onebound: /);
    expect(detailCalls()).toEqual({ tmapi: 1, onebound: 1 });
  });
});
