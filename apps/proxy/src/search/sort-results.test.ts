import { emptySupplier, type RankedSupplier } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { sortSuppliers } from './sort-results.js';

function supplier(id: string, score: number, extra: Partial<RankedSupplier> = {}): RankedSupplier {
  return { ...emptySupplier('demo', id), sources: ['demo'], score, breakdown: [], ...extra };
}

const ids = (items: RankedSupplier[]) => items.map((s) => s.id);

describe('sortSuppliers', () => {
  const items = [
    supplier('a', 50, { priceMin: 3, creditLevel: 'A', salesCount: 10 }),
    supplier('b', 90, { priceMin: null, creditLevel: 'AAA', salesCount: null }),
    supplier('c', 70, { priceMin: 1, creditLevel: null, salesCount: 500 }),
    supplier('d', 60, { priceMin: 3, creditLevel: 'AA', salesCount: 10 }),
  ];

  it('orders by score by default and for sorts that cannot apply to a merged list', () => {
    expect(ids(sortSuppliers(items, 'score'))).toEqual(['b', 'c', 'd', 'a']);
    expect(ids(sortSuppliers(items, 'newest'))).toEqual(['b', 'c', 'd', 'a']);
  });

  it('puts missing values last and breaks ties by score', () => {
    expect(ids(sortSuppliers(items, 'price_asc'))).toEqual(['c', 'd', 'a', 'b']);
    expect(ids(sortSuppliers(items, 'sales'))).toEqual(['c', 'd', 'a', 'b']);
    expect(ids(sortSuppliers(items, 'credit'))).toEqual(['b', 'd', 'a', 'c']);
  });

  it('does not mutate its input', () => {
    const before = ids(items);
    sortSuppliers(items, 'price_desc');
    expect(ids(items)).toEqual(before);
  });
});
