import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareOffer, offerArbitrary, sku } from './__fixtures__/offer-arbitraries.js';
import { effectivePrice, OfferPriceError, priceAt } from './price-at.js';

const tiered = bareOffer({
  moq: 2,
  priceTiers: [
    { minQuantity: 2, price: 5 },
    { minQuantity: 100, price: 4.5 },
    { minQuantity: 1000, price: 3.9 },
  ],
  skus: [sku('1001', 5), sku('1002', 5)],
});

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof OfferPriceError) return error.problem;
    throw error;
  }
  return 'no error';
}

describe('priceAt', () => {
  it('applies a tier from its start quantity on', () => {
    expect(priceAt(tiered, 99)).toEqual({
      unitPrice: 5,
      subtotal: 495,
      tierMinQuantity: 2,
      belowMoq: false,
      nextTier: { minQuantity: 100, unitPrice: 4.5 },
    });
    expect(priceAt(tiered, 100)).toMatchObject({ unitPrice: 4.5, subtotal: 450, tierMinQuantity: 100 });
    expect(priceAt(tiered, 5000)).toEqual({
      unitPrice: 3.9,
      subtotal: 19500,
      tierMinQuantity: 1000,
      belowMoq: false,
    });
  });

  it('quotes the first tier below the minimum order and says so', () => {
    expect(priceAt(tiered, 1)).toMatchObject({ unitPrice: 5, belowMoq: true, tierMinQuantity: 2 });
    expect(priceAt(bareOffer({ priceTiers: [{ minQuantity: 50, price: 2 }] }), 10).belowMoq).toBe(true);
  });

  it('prices every variant by the tiers when the offer has them, but still checks the variant exists', () => {
    expect(priceAt(tiered, 100, { skuId: '1002' }).unitPrice).toBe(4.5);
    expect(problemOf(() => priceAt(tiered, 100, { skuId: '9999' }))).toBe('unknown_sku');
  });

  it('names the unknown variant in the message', () => {
    expect(() => priceAt(tiered, 1, { skuId: 'red-XL' })).toThrow(/red-XL/);
  });

  it('uses the variant price when the offer has no tiers, else the cheapest variant', () => {
    const bySku = bareOffer({ moq: 3, skus: [sku('a', 12), sku('b', 9.5), sku('c', null)] });
    expect(priceAt(bySku, 10, { skuId: 'a' })).toEqual({
      unitPrice: 12,
      subtotal: 120,
      tierMinQuantity: null,
      belowMoq: false,
    });
    expect(priceAt(bySku, 10).unitPrice).toBe(9.5);
    expect(priceAt(bySku, 2).belowMoq).toBe(true);
    expect(problemOf(() => priceAt(bySku, 10, { skuId: 'c' }))).toBe('no_price');
  });

  it('lets a lower promotion price win, and ignores a higher one', () => {
    const promo = bareOffer({
      priceTiers: [
        { minQuantity: 1, price: 10, promotionPrice: 8 },
        { minQuantity: 10, price: 9, promotionPrice: 11 },
      ],
    });
    expect(priceAt(promo, 1).unitPrice).toBe(8);
    // The 10-piece tier (9, promotion ignored as dearer) is not cheaper than the promoted 8: 8 stands.
    expect(priceAt(promo, 10)).toMatchObject({ unitPrice: 8, tierMinQuantity: 1 });
    expect(
      priceAt(bareOffer({ skus: [sku('a', 10, { promotionPrice: 7 })] }), 1, { skuId: 'a' }).unitPrice,
    ).toBe(7);
  });

  it('falls back to priceMin, then refuses when nothing is priced', () => {
    expect(priceAt(bareOffer({ priceMin: 3.2 }), 5)).toMatchObject({ unitPrice: 3.2, subtotal: 16 });
    expect(problemOf(() => priceAt(bareOffer(), 5))).toBe('no_price');
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses the quantity %s', (quantity) => {
    expect(problemOf(() => priceAt(tiered, quantity))).toBe('bad_quantity');
  });

  it('rounds the subtotal to the fen', () => {
    expect(priceAt(bareOffer({ priceMin: 0.1 }), 3).subtotal).toBe(0.3);
  });
});

describe('priceAt properties', () => {
  const quantity = fc.integer({ min: 1, max: 200_000 });
  const priceable = (run: () => unknown) => problemOf(run) !== 'no_price';

  it('is never negative and the subtotal is unitPrice × quantity (to the fen)', () => {
    fc.assert(
      fc.property(offerArbitrary, quantity, (offer, q) => {
        fc.pre(priceable(() => priceAt(offer, q)));
        const { unitPrice, subtotal } = priceAt(offer, q);
        expect(unitPrice).toBeGreaterThanOrEqual(0);
        expect(subtotal).toBeGreaterThanOrEqual(0);
        expect(Math.abs(subtotal - unitPrice * q)).toBeLessThanOrEqual(
          0.005 + Number.EPSILON * unitPrice * q,
        );
      }),
    );
  });

  it('never rises as the quantity grows', () => {
    fc.assert(
      fc.property(offerArbitrary, quantity, quantity, (offer, a, b) => {
        fc.pre(priceable(() => priceAt(offer, a)));
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(priceAt(offer, large).unitPrice).toBeLessThanOrEqual(priceAt(offer, small).unitPrice);
      }),
    );
  });

  it('announces a next tier that is cheaper and starts above the quantity, and delivers it there', () => {
    fc.assert(
      fc.property(offerArbitrary, quantity, (offer, q) => {
        fc.pre(priceable(() => priceAt(offer, q)));
        const { unitPrice, nextTier } = priceAt(offer, q);
        if (!nextTier) return;
        expect(nextTier.minQuantity).toBeGreaterThan(q);
        expect(nextTier.unitPrice).toBeLessThan(unitPrice);
        expect(priceAt(offer, nextTier.minQuantity).unitPrice).toBe(nextTier.unitPrice);
      }),
    );
  });
});

describe('effectivePrice', () => {
  it.each([
    [{ price: 5, promotionPrice: 4.2 }, 4.2],
    [{ price: 5, promotionPrice: 6 }, 5],
    [{ price: 5 }, 5],
    [{ price: null, promotionPrice: 3 }, 3],
    [{ price: null, promotionPrice: null }, null],
  ])('%o charges %s per piece', (item, expected) => {
    expect(effectivePrice(item)).toBe(expected);
  });
});
