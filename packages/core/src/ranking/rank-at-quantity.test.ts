import { describe, expect, it } from 'vitest';
import { aProduct } from './__fixtures__/listings.js';
import { rankProducts } from './rank-products.js';

// Issue 21: with the buyer's quantity, the price factor compares what that quantity costs per piece.

const ladder = aProduct('tmapi', 'ladder', {
  price: 8.75,
  moq: 2,
  priceTiers: [
    { minQuantity: 2, price: 17.2 },
    { minQuantity: 610, price: 12.98 },
    { minQuantity: 3060, price: 8.75 },
  ],
});
const flat = aProduct('tmapi', 'flat', {
  price: 12,
  moq: 2,
  priceTiers: [{ minQuantity: 2, price: 12 }],
});

const pricePoints = (ranked: ReturnType<typeof rankProducts>, id: string) =>
  ranked.find((p) => p.id === id)!.breakdown.find((f) => f.factor === 'price')!;

describe('rankProducts at a quantity', () => {
  it('ranks on the lowest tier without a quantity', () => {
    const ranked = rankProducts([ladder, flat]);
    expect(pricePoints(ranked, 'ladder').points).toBeGreaterThan(pricePoints(ranked, 'flat').points);
  });

  it('ranks on the unit price at 500 pieces, and says so', () => {
    const ranked = rankProducts([ladder, flat], { quantity: 500 });
    const ladderPrice = pricePoints(ranked, 'ladder');
    expect(ladderPrice.value).toBe(17.2);
    expect(ladderPrice.note).toBe('at 500 pieces (tier from 2)');
    expect(ladderPrice.points).toBeLessThan(pricePoints(ranked, 'flat').points);
    // At 5,000 pieces the ladder's lowest tier applies and it is the cheaper again.
    const bulk = rankProducts([ladder, flat], { quantity: 5000 });
    expect(pricePoints(bulk, 'ladder').points).toBeGreaterThan(pricePoints(bulk, 'flat').points);
  });

  it('compares a result without tiers on its lowest price, with a note', () => {
    const untiered = aProduct('onebound', 'untiered', { price: 10, moq: 1 });
    const ranked = rankProducts([ladder, untiered], { quantity: 500 });
    expect(pricePoints(ranked, 'untiered')).toMatchObject({
      value: 10,
      note: 'lowest price: no quantity prices for 500',
    });
  });

  it('reads the first tier as the minimum order when the result gives no MOQ, as its price at quantity does', () => {
    const noMoq = aProduct('tmapi', 'no-moq', {
      moq: null,
      priceTiers: [{ minQuantity: 1000, price: 0.15 }],
    });
    const [ranked] = rankProducts([noMoq], { quantity: 500 });
    expect(ranked!.flags.map((f) => f.flag)).toContain('moqAboveQuantity');
    expect(ranked!.breakdown.find((f) => f.factor === 'moq')!.value).toBe(1000);
  });
});
