import { describe, expect, it } from 'vitest';
import { Product } from '../../models/product.js';
import { CREDIT_LEVELS, Supplier } from '../../models/supplier.js';
import { DEMO_SEED, demoDataset, generateDemoDataset } from './demo-data.js';
import { createDice, hashText, mulberry32 } from './demo-random.js';

const { suppliers, products } = demoDataset();

describe('demo data set', () => {
  it('is the same on every generation', () => {
    expect(generateDemoDataset()).toEqual(generateDemoDataset());
    expect(generateDemoDataset(DEMO_SEED)).toEqual(demoDataset());
  });

  it('changes with the seed', () => {
    expect(generateDemoDataset(7).suppliers.map((r) => r.supplier.id)).not.toEqual(
      suppliers.map((r) => r.supplier.id),
    );
  });

  it('holds at least 60 suppliers and 200 products', () => {
    expect(suppliers.length).toBeGreaterThanOrEqual(60);
    expect(products.length).toBeGreaterThanOrEqual(200);
  });

  it('validates every item against the Supplier and Product schemas', () => {
    for (const { supplier } of suppliers) expect(Supplier.parse(supplier)).toEqual(supplier);
    for (const { product } of products) expect(Product.parse(product)).toEqual(product);
  });

  it('uses unique member ids of the 1688 form and unique product ids', () => {
    const ids = suppliers.map((r) => r.supplier.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^b2b-22[0-9a-f]{16}$/);
    expect(new Set(products.map((r) => r.product.id)).size).toBe(products.length);
  });

  it('keeps the real members of seed 000 so demo results can merge with TMAPI', () => {
    const jiawan = suppliers.find((r) => r.supplier.id === 'b2b-2208087470531de12c')?.supplier;
    expect(jiawan).toMatchObject({ name: '汕头市澄海区嘉玩玩具厂', creditLevel: 'AA', areaM2: 1000 });
  });

  it('covers every credit level, unknown included, and every factory level', () => {
    const credit = new Set(suppliers.map((r) => r.supplier.creditLevel));
    for (const level of [...CREDIT_LEVELS, null]) expect(credit).toContain(level);
    const factory = new Set(suppliers.map((r) => r.supplier.factoryLevel));
    for (const level of ['金牌制造', '实力工厂', '无牌工厂', null]) expect(factory).toContain(level);
    expect(new Set(suppliers.map((r) => r.supplier.isFactory))).toEqual(new Set([true, false, null]));
  });

  it('has ads, missing values and several provinces', () => {
    expect(suppliers.some((r) => r.supplier.isAd)).toBe(true);
    expect(products.some((r) => r.product.isAd)).toBe(true);
    expect(products.some((r) => r.product.price === null)).toBe(true);
    expect(suppliers.some((r) => r.supplier.repurchaseRate === null)).toBe(true);
    const provinces = new Set(suppliers.map((r) => r.supplier.location.province));
    for (const province of ['广东', '浙江', '江苏', '福建', null]) expect(provinces).toContain(province);
  });

  it('gives every product a supplier from the demo suppliers, described consistently', () => {
    const byId = new Map(suppliers.map((r) => [r.supplier.id, r.supplier]));
    for (const { product } of products) {
      expect(product.provider).toBe('demo');
      const supplier = byId.get(product.supplier?.id ?? '');
      expect(supplier).toBeDefined();
      expect(product.supplier).toMatchObject({ name: supplier?.name, creditLevel: supplier?.creditLevel });
    }
    expect(suppliers.every((r) => r.supplier.provider === 'demo')).toBe(true);
  });

  it('gives each supplier the price range of its products', () => {
    for (const { supplier } of suppliers) {
      const own = products.filter((r) => r.product.supplier?.id === supplier.id).map((r) => r.product);
      const prices = own.flatMap((p) => [p.price, p.priceMax]).filter((n): n is number => n !== null);
      expect(supplier.priceMin).toBe(prices.length ? Math.min(...prices) : null);
      expect(supplier.priceMax).toBe(prices.length ? Math.max(...prices) : null);
    }
  });
});

describe('demo random', () => {
  it('repeats a sequence for a seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    for (const n of first) expect(n).toBeGreaterThanOrEqual(0);
    for (const n of first) expect(n).toBeLessThan(1);
  });

  it('hashes text stably and spreads nearby texts', () => {
    // FNV-1a 32-bit reference values (the offset basis for "", and the published vectors for "a", "foobar"):
    // a fixed value, not the hash compared with itself, so a changed hash (and a reshuffled catalogue) fails here.
    expect(hashText('')).toBe(0x811c9dc5);
    expect(hashText('a')).toBe(0xe40c292c);
    expect(hashText('foobar')).toBe(0xbf9cf968);
    expect(hashText('https://a.example/1.jpg')).not.toBe(hashText('https://a.example/2.jpg'));
  });

  it('keeps int() within its bounds and sample() distinct', () => {
    const dice = createDice(1);
    const ints = Array.from({ length: 200 }, () => dice.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const sample = dice.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    expect(() => dice.pick([])).toThrow(RangeError);
  });
});
