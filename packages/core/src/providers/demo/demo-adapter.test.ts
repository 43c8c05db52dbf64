import { describe, expect, it } from 'vitest';
import type { Page } from '../../models/page.js';
import type { Product } from '../../models/product.js';
import { ProviderError } from '../../models/provider-error.js';
import {
  ImageQuery,
  type ImageQueryInput,
  ProductQuery,
  type ProductQueryInput,
  SupplierQuery,
  type SupplierQueryInput,
} from '../../models/query.js';
import type { Supplier } from '../../models/supplier.js';
import { demoAdapter } from './demo-adapter.js';
import { demoDataset } from './demo-data.js';

const suppliers = (input: SupplierQueryInput): Page<Supplier> => {
  const op = demoAdapter.searchSuppliers;
  return op.parseResponse(demoAdapter.respond(op.buildRequest(SupplierQuery.parse(input), {})));
};
const products = (input: ProductQueryInput): Page<Product> => {
  const op = demoAdapter.searchProducts;
  return op.parseResponse(demoAdapter.respond(op.buildRequest(ProductQuery.parse(input), {})));
};
const byImage = (input: ImageQueryInput): Page<Product> => {
  const op = demoAdapter.searchProductsByImage;
  return op.parseResponse(demoAdapter.respond(op.buildRequest(ImageQuery.parse(input), {})));
};

/** Every item of a search, page by page, checking the paging metadata on the way. */
function allPages<T>(search: (page: number) => Page<T>): T[] {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = search(page);
    items.push(...result.items);
    expect(result.hasNext).toBe(page * result.pageSize < (result.total ?? 0));
    if (!result.hasNext) return items;
    expect(page).toBeLessThan(100);
  }
}

describe('demoAdapter requests', () => {
  it('encodes the whole query in a demo:// URL, with no headers and nothing ignored', () => {
    const query = SupplierQuery.parse({
      keyword: '玩具厂',
      page: 2,
      pageSize: 5,
      factoryOnly: true,
      city: '汕头',
    });
    expect(demoAdapter.searchSuppliers.buildRequest(query, {})).toEqual({
      method: 'GET',
      url: 'demo://suppliers?city=%E6%B1%95%E5%A4%B4&factoryOnly=true&keyword=%E7%8E%A9%E5%85%B7%E5%8E%82&page=2&pageSize=5&sort=default',
      headers: {},
      ignored: [],
    });
  });

  it('reports what it cannot honour', () => {
    // The catalogue is bundled in Chinese and English only.
    const query = ProductQuery.parse({ keyword: 'T恤', sort: 'newest', language: 'ru' });
    expect(demoAdapter.searchProducts.buildRequest(query, {}).ignored).toEqual(['language', 'sort=newest']);
  });

  it('needs no credentials', () => {
    expect(demoAdapter.credentials.parse({})).toEqual({});
    expect(Object.keys((demoAdapter.credentials as unknown as { shape: object }).shape)).toEqual([]);
  });
});

