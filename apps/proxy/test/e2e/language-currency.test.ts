import { ProductSearchResponse, SupplierSearchResponse } from '@yuantou/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ECB_DAILY_PATH, type EcbFake, startEcbFake } from '../fakes/ecb-fake.js';
import type { FakeServer } from '../fakes/fake-server.js';
import { LIBRETRANSLATE_PATH, startLibreTranslateFake } from '../fakes/libretranslate-fake.js';
import { closedPort, useTestApp } from '../support/test-app.js';

// language= and currency= through the whole proxy: keyword translation before the providers are called, rates
// checked before any paid call, converted prices next to the CNY ones, translated titles that are translations.

const start = useTestApp();
const HAN = /\p{Script=Han}/u;
const q = (text: string) => encodeURIComponent(text);

describe('search in English with prices in USD (demo mode)', () => {
  it('translates the keyword, answers in English and converts with the labelled demo rates', async () => {
    const current = await start();
    const response = await current.inject(
      `/v1/products?q=${q('toy factory')}&language=en&currency=usd&pageSize=10`,
    );
    expect(response.statusCode).toBe(200);
    const body = ProductSearchResponse.parse(response.json());
    expect(body.searchedAs).toBe('玩具厂');
    expect(body.translation).toMatchObject({ typed: 'toy factory', method: 'glossary', providers: ['demo'] });
    expect(body.currency).toEqual({
      currency: 'USD',
      rate: 7.8678 / 1.0939,
      rateDate: '2024-03-13',
      source: 'demo',
      stale: true,
    });
    expect(body.providers[0]!.ignored).toEqual([]);
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item.title).toMatch(HAN);
      expect(item.titleTranslated).not.toBeNull();
      expect(item.titleTranslated).not.toMatch(HAN);
      if (item.price === null) expect(item.priceConverted).toBeNull();
      else {
        expect(item.priceConverted).toMatchObject({
          currency: 'USD',
          source: 'demo',
          rateDate: '2024-03-13',
        });
        expect((item.priceConverted as { amount: number }).amount).toBeCloseTo(
          item.price / (7.8678 / 1.0939),
          4,
        );
      }
    }
  });

  it('converts supplier price ranges and reports the language it cannot give', async () => {
    const current = await start();
    const response = await current.inject(`/v1/suppliers?q=${q('玩具')}&language=en&currency=EUR`);
    const body = SupplierSearchResponse.parse(response.json());
    expect(body.searchedAs).toBeUndefined();
    expect(body.providers[0]!.ignored).toContain('language');
    const priced = body.items.filter((s) => s.priceMin !== null);
    expect(priced.length).toBeGreaterThan(0);
    for (const s of priced) expect(s.priceMinConverted).toMatchObject({ currency: 'EUR', rate: 7.8678 });
  });

  it('refuses a currency the rates do not list before any provider is paid', async () => {
    const current = await start();
    for (const currency of ['RUB', 'dollars']) {
      const response = await current.inject(`/v1/products?q=${q('玩具')}&currency=${currency}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ field: 'currency' });
    }
    expect(current.calls).toEqual([]);
  });

  it('uses fixed rates from YUANTOU_FX_RATES', async () => {
    const current = await start({ YUANTOU_FX_RATES: 'USD:7.12,GBP:9.05' });
    const body = ProductSearchResponse.parse(
      (await current.inject(`/v1/products?q=${q('玩具')}&currency=GBP`)).json(),
    );
    expect(body.currency).toEqual({
      currency: 'GBP',
      rate: 9.05,
      rateDate: null,
      source: 'config',
      stale: false,
    });
  });
});

describe('with a LibreTranslate server and the ECB feed', () => {
  let libre: FakeServer;
  let ecb: EcbFake;
  beforeAll(async () => {
    [libre, ecb] = await Promise.all([
      startLibreTranslateFake(),
      startEcbFake({ date: new Date().toISOString().slice(0, 10) }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([libre.close(), ecb.close()]);
  });

  it('translates with the server once and fetches the rates once for repeated searches', async () => {
    libre.reset();
    ecb.reset();
    const current = await start({ YUANTOU_TRANSLATE_URL: libre.url, YUANTOU_FX_ECB_URL: ecb.dailyUrl });
    for (const page of [1, 2, 3]) {
      const response = await current.inject(`/v1/products?q=${q('plush toy')}&currency=USD&page=${page}`);
      const body = ProductSearchResponse.parse(response.json());
      expect(body.searchedAs).toBe('毛绒玩具');
      expect(body.translation?.method).toBe('machine');
      expect(body.currency).toMatchObject({ source: 'ecb', stale: false });
    }
    expect(libre.calls.count(LIBRETRANSLATE_PATH)).toBe(1);
    expect(ecb.calls.count(ECB_DAILY_PATH)).toBe(1);
  });

  it('answers with an error for each converted price when no rates can be fetched, never a silent CNY', async () => {
    const current = await start({
      YUANTOU_FX_ECB_URL: `http://127.0.0.1:${await closedPort()}/eurofxref-daily.xml`,
    });
    const response = await current.inject(`/v1/products?q=${q('玩具')}&currency=USD`);
    expect(response.statusCode).toBe(200);
    const body = ProductSearchResponse.parse(response.json());
    expect(body.currency).toMatchObject({ currency: 'USD', error: expect.stringContaining('ECB rates') });
    const priced = body.items.filter((p) => p.price !== null);
    expect(priced.length).toBeGreaterThan(0);
    for (const p of priced) expect(p.priceConverted).toEqual(body.currency);
  });
});
