import { toNonNegative } from './values.js';

export interface PriceRange {
  /** The lowest price seen, CNY. */
  min: number | null;
  /** The highest price seen, only when it differs from `min` (a single price is not a range). */
  max: number | null;
}

// 1688 has no free goods: a price of 0 (Onebound's empty `promotion_price`, PandaPon's placeholders) is unknown.
// A dash or tilde between two digits separates a range (`"1.50-3.00"`, `"2~5"`); a leading `-` is a sign.
const RANGE_SEPARATOR = /(?<=\d)\s*[-~～]\s*(?=[\d.¥￥])/;

/** `12.5`, `"12.50"`, `"1.50-3.00"`, `"¥2~5"`, or several of those (tiered prices) → lowest and highest. */
export function priceRange(...values: unknown[]): PriceRange {
  const prices: number[] = [];
  for (const value of values) {
    const parts = typeof value === 'string' ? value.split(RANGE_SEPARATOR) : [value];
    for (const part of parts) {
      const price = toNonNegative(part);
      if (price !== null && price > 0) prices.push(price);
    }
  }
  if (prices.length === 0) return { min: null, max: null };
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  return { min, max: max > min ? max : null };
}