describe('demoAdapter respond → parseResponse', () => {
  it('answers the same page twice', () => {
    expect(suppliers({ keyword: '丝绸' })).toEqual(suppliers({ keyword: '丝绸' }));
    expect(byImage({ imageUrl: 'https://cbu01.alicdn.com/a.jpg' })).toEqual(
      byImage({ imageUrl: 'https://cbu01.alicdn.com/a.jpg' }),
    );
  });

  it('finds toy factories for 玩具厂, factories first', () => {
    const page = suppliers({ keyword: '玩具厂', pageSize: 100 });
    expect(page.total).toBeGreaterThanOrEqual(10);
    for (const s of page.items) expect(`${s.name}${s.mainProducts.join('')}`).toContain('玩具');
    expect(page.items[0]?.name).toContain('玩具厂');
    expect(page.items[0]?.isFactory).toBe(true);
  });

  it.each(['T恤', '丝绸', '连衣裙', '手机壳', '包装盒'])('finds suppliers and products for %s', (keyword) => {
    expect(suppliers({ keyword }).items.length).toBeGreaterThan(0);
    expect(products({ keyword }).items.length).toBeGreaterThan(0);
  });

  it('returns an empty last page for a keyword it has no data for', () => {
    expect(suppliers({ keyword: '挖掘机' })).toEqual({
      items: [],
      page: 1,
      pageSize: 20,
      total: 0,
      hasNext: false,
    });
    expect(products({ keyword: '挖掘机' }).items).toEqual([]);
  });

  it('pages without duplicates, with a total that agrees with every page', () => {
    const whole = suppliers({ keyword: '玩具', pageSize: 100 });
    const paged = allPages((page) => suppliers({ keyword: '玩具', pageSize: 3, page }));
    expect(paged).toEqual(whole.items);
    expect(new Set(paged.map((s) => s.id)).size).toBe(whole.total);
    const productIds = allPages((page) => products({ keyword: 'T恤', pageSize: 7, page })).map((p) => p.id);
    expect(new Set(productIds).size).toBe(productIds.length);
    expect(productIds.length).toBe(products({ keyword: 'T恤' }).total);
  });

  it('applies factoryOnly, city and province', () => {
    const factories = suppliers({ keyword: '玩具', factoryOnly: true, pageSize: 100 });
    expect(factories.items.length).toBeGreaterThan(0);
    expect(factories.items.every((s) => s.isFactory === true)).toBe(true);
    expect(factories.total).toBeLessThan(suppliers({ keyword: '玩具' }).total ?? 0);
    const shantou = suppliers({ keyword: '玩具', city: '汕头市', pageSize: 100 }).items;
    expect(shantou.map((s) => s.location.city)).toEqual(shantou.map(() => '汕头'));
    const zhejiang = products({ keyword: '丝绸', province: '浙江省', pageSize: 100 }).items;
    expect(zhejiang.length).toBeGreaterThan(0);
    expect(zhejiang.every((p) => p.supplier?.location?.province === '浙江')).toBe(true);
  });

  it('applies the price range and MOQ, dropping items whose value is unknown', () => {
    const cheap = products({ keyword: '手机壳', priceMin: 2, priceMax: 10, pageSize: 100 }).items;
    expect(cheap.length).toBeGreaterThan(0);
    for (const p of cheap)
      expect(p.price !== null && p.price <= 10 && (p.priceMax ?? p.price) >= 2).toBe(true);
    const small = products({ keyword: 'T恤', minOrder: 10, pageSize: 100 }).items;
    expect(small.length).toBeGreaterThan(0);
    for (const p of small) expect(p.moq !== null && p.moq <= 10).toBe(true);
    const smallSellers = suppliers({ keyword: '包装盒', minOrder: 100, pageSize: 100 }).total;
    expect(smallSellers).toBeLessThan(suppliers({ keyword: '包装盒' }).total ?? 0);
  });

  it('sorts by price and by credit, unknowns last', () => {
    const prices = products({ keyword: '连衣裙', sort: 'price_asc', pageSize: 100 }).items.map(
      (p) => p.price,
    );
    const known = prices.filter((p): p is number => p !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(prices.slice(known.length).every((p) => p === null)).toBe(true);
    const levels = suppliers({ keyword: 'T恤', sort: 'credit', pageSize: 100 }).items.map(
      (s) => s.creditLevel,
    );
    expect(levels[0]).not.toBeNull();
    expect(levels.at(-1) === null || levels.every((l) => l !== null)).toBe(true);
  });

  it('finds products by image deterministically, from the URL or the base64', () => {
    const a = byImage({ imageUrl: 'https://cbu01.alicdn.com/a.jpg', pageSize: 5 });
    expect(a.items.length).toBe(5);
    expect(a.total).toBeGreaterThan(5);
    const base64 = byImage({ imageBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB' });
    expect(base64.items.length).toBeGreaterThan(0);
    const other = byImage({ imageUrl: 'https://cbu01.alicdn.com/other-picture.jpg', pageSize: 5 });
    expect(other.items.map((p) => p.id)).not.toEqual(a.items.map((p) => p.id));
  });

  it('answers an invalid query with a bad_request ProviderError', () => {
    const response = demoAdapter.respond({
      method: 'GET',
      url: 'demo://suppliers?page=1',
      headers: {},
    });
    expect(response.status).toBe(400);
    const error = (() => {
      try {
        demoAdapter.searchSuppliers.parseResponse(response);
      } catch (e) {
        return e;
      }
    })();
    expect(ProviderError.isInstance(error) && error.kind).toBe('bad_request');
  });

  it('answers an unknown operation with not_found, and a broken body with invalid_response', () => {
    const unknown = demoAdapter.respond({
      method: 'GET',
      url: 'demo://shops?keyword=x',
      headers: {},
    });
    expect(() => demoAdapter.searchProducts.parseResponse(unknown)).toThrow(
      expect.objectContaining({ kind: 'not_found' }),
    );
    const broken = { status: 200, body: JSON.stringify({ code: 'ok', data: { items: [{}] } }) };
    expect(() => demoAdapter.searchProducts.parseResponse(broken)).toThrow(
      expect.objectContaining({ kind: 'invalid_response' }),
    );
  });

  it('serves every product of the data set from some search', () => {
    const seen = new Set<string>();
    for (const keyword of [
      '玩具',
      'T恤',
      '丝绸',
      '连衣裙',
      '手机壳',
      '包装盒',
      '家居',
      '厨房',
      '箱包',
      '宠物',
    ]) {
      for (const p of allPages((page) => products({ keyword, page, pageSize: 100 }))) seen.add(p.id);
    }
    expect(seen.size).toBe(demoDataset().products.length);
  });
});
