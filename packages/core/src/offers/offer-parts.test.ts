import { describe, expect, it } from 'vitest';
import { sku } from './__fixtures__/offer-arbitraries.js';
import {
  gramsToKg,
  hasHan,
  priceBounds,
  sharedValue,
  stockOfSkus,
  toSizeCm,
  toTiers,
} from './offer-parts.js';

describe('offer parts', () => {
  it('sorts tiers, reads strings, drops unpriced ones, reads a 0 start as 1 and keeps the cheaper of a repeat', () => {
    expect(
      toTiers([
        { minQuantity: '100', price: '27.60' },
        { minQuantity: 0, price: 29.89, promotionPrice: '' },
        { minQuantity: '300', price: '0' },
        { minQuantity: 'x', price: 5 },
        { minQuantity: 100, price: 26, promotionPrice: '25.5' },
      ]),
    ).toEqual([
      { minQuantity: 1, price: 29.89 },
      { minQuantity: 100, price: 26, promotionPrice: 25.5 },
    ]);
  });

  it('bounds prices by tiers and SKUs (promotions included), else by listed prices', () => {
    const tiers = toTiers([{ minQuantity: 1, price: 10, promotionPrice: 8 }]);
    expect(priceBounds(tiers, [sku('a', 12)], '99')).toEqual({ priceMin: 8, priceMax: 12 });
    expect(priceBounds([], [], '25.90', '', '29.89')).toEqual({ priceMin: 25.9, priceMax: 29.89 });
    expect(priceBounds([], [sku('a', null)])).toEqual({ priceMin: null, priceMax: null });
  });

  it('converts the official grams to kilograms', () => {
    expect(gramsToKg(620)).toBe(0.62);
    expect(gramsToKg('4')).toBe(0.004);
    expect(gramsToKg(0)).toBeNull();
    expect(gramsToKg(null)).toBeNull();
  });

  it('treats all-zero sizes as unmeasured', () => {
    expect(toSizeCm(0, '0', null)).toBeNull();
    expect(toSizeCm('12', 0, 25)).toEqual({ length: 12, width: null, height: 25 });
  });

  it('sums SKU stock only when every SKU states it, and finds shared values', () => {
    expect(stockOfSkus([sku('a', 1, { stock: 3 }), sku('b', 1, { stock: 4 })])).toBe(7);
    expect(stockOfSkus([sku('a', 1, { stock: 3 }), sku('b', 1)])).toBeNull();
    expect(stockOfSkus([])).toBeNull();
    expect(sharedValue([0.12, 0.12])).toBe(0.12);
    expect(sharedValue([0.12, 0.2])).toBeNull();
    expect(sharedValue([])).toBeNull();
  });

  it('tells Chinese titles from translations', () => {
    expect(hasHan('豹纹睡袍 long')).toBe(true);
    expect(hasHan('Leopard nightgown')).toBe(false);
    expect(hasHan(null)).toBe(false);
  });
});
