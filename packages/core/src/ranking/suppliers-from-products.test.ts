import { describe, expect, it } from 'vitest';
import type { Product } from '../models/product.js';
import { Supplier } from '../models/supplier.js';
import { demoDataset } from '../providers/demo/demo-data.js';
import { aProduct } from './__fixtures__/listings.js';
import { suppliersFromProducts } from './suppliers-from-products.js';

const product = (id: string, fields: Partial<Product> = {}) => aProduct('pandapon', id, fields);

describe('suppliersFromProducts', () => {
  it('groups listings by seller, in order of first appearance, skipping products without one', () => {
    const a = { id: 'b2b-a', name: 'A厂' };
    const b = { id: 'b2b-b', name: 'B厂' };
    const suppliers = suppliersFromProducts([
      product('1', { supplier: b, monthSold: 10, price: 5, priceMax: 8, repurchaseRate: 0.2 }),
      product('2', { supplier: a, monthSold: null, price: 3 }),
      product('3'),
      product('4', { supplier: b, monthSold: 30, price: 2, repurchaseRate: 0.4 }),
      product('5', { supplier: b, title: 'title 1', price: null }),
    ]);
    expect(suppliers.map((s) => s.id)).toEqual(['b2b-b', 'b2b-a']);
    expect(suppliers[0]).toMatchObject({
      provider: 'pandapon',
      name: 'B厂',
      salesCount: 40,
      productsCount: 3,
      priceMin: 2,
      priceMax: 8,
      repurchaseRate: 0.3,
      mainProducts: ['title 1', 'title 4'],
    });
    expect(suppliers[1]).toMatchObject({
      salesCount: null,
      productsCount: 1,
      priceMin: 3,
      priceMax: 3,
      repurchaseRate: null,
    });
    for (const s of suppliers) expect(Supplier.parse(s)).toEqual(s);
  });

  it('keeps the richest description of the seller and its own repurchase rate', () => {
    const [supplier] = suppliersFromProducts([
      product('1', { supplier: { id: 'b2b-c', name: null }, repurchaseRate: 0.1 }),
      product('2', {
        supplier: {
          id: 'b2b-c',
          name: 'C厂',
          isFactory: true,
          creditLevel: 'AAA',
          repurchaseRate: 0.5,
          tags: ['x'],
        },
      }),
    ]);
    expect(supplier).toMatchObject({
      name: 'C厂',
      isFactory: true,
      creditLevel: 'AAA',
      repurchaseRate: 0.5,
      tags: ['x'],
    });
  });

  it('marks a seller as an ad only when all its listings are ads', () => {
    const s = { id: 'b2b-d', name: 'D' };
    expect(suppliersFromProducts([product('1', { supplier: s, isAd: true })])[0]?.isAd).toBe(true);
    expect(
      suppliersFromProducts([product('1', { supplier: s, isAd: true }), product('2', { supplier: s })])[0]
        ?.isAd,
    ).toBe(false);
  });

  it('recovers one supplier per seller of the demo products', () => {
    const products = demoDataset().products.map((r) => r.product);
    const suppliers = suppliersFromProducts(products);
    expect(suppliers).toHaveLength(demoDataset().suppliers.length);
    expect(suppliers.reduce((sum, s) => sum + (s.productsCount ?? 0), 0)).toBe(products.length);
  });
});
