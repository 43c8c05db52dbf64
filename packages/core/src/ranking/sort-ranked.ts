import type { RouteSort } from '../api/search-params.js';
import { CREDIT_LEVELS } from '../models/credit-levels.js';
import type { Product } from '../models/product.js';
import type { Sort } from '../models/query.js';
import type { CreditLevel, Supplier } from '../models/supplier.js';

// One set of comparators for every sort order a caller can ask for, used by the proxy on merged, ranked
// results and by the demo provider on its catalogue, so "credit" or "price_asc" mean the same everywhere.

/** A comparator as `Array.prototype.sort` takes it: negative when `a` comes first. */
export type Compare<T> = (a: T, b: T) => number;

/** By a numeric key in a direction; items without a value go last whatever the direction. */
const by =
  <T>(value: (item: T) => number | null | undefined, direction: 'asc' | 'desc'): Compare<T> =>
  (a, b) => {
    const x = value(a) ?? null;
    const y = value(b) ?? null;
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return direction === 'asc' ? x - y : y - x;
  };

const then =
  <T>(...compares: Compare<T>[]): Compare<T> =>
  (a, b) => {
    for (const compare of compares) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };

/** Best level first: AAAAA → 0 … C → 6 (ascending). */
const creditRank = (level: CreditLevel | null | undefined) => (level ? CREDIT_LEVELS.indexOf(level) : null);

type SellerFields = Pick<Supplier, 'creditLevel' | 'creditScore'>;
/** Best credit level first, then the higher credit score (Onebound's finer 0–100 figure). */
const byCredit = <T>(seller: (item: T) => Partial<SellerFields> | null | undefined): Compare<T> =>
  then(
    by((item) => creditRank(seller(item)?.creditLevel), 'asc'),
    by((item) => seller(item)?.creditScore, 'desc'),
  );

/**
 * `default` is the caller's order (our ranking, or a provider's). `newest` is the newest shop first (fewest
 * years on 1688, as Onebound's `sort=time` "开店时间从新到旧").
 */
export const SUPPLIER_COMPARATORS: Readonly<Partial<Record<Sort, Compare<Supplier>>>> = {
  price_asc: by((s) => s.priceMin, 'asc'),
  price_desc: by((s) => s.priceMax ?? s.priceMin, 'desc'),
  sales: by((s) => s.salesCount, 'desc'),
  repurchase: by((s) => s.repurchaseRate, 'desc'),
  credit: byCredit((s) => s),
  newest: by((s) => s.yearsOnPlatform, 'asc'),
};

/** Products carry no listing date: `newest` keeps the caller's order. */
export const PRODUCT_COMPARATORS: Readonly<Partial<Record<Sort, Compare<Product>>>> = {
  price_asc: by((p) => p.price, 'asc'),
  price_desc: by((p) => p.priceMax ?? p.price, 'desc'),
  sales: by((p) => p.monthSold, 'desc'),
  repurchase: by((p) => p.repurchaseRate, 'desc'),
  credit: byCredit((p) => p.supplier),
};

const isProduct = (item: Supplier | Product): item is Product => 'title' in item;

/**
 * Ranked items in the order a caller asked for: `score` (or `default`) keeps the ranking; any other sort orders
 * by its key (items without the value last) and keeps the ranking among equals (the sort is stable, and ties
 * also fall back to the higher score).
 */
export function sortRanked<T extends (Supplier | Product) & { score: number }>(
  items: readonly T[],
  sort: RouteSort | Sort,
): T[] {
  const byScore: Compare<T> = (a, b) => b.score - a.score;
  const first = items[0];
  if (first === undefined) return [];
  const compare = (isProduct(first) ? PRODUCT_COMPARATORS : SUPPLIER_COMPARATORS)[sort as Sort] as
    | Compare<T>
    | undefined;
  return [...items].sort(compare ? then(compare, byScore) : byScore);
}
