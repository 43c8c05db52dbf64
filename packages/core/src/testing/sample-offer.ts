import type { Offer } from '../models/offer.js';
import type { ProviderId } from '../models/provider-id.js';

/**
 * A valid `Offer` with 3 price tiers from 10 pieces (5.00, 4.50, 3.90 CNY), shipped from 义乌, for tests of code that
 * shows or prices offers; tests override the fields they look at.
 */
export function sampleOffer(id: string, provider: ProviderId = 'demo', over: Partial<Offer> = {}): Offer {
  return {
    provider,
    id,
    url: `https://detail.1688.com/offer/${id}.html`,
    title: `样品 ${id}`,
    titleTranslated: null,
    images: [],
    priceTiers: [
      { minQuantity: 10, price: 5 },
      { minQuantity: 100, price: 4.5 },
      { minQuantity: 1000, price: 3.9 },
    ],
    priceMin: 3.9,
    priceMax: 5,
    moq: 10,
    unit: '件',
    stock: 1000,
    skus: [],
    weightKg: null,
    sizeCm: null,
    shipsFrom: { province: '浙江', city: '义乌' },
    mixedBatch: null,
    soldCount: null,
    supplier: null,
    sellerOpenId: null,
    ...over,
  };
}
