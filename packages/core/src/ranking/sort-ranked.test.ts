import { describe, expect, it } from 'vitest';
import type { Product } from '../models/product.js';
import type { Supplier } from '../models/supplier.js';
import { aProduct, aSupplier } from './__fixtures__/listings.js';
import { sortRanked } from './sort-ranked.js';

const supplier = (id: string, score: number, fields: Partial<Supplier> = {}) => ({
  ...aSupplier('demo', id, fields),
  score,
});
const product = (id: string, score: number, fields: Partial<Product> = {}) => ({
  ...aProduct('demo', id, fields),
  score,
});
const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('sortRanked', () => {
  const suppliers = [
    supplier('c', 90, { creditLevel: 'C', priceMin: 1, repurchaseRate: 0.1, yearsOnPlatform: 9 }),
    supplier('none', 80),
    supplier('aaaaa', 70, { creditLevel: 'AAAAA', priceMin: 5, repurchaseRate: 0.5, yearsOnPlatform: 1 }),
    supplier('aa-high', 60, { creditLevel: 'AA', creditScore: 95, priceMin: 3, yearsOnPlatform: 4 }),
    supplier('aa-low', 65, { creditLevel: 'AA', creditScore: 70, priceMin: 3 }),
  ];

  it('puts the best credit first (then the higher credit score), unknown last', () => {
    expect(ids(sortRanked(suppliers, 'credit'))).toEqual(['aaaaa', 'aa-high', 'aa-low', 'c', 'none']);
  });

  it('sorts by price, repurchase and newest shop with unknown last and ties by score', () => {
    expect(ids(sortRanked(suppliers, 'price_asc'))).toEqual(['c', 'aa-low', 'aa-high', 'aaaaa', 'none']);
    expect(ids(sortRanked(suppliers, 'repurchase'))).toEqual(['aaaaa', 'c', 'none', 'aa-low', 'aa-high']);
    expect(ids(sortRanked(suppliers, 'newest'))).toEqual(['aaaaa', 'aa-high', 'c', 'none', 'aa-low']);
  });

  it('keeps the score order for score and default, without changing the input', () => {
    const copy = [...suppliers];
    expect(ids(sortRanked(suppliers, 'score'))).toEqual(['c', 'none', 'aaaaa', 'aa-low', 'aa-high']);
    expect(ids(sortRanked(suppliers, 'default'))).toEqual(ids(sortRanked(suppliers, 'score')));
    expect(suppliers).toEqual(copy);
    expect(sortRanked([], 'credit')).toEqual([]);
  });

  it('sorts products by their own fields and their seller’s credit', () => {
    const products = [
      product('p1', 50, { price: 9, monthSold: 10, supplier: { id: 'b2b-1', name: null, creditLevel: 'B' } }),
      product('p2', 40, {
        price: 2,
        monthSold: 500,
        supplier: { id: 'b2b-2', name: null, creditLevel: 'AAA' },
      }),
      product('p3', 30, { price: null, monthSold: null }),
    ];
    expect(ids(sortRanked(products, 'price_asc'))).toEqual(['p2', 'p1', 'p3']);
    expect(ids(sortRanked(products, 'price_desc'))).toEqual(['p1', 'p2', 'p3']);
    expect(ids(sortRanked(products, 'sales'))).toEqual(['p2', 'p1', 'p3']);
    expect(ids(sortRanked(products, 'credit'))).toEqual(['p2', 'p1', 'p3']);
    // Products have no listing date: newest keeps the ranking.
    expect(ids(sortRanked(products, 'newest'))).toEqual(['p1', 'p2', 'p3']);
  });
});
