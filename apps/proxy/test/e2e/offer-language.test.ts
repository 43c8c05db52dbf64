import { OffersResponse } from '@yuantou/core';
import { ONEBOUND_PATHS, TMAPI_PATHS } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { fakeConfig, type RunningProxy, startProxy, useFakesAndProxy } from './proxy-harness.js';

// `language` and `currency` on /v1/offers through the real proxy to the TMAPI and Onebound fakes (which verify
// signatures): what each provider is sent, what comes back labelled, and the paid calls the fakes count.

const suite = useFakesAndProxy();

/** The fakes serve offers from this id on (their offer index 0). */
const OFFER_ID = String(628745190321 + 3);

async function proxyAsking(provider: 'tmapi' | 'onebound'): Promise<RunningProxy> {
  const base = fakeConfig(suite.fakes);
  suite.proxy = await startProxy({
    ...base,
    offerProviders: base.providers.filter((p) => p.id === provider),
    fx: { ...base.fx, fixedRates: { USD: 8 } },
  });
  return suite.proxy;
}

const ask = async (running: RunningProxy, body: object) => {
  const answer = await running.post('/v1/offers', { refs: [OFFER_ID], ...body });
  expect(answer.status).toBe(200);
  return OffersResponse.parse(answer.body);
};

describe('/v1/offers language and currency through the providers', () => {
  it('TMAPI: language=en labels the English title en; an undocumented language shares the Chinese call', async () => {
    const running = await proxyAsking('tmapi');
    const en = await ask(running, { language: 'en', currency: 'USD', quantity: 100 });
    const { offer, pricesConverted, price } = en.results[0]!;
    expect(offer).toMatchObject({ provider: 'tmapi', title: null, translationLanguage: 'en' });
    expect(offer!.titleTranslated).toMatch(/^Ice silk pajamas set/);
    expect(pricesConverted!.priceTiers[0]!.price).toMatchObject({
      currency: 'USD',
      rate: 8,
      source: 'config',
    });
    expect((price!.unitPriceConverted as { amount: number }).amount).toBeCloseTo(price!.unitPrice / 8, 5);
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.detail)).toBe(1);

    const fr = (await ask(running, { language: 'fr' })).results[0]!;
    const zh = (await ask(running, {})).results[0]!;
    expect(fr.ignored).toEqual(['language']);
    expect(fr.offer).toMatchObject({ titleTranslated: null, translationLanguage: null });
    expect(fr.offer!.title).toMatch(/\p{Script=Han}/u);
    // fr is not sent, so fr and "no language" are one cache entry: one more paid call, not two.
    expect(zh.fromCache).toBe(true);
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.detail)).toBe(2);
  });

  it('Onebound: ko and ja are not sent (lang cn|en|ru only), reported, and cost one call together', async () => {
    const running = await proxyAsking('onebound');
    const ko = (await ask(running, { language: 'ko' })).results[0]!;
    const ja = (await ask(running, { language: 'ja' })).results[0]!;
    expect([ko.ignored, ja.ignored]).toEqual([['language'], ['language']]);
    expect([ko.fromCache, ja.fromCache]).toEqual([false, true]);
    expect(suite.fakes.onebound.calls.count(ONEBOUND_PATHS.detail)).toBe(1);
    const en = (await ask(running, { language: 'en' })).results[0]!;
    expect(en.ignored).toBeUndefined();
    expect(en.offer!.titleTranslated).not.toMatch(/\p{Script=Han}/u);
    expect(suite.fakes.onebound.calls.count(ONEBOUND_PATHS.detail)).toBe(2);
  });
});
