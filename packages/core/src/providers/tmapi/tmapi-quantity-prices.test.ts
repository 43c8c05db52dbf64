import { describe, expect, it } from 'vitest';
import { productPriceAt } from '../../offers/product-price-at.js';
import current from './__fixtures__/tmapi-items.json' with { type: 'json' };
import legacy from './__fixtures__/tmapi-items-legacy.json' with { type: 'json' };
import { tmapiAdapter } from './tmapi-adapter.js';
import { leadingQuantity, tmapiQuantityPrices } from './tmapi-quantity-prices.js';

// Issue 21: TMAPI search items' `quantity_prices` become the product's `priceTiers`, read like offer details'
// tiers. Both item formats (README "What recorded responses add"; fixtures built from their field lists).

const parse = (body: unknown) =>
  tmapiAdapter.searchProducts.parseResponse({ status: 200, body: JSON.stringify(body) }).items;

describe('tmapiQuantityPrices', () => {
  it('reads begin quantities with their unit (`"1000个"`, `"2双"`) and bare ones', () => {
    expect(leadingQuantity('1000个')).toBe(1000);
    expect(leadingQuantity('2双')).toBe(2);
    expect(leadingQuantity('')).toBeNull();
    expect(
      tmapiQuantityPrices([
        { begin_num: '10000个', end_num: '', price: '0.13' },
        { begin_num: '1000个', end_num: '9999个', price: '0.15' },
      ]),
    ).toEqual([
      { minQuantity: 1000, price: 0.15 },
      { minQuantity: 10000, price: 0.13 },
    ]);
  });

  it('drops a tier without a start or a price, as offer details do', () => {
    expect(
      tmapiQuantityPrices([
        { begin_num: '', price: '3.20' },
        { begin_num: '5件', price: '' },
      ]),
    ).toEqual([]);
    expect(tmapiQuantityPrices(null)).toEqual([]);
    expect(tmapiQuantityPrices('not a list')).toEqual([]);
  });
});

describe('TMAPI search results carry their tiers', () => {
  it('older format: units in the begin quantities', () => {
    const [shoes, cups, boxes, bags] = parse(legacy);
    expect(shoes!.priceTiers).toEqual([
      { minQuantity: 2, price: 22 },
      { minQuantity: 100, price: 20 },
      { minQuantity: 1000, price: 19 },
    ]);
    expect(cups!.priceTiers).toEqual([
      { minQuantity: 1000, price: 0.15 },
      { minQuantity: 10000, price: 0.13 },
    ]);
    expect(boxes!.priceTiers).toEqual([{ minQuantity: 1, price: 12 }]);
    // `begin_num: ""`: no usable tier, so no ladder rather than a made-up start.
    expect(bags!.priceTiers).toBeUndefined();
  });

  it('current format: an empty `quantity_prices` gives no ladder', () => {
    const [tiered, untiered] = parse(current);
    expect(tiered!.priceTiers).toEqual([
      { minQuantity: 2, price: 7.5 },
      { minQuantity: 100, price: 6.8 },
      { minQuantity: 1000, price: 6.2 },
    ]);
    expect(untiered!.priceTiers).toBeUndefined();
  });

  it('prices the cups at 500 pieces as below the 1,000-piece minimum, at 5,000 on the first tier', () => {
    const cups = parse(legacy)[1]!;
    expect(productPriceAt(cups, 500)).toMatchObject({ basis: 'tiers', unitPrice: 0.15, belowMoq: true });
    expect(productPriceAt(cups, 5000)).toMatchObject({ unitPrice: 0.15, subtotal: 750, belowMoq: false });
  });
});
