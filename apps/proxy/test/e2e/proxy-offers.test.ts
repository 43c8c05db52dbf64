import { OFFER_ROUTES, type ProviderId } from '@yuantou/core';
import { ONEBOUND_PATHS, TMAPI_PATHS } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../src/config/load-config.js';
import type { ProviderSettings } from '../../src/gateway/gateway-contract.js';
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
    // The batch is spread: an offer dealt to tmapi says what it said (its quota pause, no call) and moves on.
    for (const result of body.results) {
      for (const attempt of result.attempts.filter((a: { provider: string }) => a.provider === 'tmapi'))
        expect(attempt).toMatchObject({ outcome: 'error', error: { kind: 'quota' } });
    }
    expect(detailCalls()).toEqual({ tmapi: tmapiAfterFirst, onebound: 3 });
  });

  it('a daily budget spent on the first provider moves offers to the next without calling it', async () => {
    const config = offersFrom(['tmapi', 'onebound']);
    // The batch is spread over both: onebound, at one call a second, takes one offer and then waits its turn,
    // so tmapi (fast) takes the other two — the first spends its one-call budget, the next finds it spent.
    const limits = (p: ProviderSettings) =>
      p.id === 'tmapi' ? { ...p, dailyCalls: 1 } : p.id === 'onebound' ? { ...p, requestsPerMinute: 60 } : p;
    suite.proxy = await startProxy({
      ...config,
      providers: config.providers.map(limits),
      offerProviders: config.offerProviders.map(limits),
    });
    const body = await lookUp([link(OFFER[0]!), link(OFFER[1]!), link(OFFER[2]!)]);
    const providers = body.results.map((r: { provider: string }) => r.provider);
    expect(providers.sort()).toEqual(['onebound', 'onebound', 'tmapi']);
    const fellBack = body.results.find((r: { attempts: { provider: string }[] }) => r.attempts.length === 2);
    expect(fellBack.attempts[0].error).toMatchObject({ kind: 'quota' });
    expect(fellBack.attempts[0].error.message).toContain('daily budget of 1 calls spent');
    expect(fellBack.provider).toBe('onebound');
    expect(detailCalls()).toEqual({ tmapi: 1, onebound: 2 });
  });

  it('not_found everywhere is not_found, with what each provider said; an unknown id costs one call at each', async () => {
    suite.proxy = await startProxy(offersFrom(['tmapi', 'onebound']));
    const body = await lookUp([link('999999999999')]);
    expect(body.results[0].error.kind).toBe('not_found');
    expect(body.results[0].error.message).toMatch(/tmapi: .*; onebound: /);
    expect(detailCalls()).toEqual({ tmapi: 1, onebound: 1 });
  });
});
