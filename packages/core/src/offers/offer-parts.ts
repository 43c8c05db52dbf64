import type { Offer, OfferSku, PriceTier, SizeCm } from '../models/offer.js';
import { toInteger, toNonNegative } from '../normalize/values.js';

// Pieces every provider's offer parser shares: tolerant tiers, price bounds, sizes and weights. Providers send
// numbers as strings, zeros for "not measured" (TMAPI's `package_info` of all 0), and tiers in any order.

/** A tier as a provider sends it, before tolerant parsing. */
export interface RawTier {
  minQuantity: unknown;
  price: unknown;
  promotionPrice?: unknown;
}

/** A price above zero, else `null`: 1688 has no free goods, so 0 is a placeholder. */
export function positivePrice(value: unknown): number | null {
  const n = toNonNegative(value);
  return n === null || n === 0 ? null : n;
}

/** A measure above zero, else `null` (0 kg or 0 cm means "not measured"). */
export function positiveMeasure(value: unknown): number | null {
  const n = toNonNegative(value);
  return n === null || n === 0 ? null : n;
}

/** Ascending tiers with readable prices; a start quantity of 0 is read as 1; a repeated start keeps its lower price. */
export function toTiers(raw: readonly RawTier[]): PriceTier[] {
  const byStart = new Map<number, PriceTier>();
  for (const tier of raw) {
    const price = positivePrice(tier.price);
    const start = toInteger(tier.minQuantity);
    if (price === null || start === null) continue;
    const minQuantity = Math.max(1, start);
    const promotionPrice = positivePrice(tier.promotionPrice);
    const parsed: PriceTier =
      promotionPrice === null ? { minQuantity, price } : { minQuantity, price, promotionPrice };
    const known = byStart.get(minQuantity);
    if (!known || parsed.price < known.price) byStart.set(minQuantity, parsed);
  }
  return [...byStart.values()].sort((a, b) => a.minQuantity - b.minQuantity);
}

/** The lowest and highest price among tiers, SKUs and any listed price; `null`s when nothing is priced. */
export function priceBounds(
  tiers: readonly PriceTier[],
  skus: readonly OfferSku[],
  ...listed: unknown[]
): Pick<Offer, 'priceMin' | 'priceMax'> {
  const prices = [
    ...tiers.flatMap((t) => [t.price, t.promotionPrice ?? null]),
    ...skus.flatMap((s) => [s.price, s.promotionPrice ?? null]),
  ].filter((p): p is number => p !== null);
  if (prices.length === 0) prices.push(...listed.map(positivePrice).filter((p): p is number => p !== null));
  return prices.length === 0
    ? { priceMin: null, priceMax: null }
    : { priceMin: Math.min(...prices), priceMax: Math.max(...prices) };
}

/** A size when at least one side is measured, else `null`. */
export function toSizeCm(length: unknown, width: unknown, height: unknown): SizeCm | null {
  const size = {
    length: positiveMeasure(length),
    width: positiveMeasure(width),
    height: positiveMeasure(height),
  };
  return size.length === null && size.width === null && size.height === null ? null : size;
}

/** Grams (the official `skuShippingInfoList[].weight`, "Long, 单位g") to kilograms. */
export function gramsToKg(value: unknown): number | null {
  const grams = positiveMeasure(value);
  return grams === null ? null : Math.round(grams) / 1000;
}

/** The sum of the SKUs' stock when every SKU states it, else `null`. */
export function stockOfSkus(skus: readonly OfferSku[]): number | null {
  if (skus.length === 0 || skus.some((s) => s.stock === null)) return null;
  return skus.reduce((sum, s) => sum + s.stock!, 0);
}

/** The value every SKU shares (e.g. one weight for all variants), else `null`. */
export function sharedValue<T>(values: readonly (T | null)[]): T | null {
  const first = values[0] ?? null;
  return first !== null && values.every((v) => v === first) ? first : null;
}

const HAN = /\p{Script=Han}/u;

/** Whether a text contains Chinese characters: a provider's one title is the original when it does. */
export function hasHan(text: string | null): boolean {
  return text !== null && HAN.test(text);
}
