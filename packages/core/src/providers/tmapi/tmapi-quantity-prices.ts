import type { PriceTier } from '../../models/offer.js';
import { asArray, asRecord, toNonNegative } from '../../normalize/values.js';
import { toTiers } from '../../offers/offer-parts.js';

// TMAPI search items' quantity prices (issue 21): `quantity_prices[{begin_num, end_num, price}]` — "begin_num" with
// the unit in the number in the older, recorded format (`"1000个"`, `"2双"`, `"1件"`, `""`), a bare number in the
// current one (`"100"`). Read into the same `PriceTier`s as offer details, by the same rules (`toTiers`: a tier
// without a price or a start is dropped, a start below 1 is 1, duplicates keep the cheaper price, sorted).

/** The number at the start of a tier bound that carries its unit: `"1000个"` → 1000, `"2双"` → 2, `""` → null. */
export function leadingQuantity(value: unknown): number | null {
  if (typeof value === 'number') return toNonNegative(value);
  const match = /^\s*(\d+(?:\.\d+)?)/.exec(typeof value === 'string' ? value : '');
  return match ? toNonNegative(match[1]) : null;
}

/** A TMAPI search item's `quantity_prices` as price tiers; `[]` when it has none. */
export function tmapiQuantityPrices(raw: unknown): PriceTier[] {
  return toTiers(
    asArray(raw)
      .map(asRecord)
      .map((tier) => ({ minQuantity: leadingQuantity(tier.begin_num), price: tier.price })),
  );
}
