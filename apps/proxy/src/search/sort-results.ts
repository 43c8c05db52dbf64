import {
  CREDIT_LEVELS,
  type CreditLevel,
  type RankedProduct,
  type RankedSupplier,
  type RouteSort,
} from '@yuantou/core';

type Key<T> = (item: T) => number | null | undefined;

const creditRank = (level: CreditLevel | null | undefined) =>
  level ? CREDIT_LEVELS.length - CREDIT_LEVELS.indexOf(level) : null;

/** Sorts by a key (descending unless `ascending`), items without a value last, ties by score. */
function sortBy<T extends { score: number }>(items: T[], key: Key<T>, ascending = false): T[] {
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x == null || y == null) {
      if (x == null && y != null) return 1;
      if (y == null && x != null) return -1;
    } else if (x !== y) {
      return ascending ? x - y : y - x;
    }
    return b.score - a.score;
  });
}

const byScore = <T extends { score: number }>(items: T[]) => [...items].sort((a, b) => b.score - a.score);

// `default` and `newest` have no meaning across providers once lists are merged: they keep our ranking.
export function sortSuppliers(items: RankedSupplier[], sort: RouteSort): RankedSupplier[] {
  switch (sort) {
    case 'price_asc':
      return sortBy(items, (s) => s.priceMin, true);
    case 'price_desc':
      return sortBy(items, (s) => s.priceMax ?? s.priceMin);
    case 'sales':
      return sortBy(items, (s) => s.salesCount);
    case 'repurchase':
      return sortBy(items, (s) => s.repurchaseRate);
    case 'credit':
      return sortBy(items, (s) => creditRank(s.creditLevel));
    default:
      return byScore(items);
  }
}

export function sortProducts(items: RankedProduct[], sort: RouteSort): RankedProduct[] {
  switch (sort) {
    case 'price_asc':
      return sortBy(items, (p) => p.price, true);
    case 'price_desc':
      return sortBy(items, (p) => p.priceMax ?? p.price);
    case 'sales':
      return sortBy(items, (p) => p.monthSold);
    case 'repurchase':
      return sortBy(items, (p) => p.repurchaseRate);
    case 'credit':
      return sortBy(items, (p) => creditRank(p.supplier?.creditLevel));
    default:
      return byScore(items);
  }
}
