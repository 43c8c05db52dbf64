import {
  CurrenciesResponse,
  type ProductResult,
  ProductSearchResponse,
  SupplierSearchResponse,
} from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';

// Issue 21 through the whole demo proxy: products priced at the buyer's quantity and ranked on it, every price of
// an answer in the buyer's currency with its rate date beside the CNY, English places and labels, member ids.

const start = useTestApp();
const q = (text: string) => encodeURIComponent(text);
const EUR_RATE = 7.8678; // CNY per EUR, the bundled demo rates of 2024-03-13
const amountOf = (conversion: unknown) => (conversion as { amount: number }).amount;

async function products(query: string) {
  const current = await start();
  const response = await current.inject(`/v1/products?${query}`);
  expect(response.statusCode).toBe(200);
  return ProductSearchResponse.parse(response.json());
}

describe('GET /v1/products with quantity and currency', () => {
  it('prices each product at 500 pieces, in EUR beside the CNY, and ranks on that price', async () => {
    const body = await products(`q=${q('plush toys')}&quantity=500&currency=EUR&pageSize=20`);
    expect(body.items.length).toBeGreaterThan(0);
    const tiered = body.items.filter((p) => p.priceAtQuantity?.basis === 'tiers');
    expect(tiered.length).toBeGreaterThan(0);
    for (const item of body.items) {
      const at = item.priceAtQuantity!;
      expect(at.quantity).toBe(500);
      const priceFactor = item.breakdown.find((f) => f.factor === 'price')!;
      if (at.basis === 'tiers') {
        expect(priceFactor.value).toBe(at.unitPrice);
        expect(at.subtotal).toBeCloseTo(at.unitPrice! * 500, 2);
        expect(item.priceTiersConverted).toHaveLength(item.priceTiers!.length);
        expect(item.priceAtQuantityConverted!.unitPrice).toMatchObject({
          currency: 'EUR',
          rateDate: '2024-03-13',
        });
        expect(amountOf(item.priceAtQuantityConverted!.subtotal)).toBeCloseTo(at.subtotal! / EUR_RATE, 2);
        if (at.cheaperTotalAt) {
          expect(at.cheaperTotalAt.subtotal).toBeLessThan(at.subtotal!);
          expect(amountOf(item.priceAtQuantityConverted!.cheaperTotalAt)).toBeCloseTo(
            at.cheaperTotalAt.subtotal / EUR_RATE,
            2,
          );
        }
      } else {
        expect(at.note).toMatch(/^price at 500 unknown/);
        expect(item.priceTiersConverted).toBeUndefined();
      }
      if (at.belowMoq) {
        expect(at.belowMoqReason).toContain(String(item.moq));
        expect(item.flags.map((f) => f.flag)).toContain('moqAboveQuantity');
      }
    }
  });

  it('ranks differently at 500 pieces than at the lowest tier when tiers differ', async () => {
    const lowest = await products(`q=${q('毛绒玩具')}&pageSize=50`);
    const at500 = await products(`q=${q('毛绒玩具')}&quantity=500&pageSize=50`);
    const priceValue = (items: ProductResult[], id: string) =>
      items.find((p) => p.id === id)!.breakdown.find((f) => f.factor === 'price')!.value;
    const differs = at500.items.filter(
      (p) =>
        p.priceAtQuantity?.basis === 'tiers' &&
        priceValue(lowest.items, p.id) !== p.priceAtQuantity.unitPrice,
    );
    expect(differs.length).toBeGreaterThan(0);
  });

  it('carries the seller member id, English places and labels with language=en', async () => {
    const body = await products(`q=${q('玩具')}&language=en&pageSize=20`);
    const located = body.items.filter((p) => p.supplier?.location?.city);
    expect(located.length).toBeGreaterThan(0);
    for (const item of body.items) expect(item.memberId).toBe(item.supplier?.id ?? null);
    for (const item of located) {
      expect(item.sellerTranslated!.cityTranslated).toMatch(/^[A-Z][a-z']+( [A-Z][a-z]+)*$/);
      expect(item.supplier!.location!.city).toMatch(/\p{Script=Han}/u);
    }
    const shantou = located.find((p) => p.supplier!.location!.city!.startsWith('汕头'));
    expect(shantou?.sellerTranslated).toMatchObject({
      cityTranslated: 'Shantou',
      provinceTranslated: 'Guangdong',
    });
  });

  it('asks the providers once for several quantities and currencies of one search', async () => {
    const current = await start();
    const fromCache: boolean[] = [];
    for (const query of ['quantity=500', 'quantity=1000&currency=EUR', 'quantity=3000&currency=USD']) {
      const body = await current.inject(`/v1/products?q=${q('毛绒玩具')}&${query}`);
      expect(body.statusCode).toBe(200);
      fromCache.push(ProductSearchResponse.parse(body.json()).providers[0]!.fromCache);
    }
    // The quantity is ours (pricing, ranking), not a provider filter: one provider page serves all three.
    expect(fromCache).toEqual([false, true, true]);
  });

  it('refuses quantity on the supplier search, naming the field', async () => {
    const current = await start();
    const response = await current.inject(`/v1/suppliers?q=${q('玩具')}&quantity=500`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'quantity' });
    expect(current.calls).toEqual([]);
  });
});

describe('GET /v1/suppliers in the buyer language and currency', () => {
  it('joins with products on memberId and translates places, levels and badges', async () => {
    const current = await start();
    const suppliers = SupplierSearchResponse.parse(
      (await current.inject(`/v1/suppliers?q=${q('玩具')}&language=en&currency=EUR&pageSize=50`)).json(),
    );
    const productsBody = ProductSearchResponse.parse(
      (await current.inject(`/v1/products?q=${q('玩具')}&pageSize=50`)).json(),
    );
    const memberIds = new Set(suppliers.items.map((s) => s.memberId));
    for (const s of suppliers.items) expect(s.memberId).toBe(s.id);
    expect(productsBody.items.some((p) => memberIds.has(p.memberId ?? ''))).toBe(true);
    const levelled = suppliers.items.find((s) => s.factoryLevel === '金牌制造');
    if (levelled) expect(levelled.translated!.factoryLevelTranslated).toBe('Gold manufacturer');
    const credited = suppliers.items.find((s) => s.creditLevel !== null)!;
    expect(credited.translated!.creditLevelTranslated).toContain(credited.creditLevel!);
    const tagged = suppliers.items.find((s) => s.tags.includes('源头工厂'));
    if (tagged) expect(tagged.translated!.tagsTranslated).toContain('Source factory');
    const priced = suppliers.items.find((s) => s.priceMin !== null)!;
    expect(priced.priceMinConverted).toMatchObject({ currency: 'EUR', rateDate: '2024-03-13' });
  });

  it('answers in Chinese only without a language', async () => {
    const current = await start();
    const body = SupplierSearchResponse.parse((await current.inject(`/v1/suppliers?q=${q('玩具')}`)).json());
    expect(body.items.every((s) => s.translated === undefined && s.flagsTranslated === undefined)).toBe(true);
  });
});

describe('GET /v1/offers/:ref at a quantity, in EUR and English', () => {
  it('says "cheaper at more", carries the member id and the ship-from place in English', async () => {
    const current = await start();
    const search = ProductSearchResponse.parse(
      (await current.inject(`/v1/products?q=${q('玩具')}&quantity=1&pageSize=50`)).json(),
    );
    // A product whose second tier makes ordering its start quantity cheaper in total than one piece fewer.
    const cheaperAtMore = (p: ProductResult) => {
      const [first, second] = p.priceTiers ?? [];
      if (!first || !second || (p.moq ?? 0) > second.minQuantity - 1) return false;
      return second.minQuantity * second.price < (second.minQuantity - 1) * first.price;
    };
    const candidate = search.items.find(cheaperAtMore)!;
    expect(candidate).toBeDefined();
    const second = candidate.priceTiers![1]!;
    const quantity = second.minQuantity - 1;
    const response = await current.inject(
      `/v1/offers/${candidate.id}?quantity=${quantity}&currency=EUR&language=en`,
    );
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.memberId).toBe(result.offer.supplier?.id ?? null);
    if (result.offer.shipsFrom.city) expect(result.shipsFromTranslated.cityTranslated).toMatch(/^[A-Z]/);
    expect(result.price.cheaperTotalAt).toEqual({
      quantity: second.minQuantity,
      subtotal: Math.round(second.minQuantity * second.price * 100) / 100,
    });
    expect(result.price.cheaperTotalAtConverted).toMatchObject({ currency: 'EUR', rateDate: '2024-03-13' });
  });
});

describe('GET /v1/currencies', () => {
  it('lists what the proxy can convert (EUR, USD, not RUB) with the rates date', async () => {
    const current = await start();
    const response = await current.inject('/v1/currencies');
    expect(response.statusCode).toBe(200);
    const body = CurrenciesResponse.parse(response.json());
    expect(body).toMatchObject({ source: 'demo', rateDate: '2024-03-13', stale: true });
    expect(body.currencies).toEqual(expect.arrayContaining(['EUR', 'USD', 'GBP', 'CNY']));
    expect(body.currencies).not.toContain('RUB');
    expect(current.calls).toEqual([]);
  });

  it('follows configured fixed rates', async () => {
    const current = await start({ YUANTOU_FX_RATES: 'USD:7.12,GBP:9.05' });
    const body = CurrenciesResponse.parse((await current.inject('/v1/currencies')).json());
    expect(body).toMatchObject({ currencies: ['CNY', 'GBP', 'USD'], source: 'config', rateDate: null });
  });
});
