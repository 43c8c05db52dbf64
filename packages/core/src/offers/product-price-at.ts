import * as z from 'zod';
import type { Product } from '../models/product.js';
import { type PriceAt, priceAt } from './price-at.js';

// A search result priced at the buyer's quantity (issue 21): `PRODUCTS` used to show and rank each product on its
// lowest tier price (¥8.75 at 3,060+ pieces) when the buyer orders 500 (¥17.20). Search results carry a tier
// ladder only where the provider's search gives one (TMAPI `quantity_prices`); otherwise the price at the
// quantity is unknown and the answer says so rather than pretending the lowest price applies.

/** "Cheaper at more": ordering the next tier's start quantity costs less in total than the quantity asked. */
export const CheaperTotalAt = z.object({
  quantity: z.number().int().positive(),
  /** CNY, the next tier's unit price × its start quantity. */
  subtotal: z.number().nonnegative(),
});
/** The next tier's start quantity and its lower total: see {@link CheaperTotalAt}. */
export type CheaperTotalAt = z.infer<typeof CheaperTotalAt>;

/**
 * A product priced at the buyer's quantity. `basis: 'tiers'` — priced from the result's tier ladder with core's
 * {@link priceAt} rules; `'lowestPrice'` — the result has no tiers, `unitPrice` is its lowest listed price and
 * `note` says the price at this quantity is unknown; `'none'` — no price at all. CNY throughout.
 */
export const ProductPriceAt = z.object({
  quantity: z.number().positive(),
  basis: z.enum(['tiers', 'lowestPrice', 'none']),
  unitPrice: z.number().nonnegative().nullable(),
  /** `unitPrice × quantity` to the fen; `null` unless priced from tiers. */
  subtotal: z.number().nonnegative().nullable(),
  tierMinQuantity: z.number().nullable(),
  /** Below the minimum order (the product's MOQ, else its first tier's start); `belowMoqReason` says why. */
  belowMoq: z.boolean(),
  belowMoqReason: z.string().optional(),
  nextTier: z.object({ minQuantity: z.number(), unitPrice: z.number() }).optional(),
  cheaperTotalAt: CheaperTotalAt.optional(),
  /** For the buyer, when the price at this quantity is not known. */
  note: z.string().optional(),
});
/** A product priced at the buyer's quantity: see the {@link ProductPriceAt} schema. */
export type ProductPriceAt = z.infer<typeof ProductPriceAt>;

const roundFen = (amount: number) => Math.round(amount * 100) / 100;

/**
 * The next tier's total when it is lower than the total at the quantity asked (610 × ¥12.98 < 500 × ¥17.20):
 * 1688 charges per piece at the tier reached, so ordering a little more can cost less.
 */
export function cheaperTotalAt(price: Pick<PriceAt, 'subtotal' | 'nextTier'>): CheaperTotalAt | undefined {
  const next = price.nextTier;
  if (!next) return undefined;
  const subtotal = roundFen(next.minQuantity * next.unitPrice);
  return subtotal < price.subtotal ? { quantity: next.minQuantity, subtotal } : undefined;
}

/**
 * Prices a search result at `quantity` pieces (a positive finite number; else `RangeError`). With tiers, core's
 * {@link priceAt} rules; without, the lowest listed price with a note saying the price at that quantity is unknown.
 */
export function productPriceAt(product: Product, quantity: number): ProductPriceAt {
  if (!(Number.isFinite(quantity) && quantity > 0))
    throw new RangeError('quantity must be a positive number');
  const tiers = product.priceTiers ?? [];
  const moq = product.moq ?? tiers[0]?.minQuantity ?? null;
  const belowMoq = moq !== null && quantity < moq;
  const moqFields = belowMoq
    ? { belowMoq, belowMoqReason: `${quantity} is below the minimum order of ${moq} pieces (起订量 ${moq})` }
    : { belowMoq };
  if (tiers.length === 0) {
    return {
      quantity,
      basis: product.price === null ? 'none' : 'lowestPrice',
      unitPrice: product.price,
      subtotal: null,
      tierMinQuantity: null,
      ...moqFields,
      note:
        product.price === null
          ? `price at ${quantity} unknown: the provider gave no price`
          : `price at ${quantity} unknown: lowest price shown (this result has no quantity prices)`,
    };
  }
  const priced = priceAt(
    { id: product.id, priceTiers: tiers, moq: product.moq, skus: [], priceMin: product.price },
    quantity,
  );
  const cheaper = belowMoq ? undefined : cheaperTotalAt(priced);
  return {
    quantity,
    basis: 'tiers',
    unitPrice: priced.unitPrice,
    subtotal: priced.subtotal,
    tierMinQuantity: priced.tierMinQuantity,
    ...moqFields,
    ...(priced.nextTier ? { nextTier: priced.nextTier } : {}),
    ...(cheaper ? { cheaperTotalAt: cheaper } : {}),
  };
}
