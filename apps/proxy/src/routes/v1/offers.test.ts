import { OfferResult, OffersResponse, Problem, ProductSearchResponse } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { type TestApp, useTestApp } from '../../../test/support/test-app.js';

const start = useTestApp();

/** Ids of real demo offers, from a product search. */
async function demoIds(current: TestApp, count: number): Promise<string[]> {
  const response = await current.inject(`/v1/products?q=${encodeURIComponent('玩具')}&pageSize=50`);
  const ids = ProductSearchResponse.parse(response.json()).items.map((p) => p.id);
  expect(ids.length).toBeGreaterThanOrEqual(count);
  current.calls.length = 0;
  return ids.slice(0, count);
}

describe('POST /v1/offers', () => {
  it('answers each ref in input order; duplicates cost one call; bad links fail only themselves', async () => {
    const current = await start();
    const [a, b] = await demoIds(current, 2);
    const refs = [
      `https://detail.1688.com/offer/${a}.html?spm=a2615.7691456&tracelog=p4p`,
      'https://www.aliexpress.com/item/1005001234567890.html',
      b!,
      `看看这个 https://m.1688.com/offer/${a}.html 谢谢`,
      '999999999999',
    ];
    const response = await current.inject({ method: 'POST', url: '/v1/offers', payload: { refs } });
    expect(response.statusCode).toBe(200);
    const body = OffersResponse.parse(response.json());
    expect(body.results.map((r) => r.ref)).toEqual(refs);
    expect(body.results.map((r) => r.offerId)).toEqual([a, null, b, a, '999999999999']);
    expect(body.results[0]).toMatchObject({ provider: 'demo', fromCache: false, offer: { id: a } });
    expect(body.results[1]!.error).toMatchObject({
      kind: 'invalid_ref',
      message: expect.stringContaining('AliExpress'),
    });
    expect(body.results[3]!.offer).toEqual(body.results[0]!.offer);
    expect(body.results[4]!.error).toMatchObject({ kind: 'not_found' });
    expect(body.results[4]!.attempts).toEqual([
      expect.objectContaining({
        provider: 'demo',
        outcome: 'error',
        error: expect.objectContaining({ kind: 'not_found' }),
      }),
    ]);
    expect(body.providerOrder).toEqual(['demo']);
    expect(body.sampleData).toBe(true);
    expect(current.calls.sort()).toEqual(['demo.getOffer', 'demo.getOffer', 'demo.getOffer']);
  });

  it('serves a repeated offer from the cache and prices it at the quantity', async () => {
    const current = await start();
    const [a] = await demoIds(current, 1);
    await current.inject({ method: 'POST', url: '/v1/offers', payload: { refs: [a] } });
    const response = await current.inject({
      method: 'POST',
      url: '/v1/offers',
      payload: { refs: [a], quantity: 500 },
    });
    const result = OffersResponse.parse(response.json()).results[0]!;
    expect(result.fromCache).toBe(true);
    expect(result.price).toMatchObject({ quantity: 500, subtotal: expect.any(Number) });
    expect(result.price!.subtotal).toBeCloseTo(result.price!.unitPrice * 500, 2);
  });

  it('caches per language: another language is another entry', async () => {
    const current = await start();
    const [a] = await demoIds(current, 1);
    const ask = (language?: string) =>
      current.inject({
        method: 'POST',
        url: '/v1/offers',
        payload: { refs: [a], ...(language ? { language } : {}) },
      });
    const zh = OffersResponse.parse((await ask()).json()).results[0]!;
    const en = OffersResponse.parse((await ask('en')).json()).results[0]!;
    const enAgain = OffersResponse.parse((await ask('en')).json()).results[0]!;
    expect([zh.fromCache, en.fromCache, enAgain.fromCache]).toEqual([false, false, true]);
  });

  it.each([
    [{ refs: [] }, 'refs'],
    [{ refs: Array.from({ length: 201 }, (_, i) => String(600000000000 + i)) }, 'refs'],
    [{ refs: ['612345678901'], quantity: 0 }, 'quantity'],
    [{ refs: ['612345678901'], language: 'klingon' }, 'language'],
    [{ refs: ['612345678901'], currency: 'dollars' }, 'currency'],
  ])('rejects %j with a 400 naming %s, before any call', async (payload, field) => {
    const current = await start();
    const response = await current.inject({ method: 'POST', url: '/v1/offers', payload });
    expect(response.statusCode).toBe(400);
    expect(Problem.parse(response.json()).field).toBe(field);
    expect(current.calls).toEqual([]);
  });
});

