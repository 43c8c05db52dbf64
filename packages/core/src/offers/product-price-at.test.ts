import { describe, expect, it } from 'vitest';
import type { Product } from '../models/product.js';
import { cheaperTotalAt, ProductPriceAt, productPriceAt } from './product-price-at.js';

const product = (fields: Partial<Product>): Product => ({
  provider: 'tmapi',
  id: '1',
  title: '毛绒玩具',
  titleTranslated: null,
  url: null,
  imageUrl: null,
  price: 8.75,
  priceMax: 17.2,
  moq: 2,
  monthSold: null,
  repurchaseRate: null,
  isAd: false,
  supplier: null,
  ...fields,
});

// The example: lowest tier ¥8.75 at 3,060+, the buyer orders 500 at ¥17.20, and 610 × ¥12.98 < 500 × ¥17.20.
const plush = product({
  priceTiers: [
    { minQuantity: 2, price: 17.2 },
    { minQuantity: 610, price: 12.98 },
    { minQuantity: 3060, price: 8.75 },
  ],
});

describe('productPriceAt', () => {
  it('prices at the tier the quantity reaches, not the lowest tier', () => {
    const at500 = productPriceAt(plush, 500);
    expect(ProductPriceAt.parse(at500)).toEqual(at500);
    expect(at500).toEqual({
      quantity: 500,
      basis: 'tiers',
      unitPrice: 17.2,
      subtotal: 8600,
      tierMinQuantity: 2,
      belowMoq: false,
      nextTier: { minQuantity: 610, unitPrice: 12.98 },
      cheaperTotalAt: { quantity: 610, subtotal: 7917.8 },
    });
  });

  it('says "cheaper at more" only when the next tier lowers the total', () => {
    // 100 × 17.20 = 1,720 < 610 × 12.98: ordering more would cost more in total.
    expect(productPriceAt(plush, 100).cheaperTotalAt).toBeUndefined();
    expect(cheaperTotalAt({ subtotal: 100, nextTier: { minQuantity: 20, unitPrice: 5 } })).toBeUndefined();
    expect(cheaperTotalAt({ subtotal: 100.01, nextTier: { minQuantity: 20, unitPrice: 5 } })).toEqual({
      quantity: 20,
      subtotal: 100,
    });
  });

  it('flags a quantity below the minimum order, with its reason', () => {
    const few = productPriceAt(product({ ...plush, moq: 50 }), 10);
    expect(few).toMatchObject({ belowMoq: true, unitPrice: 17.2 });
    expect(few.belowMoqReason).toContain('50');
    expect(few.cheaperTotalAt).toBeUndefined();
  });

  it('says so when the result has no tiers, rather than pretending the lowest price applies', () => {
    expect(productPriceAt(product({}), 500)).toMatchObject({
      basis: 'lowestPrice',
      unitPrice: 8.75,
      subtotal: null,
      note: 'price at 500 unknown: lowest price shown (this result has no quantity prices)',
    });
    expect(productPriceAt(product({ price: null }), 500)).toMatchObject({ basis: 'none', unitPrice: null });
    expect(() => productPriceAt(plush, 0)).toThrow(RangeError);
  });
});
