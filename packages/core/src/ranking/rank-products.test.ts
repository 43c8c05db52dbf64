import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Product } from '../models/product.js';
import { RankedProduct } from '../models/ranked.js';
import { demoDataset } from '../providers/demo/demo-data.js';
import { aProduct } from './__fixtures__/listings.js';
import { DEFAULT_PRODUCT_WEIGHTS, rankProducts } from './rank-products.js';
import { NEUTRAL_FRACTION } from './score-factors.js';

const product = (id: string, fields: Partial<Product> = {}) => aProduct('dajisaas', id, fields);

const points = (ranked: RankedProduct | undefined, factor: string) =>
  ranked?.breakdown.find((f) => f.factor === factor)?.points;

describe('rankProducts', () => {
  it('prefers the cheaper of two otherwise identical products, relative to the result set', () => {
    const ranked = rankProducts([product('dear', { price: 30 }), product('cheap', { price: 3 })]);
    expect(ranked.map((p) => p.id)).toEqual(['cheap', 'dear']);
    expect(points(ranked[0], 'price')).toBe(DEFAULT_PRODUCT_WEIGHTS.price);
    expect(points(ranked[1], 'price')).toBe(0);
  });

  it('is not squashed by one price outlier (percentile, not linear)', () => {
    const ranked = rankProducts([1, 2, 3, 1000].map((price) => product(`p${price}`, { price })));
    expect(ranked.map((p) => points(p, 'price'))).toEqual([20, 13.33, 6.67, 0]);
  });

  it('treats a lone price, or none, as neutral', () => {
    const [lone] = rankProducts([product('a', { price: 5 }), product('b')]);
    expect(points(lone, 'price')).toBe(DEFAULT_PRODUCT_WEIGHTS.price * NEUTRAL_FRACTION);
  });

  it('prefers a low MOQ, high sales and repurchase, and a factory seller', () => {
    const good = product('good', { moq: 1, monthSold: 20000, repurchaseRate: 0.6 });
    const bad = product('bad', { moq: 5000, monthSold: 0, repurchaseRate: 0 });
    const [first, second] = rankProducts([bad, good]);
    expect(first?.id).toBe('good');
    expect(first!.score - second!.score).toBeCloseTo(
      DEFAULT_PRODUCT_WEIGHTS.moq + DEFAULT_PRODUCT_WEIGHTS.sales + DEFAULT_PRODUCT_WEIGHTS.repurchase,
      5,
    );
    const factory = product('f', {
      supplier: { id: 'b2b-1', name: 'x', isFactory: true, creditLevel: 'AAAAA' },
    });
    const trader = product('t', { supplier: { id: 'b2b-2', name: 'y', isFactory: false, creditLevel: 'C' } });
    expect(rankProducts([trader, factory]).map((p) => p.id)).toEqual(['f', 't']);
    expect(points(rankProducts([factory])[0], 'supplier')).toBe(DEFAULT_PRODUCT_WEIGHTS.supplier);
  });

  it('gives every missing factor exactly its neutral points', () => {
    const [ranked] = rankProducts([product('empty')]);
    for (const factor of ['price', 'moq', 'sales', 'repurchase', 'supplier'] as const) {
      expect(points(ranked, factor)).toBe(DEFAULT_PRODUCT_WEIGHTS[factor] * NEUTRAL_FRACTION);
    }
    expect(points(ranked, 'organic')).toBe(DEFAULT_PRODUCT_WEIGHTS.organic);
  });

  it('scores relevance against the title and flags off-topic listings', () => {
    const silk = product('silk', { title: '真丝连衣裙 桑蚕丝', price: 300 });
    const toy = product('toy', { title: '儿童泡泡枪玩具', price: 5, monthSold: 9000 });
    const ranked = rankProducts([toy, silk], { keyword: '丝绸 连衣裙' });
    expect(ranked.map((p) => p.id)).toEqual(['silk', 'toy']);
    expect(ranked[1]?.flags.map((f) => f.flag)).toEqual(['offTopic']);
    expect(points(rankProducts([toy])[0], 'relevance')).toBe(
      DEFAULT_PRODUCT_WEIGHTS.relevance * NEUTRAL_FRACTION,
    );
  });

  it('with a quantity, rewards any MOQ up to it and flags one above it', () => {
    const small = product('small', { moq: 50 });
    const big = product('big', { moq: 1000 });
    const ranked = rankProducts([big, small], { quantity: 100 });
    expect(ranked.map((p) => p.id)).toEqual(['small', 'big']);
    expect(points(ranked[0], 'moq')).toBe(DEFAULT_PRODUCT_WEIGHTS.moq);
    expect(ranked[1]?.flags).toEqual([expect.objectContaining({ flag: 'moqAboveQuantity', cap: 40 })]);
    expect(ranked[1]!.score).toBeLessThanOrEqual(40);
    expect(() => rankProducts([small], { quantity: -1 })).toThrow(RangeError);
  });

  it("caps a listing whose seller has credit C and reads the seller's name for trader inference", () => {
    const c = product('c', { supplier: { id: 'b2b-c', name: '汕头玩具厂', creditLevel: 'C' } });
    const [ranked] = rankProducts([c]);
    expect(ranked?.flags.map((f) => f.flag)).toEqual(['creditC']);
    expect(ranked!.score).toBeLessThanOrEqual(30);
    const trader = product('t', { supplier: { id: 'b2b-t', name: '宏达玩具贸易有限公司' } });
    const factory = product('f', { supplier: { id: 'b2b-f', name: '宏达玩具厂' } });
    const order = rankProducts([trader, factory]);
    expect(order.map((p) => p.id)).toEqual(['f', 't']);
    expect(order[1]?.breakdown.find((f) => f.factor === 'supplier')?.value).toBe('贸易 (inferred)');
  });

  it('changes order when the weights change', () => {
    const cheap = product('cheap', { price: 1, monthSold: 0 });
    const popular = product('popular', { price: 50, monthSold: 10000 });
    expect(rankProducts([cheap, popular], { weights: { price: 50 } })[0]?.id).toBe('cheap');
    expect(rankProducts([cheap, popular], { weights: { sales: 50 } })[0]?.id).toBe('popular');
  });

  it('penalises an ad and breaks ties by known fields, then id', () => {
    expect(rankProducts([product('ad', { isAd: true }), product('z')]).map((p) => p.id)).toEqual(['z', 'ad']);
    const ties = rankProducts([product('b'), product('a'), product('c', { repurchaseRate: 0.25 })]);
    expect(ties.map((p) => p.id)).toEqual(['c', 'a', 'b']);
  });

  it('explains every demo product with valid factors that add up to its score', () => {
    for (const ranked of rankProducts(demoDataset().products.map((r) => r.product))) {
      expect(RankedProduct.parse(ranked)).toEqual(ranked);
      const total = ranked.breakdown.reduce((sum, f) => sum + f.points, 0);
      expect(Math.abs(total - ranked.score)).toBeLessThan(0.01);
    }
  });

  it('keeps scores in range and ignores input order (property)', () => {
    const arbitraryProduct = fc.record({
      id: fc.constantFrom('1', '2', '3'),
      price: fc.constantFrom(null, 0, 1.5, 10, 999),
      moq: fc.constantFrom(null, 0, 1, 50, 10_000),
      monthSold: fc.constantFrom(null, 0, 100, 1_000_000),
      repurchaseRate: fc.constantFrom(null, 0, 0.2, 1),
      isAd: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc
          .array(arbitraryProduct, { maxLength: 10 })
          .chain((list) =>
            fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
          ),
        fc.record({ price: fc.nat(40), sales: fc.nat(40), supplier: fc.nat(40) }),
        ([list, permuted], weights) => {
          const ranked = rankProducts(
            list.map((f) => product(f.id, f)),
            { weights },
          );
          expect(
            rankProducts(
              permuted.map((f) => product(f.id, f)),
              { weights },
            ),
          ).toEqual(ranked);
          for (const p of ranked) expect(p.score >= 0 && p.score <= 100).toBe(true);
        },
      ),
    );
  });
});
