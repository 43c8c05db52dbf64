import type { Offer, OfferSku, PriceTier } from '../models/offer.js';

// What a buyer pays per piece for an order of `quantity` pieces of one offer, from the offer alone (pure: no
// currency conversion, no freight). 1688 prices an offer one of two ways: by quantity (按数量报价, the tiers
// every variant shares) or by variant (按规格报价, no tiers, a price per SKU).

/**
 * What {@link priceAt} reads of an offer: an {@link Offer}, or anything priced like one (a search result's tier
 * ladder, `skus: []`).
 */
export type PriceableOffer = Pick<Offer, 'id' | 'priceTiers' | 'moq' | 'skus' | 'priceMin'>;

/** Options of {@link priceAt}. */
export interface PriceAtOptions {
  /** Price this variant (its `id` in `offer.skus`). */
  skuId?: string;
}

/** What {@link priceAt} returns: the price per piece and the subtotal for a quantity, in CNY. */
export interface PriceAt {
  /** CNY per piece. */
  unitPrice: number;
  /** `unitPrice × quantity`, rounded to the fen (0.01 CNY). */
  subtotal: number;
  /** The start quantity of the tier that set the price; `null` when the price is a SKU's or the offer's. */
  tierMinQuantity: number | null;
  /** The quantity is below the minimum order (the offer's `moq`, else its first tier's start). */
  belowMoq: boolean;
  /** The next cheaper tier above this quantity, if any. */
  nextTier?: { minQuantity: number; unitPrice: number };
}

/**
 * Why {@link priceAt} could not price an offer: `bad_quantity` (not a positive finite number), `unknown_sku`
 * (no variant with that id), `no_price` (the provider gave none).
 */
export type OfferPriceProblem = 'bad_quantity' | 'unknown_sku' | 'no_price';

/** The offer cannot be priced at that quantity; `message` is written for the buyer. */
export class OfferPriceError extends Error {
  /** Always `OfferPriceError`. */
  override readonly name = 'OfferPriceError';
  /** Which problem it is: `bad_quantity`, `unknown_sku` or `no_price`. */
  readonly problem: OfferPriceProblem;
  constructor(problem: OfferPriceProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

/** A price and its promotion price: the promotion wins when it is lower. */
/**
 * What 1688 charges per piece for one price tier or one variant: its promotion price when that is lower than
 * its price (either may be missing); `null` when it has neither. {@link priceAt} prices with it.
 */
export function effectivePrice(item: {
  price: number | null | undefined;
  promotionPrice?: number | null | undefined;
}): number | null {
  const candidates = [item.price, item.promotionPrice].filter(
    (p): p is number => typeof p === 'number' && p >= 0,
  );
  return candidates.length > 0 ? Math.min(...candidates) : null;
}

const roundFen = (amount: number) => Math.round(amount * 100) / 100;

function findSku(offer: PriceableOffer, skuId: string): OfferSku {
  const sku = offer.skus.find((s) => s.id === skuId);
  if (sku) return sku;
  const known =
    offer.skus.length > 0
      ? ` (this offer has ${offer.skus.length} variants)`
      : ' (this offer has no variants)';
  throw new OfferPriceError('unknown_sku', `offer ${offer.id} has no variant "${skuId}"${known}`);
}

/**
 * The unit price and subtotal of `quantity` pieces of `offer`.
 *
 * - Tiers: a tier applies from its start quantity on. Below the first tier's start the first tier's price is
 *   quoted and `belowMoq` is set (1688 will not sell that few). Should a provider list a later tier dearer than
 *   an earlier one, the cheaper earlier price stands: a larger order never costs more per piece.
 * - When the offer has tiers, they price every variant (按数量报价); `skuId` is still checked to exist.
 * - A SKU's price applies when the offer has no tiers (按规格报价). Without `skuId`, the cheapest variant's price
 *   is quoted, else the offer's `priceMin`.
 * - Promotion prices (per tier or per SKU) win when lower.
 *
 * Throws {@link OfferPriceError}: `bad_quantity` (not a positive finite number), `unknown_sku`, `no_price`.
 */
export function priceAt(offer: PriceableOffer, quantity: number, options: PriceAtOptions = {}): PriceAt {
  if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity <= 0) {
    throw new OfferPriceError(
      'bad_quantity',
      `the quantity must be a positive number, got ${String(quantity)}`,
    );
  }
  const sku = options.skuId === undefined ? undefined : findSku(offer, options.skuId);
  const tiers = [...offer.priceTiers]
    .filter((tier) => effectivePrice(tier) !== null)
    .sort((a, b) => a.minQuantity - b.minQuantity);
  const moq = offer.moq ?? tiers[0]?.minQuantity ?? null;
  const belowMoq = moq !== null && quantity < moq;

  if (tiers.length > 0) {
    let chosen: PriceTier = tiers[0]!;
    let unitPrice = effectivePrice(chosen)!;
    for (const tier of tiers) {
      if (tier.minQuantity > quantity) break;
      const price = effectivePrice(tier)!;
      if (price <= unitPrice) {
        chosen = tier;
        unitPrice = price;
      }
    }
    const next = tiers.find((tier) => tier.minQuantity > quantity && effectivePrice(tier)! < unitPrice);
    return {
      unitPrice,
      subtotal: roundFen(unitPrice * quantity),
      tierMinQuantity: chosen.minQuantity,
      belowMoq,
      ...(next
        ? {
            nextTier: {
              minQuantity: next.minQuantity,
              unitPrice: effectivePrice(next)!,
            },
          }
        : {}),
    };
  }

  const skuPrices = (sku ? [sku] : offer.skus)
    .map((s) => effectivePrice(s))
    .filter((p): p is number => p !== null);
  const unitPrice = skuPrices.length > 0 ? Math.min(...skuPrices) : sku ? null : offer.priceMin;
  if (unitPrice === null || unitPrice === undefined) {
    const what = sku ? `variant "${sku.id}" of offer ${offer.id}` : `offer ${offer.id}`;
    throw new OfferPriceError('no_price', `the provider gave no price for ${what}`);
  }
  return { unitPrice, subtotal: roundFen(unitPrice * quantity), tierMinQuantity: null, belowMoq };
}