describe('/v1/offers with currency', () => {
  it('POST converts the offer prices with the labelled demo rates, keeping every CNY price', async () => {
    const current = await start();
    const [a] = await demoIds(current, 1);
    const response = await current.inject({
      method: 'POST',
      url: '/v1/offers',
      payload: { refs: [a], quantity: 1000, currency: 'usd', language: 'en' },
    });
    expect(response.statusCode).toBe(200);
    const body = OffersResponse.parse(response.json());
    expect(body.currency).toMatchObject({ currency: 'USD', source: 'demo' });
    const rate = (body.currency as { rate: number }).rate;
    const { offer, price, pricesConverted } = body.results[0]!;
    expect(offer!.translationLanguage).toBe('en');
    expect(pricesConverted!.priceMin).toMatchObject({ currency: 'USD', source: 'demo' });
    expect((pricesConverted!.priceMin as { amount: number }).amount).toBeCloseTo(offer!.priceMin! / rate, 4);
    expect(pricesConverted!.priceTiers.map((t) => t.minQuantity)).toEqual(
      offer!.priceTiers.map((t) => t.minQuantity),
    );
    expect(pricesConverted!.skus.map((s) => s.id)).toEqual(offer!.skus.map((s) => s.id));
    expect((price!.unitPriceConverted as { amount: number }).amount).toBeCloseTo(price!.unitPrice / rate, 4);
  });

  it('GET converts too, and both refuse an unlisted currency with a 400 naming it before any call', async () => {
    const current = await start({ YUANTOU_FX_RATES: 'USD:7.12' });
    const [a] = await demoIds(current, 1);
    const ok = OfferResult.parse((await current.inject(`/v1/offers/${a}?quantity=10&currency=USD`)).json());
    expect(ok.pricesConverted!.priceMax).toMatchObject({ currency: 'USD', rate: 7.12, source: 'config' });
    expect(ok.price!.subtotalConverted).toMatchObject({ currency: 'USD', rate: 7.12 });
    current.calls.length = 0;
    const get = await current.inject(`/v1/offers/${a}?currency=EUR`);
    const post = await current.inject({
      method: 'POST',
      url: '/v1/offers',
      payload: { refs: [a], currency: 'EUR' },
    });
    for (const response of [get, post]) {
      expect(response.statusCode).toBe(400);
      expect(Problem.parse(response.json())).toMatchObject({ field: 'currency' });
    }
    expect(current.calls).toEqual([]);
  });

  it('reports a language the provider cannot give in ignored', async () => {
    const current = await start();
    const [a] = await demoIds(current, 1);
    const body = OffersResponse.parse(
      (
        await current.inject({ method: 'POST', url: '/v1/offers', payload: { refs: [a], language: 'ko' } })
      ).json(),
    );
    expect(body.results[0]!.ignored).toEqual(['language']);
    expect(body.results[0]!.offer!.titleTranslated).toBeNull();
  });
});

describe('GET /v1/offers/:ref', () => {
  it('answers one offer for an URL-encoded link, priced at the quantity', async () => {
    const current = await start();
    const [a] = await demoIds(current, 1);
    const ref = encodeURIComponent(`https://detail.1688.com/offer/${a}.html?spm=x`);
    const response = await current.inject(`/v1/offers/${ref}?quantity=10`);
    expect(response.statusCode).toBe(200);
    const result = OfferResult.parse(response.json());
    expect(result).toMatchObject({
      offerId: a,
      provider: 'demo',
      offer: { id: a, url: `https://detail.1688.com/offer/${a}.html` },
    });
    expect(result.price?.quantity).toBe(10);
  });

  it('a Taobao link is a 400 naming the site; an unknown offer a 404', async () => {
    const current = await start();
    const taobao = await current.inject(
      `/v1/offers/${encodeURIComponent('https://item.taobao.com/item.htm?id=612345678901')}`,
    );
    expect(taobao.statusCode).toBe(400);
    expect(Problem.parse(taobao.json())).toMatchObject({
      field: 'ref',
      detail: expect.stringContaining('Taobao'),
    });
    const missing = await current.inject('/v1/offers/999999999999');
    expect(missing.statusCode).toBe(404);
    expect(Problem.parse(missing.json())).toMatchObject({ kind: 'not_found' });
  });
});
