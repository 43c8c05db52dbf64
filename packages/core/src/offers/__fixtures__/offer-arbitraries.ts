import fc from 'fast-check';
import type { Offer, OfferSku, PriceTier } from '../../models/offer.js';

/** An offer with every field unknown, for tests to spread what they need over. */
export function bareOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    provider: 'demo',
    id: '612345678901',
    url: 'https://detail.1688.com/offer/612345678901.html',
    title: null,
    titleTranslated: null,
    images: [],
    priceTiers: [],
    priceMin: null,
    priceMax: null,
    moq: null,
    unit: null,
    stock: null,
    skus: [],
    weightKg: null,
    sizeCm: null,
    shipsFrom: { province: null, city: null },
    mixedBatch: null,
    soldCount: null,
    supplier: null,
    sellerOpenId: null,
    ...overrides,
  };
}

export function sku(id: string, price: number | null, extra: Partial<OfferSku> = {}): OfferSku {
  return { id, attributes: [], price, stock: null, imageUrl: null, weightKg: null, ...extra };
}

const price = fc.double({ min: 0, max: 5000, noNaN: true, noDefaultInfinity: true });
const maybePromotion = fc.option(price, { nil: null });

/** Tiers as providers send them: any order, any prices (even a later tier dearer), distinct start quantities. */
export const tiersArbitrary: fc.Arbitrary<PriceTier[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 0, maxLength: 6 })
  .chain((starts) =>
    fc.tuple(
      ...starts.map((minQuantity) =>
        fc.record({ minQuantity: fc.constant(minQuantity), price, promotionPrice: maybePromotion }),
      ),
    ),
  );

export const skusArbitrary: fc.Arbitrary<OfferSku[]> = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^\d{4,8}$/),
      price: fc.option(price, { nil: null }),
      promotionPrice: maybePromotion,
    }),
    { selector: (s) => s.id, maxLength: 5 },
  )
  .map((skus) => skus.map((s) => sku(s.id, s.price, { promotionPrice: s.promotionPrice })));

export const offerArbitrary: fc.Arbitrary<Offer> = fc
  .record({
    priceTiers: tiersArbitrary,
    skus: skusArbitrary,
    moq: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
    priceMin: fc.option(price, { nil: null }),
  })
  .map((fields) => bareOffer(fields));
