import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ProductQuery, SupplierQuery } from '../../models/query.js';
import itemSearch from './__fixtures__/onebound-item-search.json' with { type: 'json' };
import sellerSearch from './__fixtures__/onebound-seller-search.json' with { type: 'json' };
import sellerSearchReal from './__fixtures__/onebound-seller-search-real.json' with { type: 'json' };
import { oneboundAdapter } from './onebound-adapter.js';

const ok = (body: unknown) => ({ status: 200, body: JSON.stringify(body) });
const now = new Date(1739514600_000); // 2025-02-14T06:30:00Z

describe('oneboundAdapter.credentials', () => {
  it('needs key and secret; sign and baseUrl are optional', () => {
    expect(oneboundAdapter.credentials.safeParse({ key: 'k' }).success).toBe(false);
    expect(oneboundAdapter.credentials.safeParse({ key: 'k', secret: 's', sign: 'yes' }).success).toBe(false);
    expect(oneboundAdapter.credentials.parse({ key: 'k', secret: 's', sign: true })).toEqual({
      key: 'k',
      secret: 's',
      sign: true,
    });
  });
});

describe('oneboundAdapter.searchSuppliers.buildRequest', () => {
  it('sends key and secret as sorted, Python-encoded query parameters by default', () => {
    const query = SupplierQuery.parse({
      keyword: '丝绸 连衣裙',
      pageSize: 10,
      province: '浙江',
      city: '杭州',
    });
    const request = oneboundAdapter.searchSuppliers.buildRequest(query, { key: 'k1', secret: 's1' }, { now });
    expect(request).toEqual({
      method: 'GET',
      url:
        'https://api-gw.onebound.cn/1688/item_search_seller/?api_name=item_search_seller' +
        '&city=%E6%B5%99%E6%B1%9F+%E6%9D%AD%E5%B7%9E&key=k1&page=1&page_size=10' +
        '&q=%E4%B8%9D%E7%BB%B8+%E8%BF%9E%E8%A1%A3%E8%A3%99&result_type=json&secret=s1&sort=default',
      headers: { accept: 'application/json' },
      ignored: [],
    });
  });

  it('signs like seed 001: sorted urlencode + secret, MD5, upper case; the secret is never sent', () => {
    const query = SupplierQuery.parse({
      keyword: '丝绸 连衣裙*~',
      pageSize: 10,
      province: '浙江',
      city: '杭州',
      sort: 'credit',
      language: 'en',
    });
    const credentials = { key: 'test_key', secret: 'test_secret', sign: true };
    const request = oneboundAdapter.searchSuppliers.buildRequest(query, credentials, { now });
    // Expected text and signature from Python: urllib.parse.urlencode(sorted(params.items())), hashlib.md5.
    const signedQuery =
      'api_name=item_search_seller&city=%E6%B5%99%E6%B1%9F+%E6%9D%AD%E5%B7%9E&key=test_key&lang=en&page=1' +
      '&page_size=10&q=%E4%B8%9D%E7%BB%B8+%E8%BF%9E%E8%A1%A3%E8%A3%99%2A~&result_type=json&sort=credit' +
      '&timestamp=1739514600';
    expect(request.url).toBe(
      `https://api-gw.onebound.cn/1688/item_search_seller/?${signedQuery}&sign=E32948E3B55C20511CA0985F5AAFF630`,
    );
    const [sent, sign] = request.url.split('?')[1]!.split('&sign=') as [string, string];
    expect(sign).toBe(createHash('md5').update(`${sent}test_secret`, 'utf8').digest('hex').toUpperCase());
    expect(request.url).not.toContain('test_secret');
  });

  it.each([
    ['default', 'default', []],
    ['credit', 'credit', []],
    ['sales', 'sale', []],
    ['newest', 'time', []],
    ['price_asc', 'default', ['sort=price_asc']],
  ] as const)('sort %s → %s', (sort, sent, ignored) => {
    const request = oneboundAdapter.searchSuppliers.buildRequest(
      SupplierQuery.parse({ keyword: 'x', sort }),
      {
        key: 'k',
        secret: 's',
      },
    );
    expect(new URL(request.url).searchParams.get('sort')).toBe(sent);
    expect(request.ignored).toEqual(ignored);
  });

  it('clamps page size, uses a custom base URL and reports unsupported filters and languages', () => {
    const query = SupplierQuery.parse({
      keyword: 'x',
      pageSize: 100,
      factoryOnly: true,
      priceMin: 1,
      minOrder: 5,
      city: '义乌',
      language: 'ja',
    });
    const request = oneboundAdapter.searchSuppliers.buildRequest(query, {
      key: 'k',
      secret: 's',
      baseUrl: 'http://localhost:8080/gw/',
    });
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe('http://localhost:8080/gw/1688/item_search_seller/');
    expect(url.searchParams.get('city')).toBe('义乌');
    expect(url.searchParams.get('page_size')).toBe('100');
    expect(url.searchParams.has('lang')).toBe(false);
    expect(request.ignored).toEqual(['priceMin', 'minOrder', 'factoryOnly', 'language']);
  });
});

describe('oneboundAdapter.searchProducts.buildRequest', () => {
  it('sends the price range and mapped sort', () => {
    const query = ProductQuery.parse({
      keyword: '泡泡枪',
      page: 2,
      pageSize: 40,
      sort: 'price_desc',
      priceMin: 1.5,
      priceMax: 20,
      province: '广东',
      language: 'zh',
    });
    const request = oneboundAdapter.searchProducts.buildRequest(query, { key: 'k1', secret: 's1' });
    expect(request.url).toBe(
      'https://api-gw.onebound.cn/1688/item_search/?api_name=item_search&end_price=20&key=k1&lang=cn&page=2' +
        '&page_size=40&q=%E6%B3%A1%E6%B3%A1%E6%9E%AA&result_type=json&secret=s1&sort=_bid&start_price=1.5',
    );
    expect(request.ignored).toEqual(['province']);
  });

  it.each([
    ['default', null],
    ['price_asc', 'bid'],
    ['price_desc', '_bid'],
    ['sales', '_sale'],
  ] as const)('sort %s → %s', (sort, sent) => {
    const request = oneboundAdapter.searchProducts.buildRequest(ProductQuery.parse({ keyword: 'x', sort }), {
      key: 'k',
      secret: 's',
    });
    expect(new URL(request.url).searchParams.get('sort')).toBe(sent);
  });
});

const silkShop = {
  provider: 'onebound',
  id: 'b2b-2200733087881719de',
  name: '杭州某某丝绸服饰有限公司',
  nick: '杭州丝绸源头厂家',
  url: 'https://shop12345678.1688.com/',
  isAd: false,
  isFactory: true,
  isSuperFactory: null,
  creditLevel: 'AAA',
  // Seed 001: "credit_score": 98, "transaction_level": "lv.5", "is_enterprise": true.
  creditScore: 98,
  tradeLevel: 5,
  isEnterprise: true,
  invoiceAvailable: null,
  factoryLevel: null,
  areaM2: null,
  yearsOnPlatform: 12,
  repurchaseRate: null,
  responseRate: null,
  returnRate: 0.015,
  location: { province: '浙江', city: '杭州' },
  tags: ['lv.5', '1小时内', '24小时发货'],
  mainProducts: ['真丝连衣裙', '丝绸围巾', '真丝睡衣'],
  salesCount: 15680,
  productsCount: 328,
  priceMin: null,
  priceMax: null,
};
const linenShop = {
  ...silkShop,
  id: 'b2b-2200733087881720de',
  name: '苏州某某纺织品有限公司',
  nick: '苏州棉麻批发基地',
  url: 'https://shop87654321.1688.com/',
  isFactory: false,
  creditLevel: 'AA',
  creditScore: 88,
  tradeLevel: 3,
  yearsOnPlatform: 5,
  returnRate: null,
  location: { province: '江苏', city: '苏州' },
  tags: ['lv.3', '2小时内'],
  mainProducts: ['棉麻面料', '棉麻服装', '家居布艺'],
  salesCount: 8920,
  productsCount: 156,
};

describe('oneboundAdapter.searchSuppliers.parseResponse', () => {
  it('normalises the seed 001 example', () => {
    expect(oneboundAdapter.searchSuppliers.parseResponse(ok(sellerSearch))).toEqual({
      page: 1,
      pageSize: 20,
      total: 1560,
      hasNext: true,
      items: [silkShop, linenShop],
    });
  });

  it('reads the real envelope (error_code 0000), member_id and area', () => {
    expect(oneboundAdapter.searchSuppliers.parseResponse(ok(sellerSearchReal))).toEqual({
      page: 2,
      pageSize: 20,
      total: 40,
      hasNext: false,
      items: [silkShop, linenShop],
      quota: { used: 12, limit: 10000, resetsAt: null },
    });
  });
});

describe('oneboundAdapter.searchProducts.parseResponse', () => {
  it('normalises products with their seller', () => {
    expect(oneboundAdapter.searchProducts.parseResponse(ok(itemSearch))).toEqual({
      page: 1,
      pageSize: 40,
      total: 2,
      hasNext: false,
      quota: { used: 13, limit: 10000, resetsAt: null },
      items: [
        {
          provider: 'onebound',
          id: '710235847123',
          title: '真丝连衣裙2025新款夏季桑蚕丝',
          titleTranslated: null,
          url: 'https://detail.1688.com/offer/710235847123.html',
          imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01silk.jpg',
          price: 239,
          priceMax: 268,
          moq: null,
          monthSold: 1203,
          repurchaseRate: null,
          isAd: false,
          supplier: {
            provider: 'onebound',
            id: 'b2b-2200733087881719de',
            name: null,
            nick: '杭州丝绸源头厂家',
            url: null,
            isFactory: null,
            creditLevel: null,
            location: { province: '浙江', city: '杭州' },
          },
        },
        {
          provider: 'onebound',
          id: '623311004888',
          title: '棉麻连衣裙',
          titleTranslated: null,
          url: 'https://detail.1688.com/offer/623311004888.html',
          imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01linen.jpg',
          price: 59,
          priceMax: 79,
          moq: null,
          monthSold: null,
          repurchaseRate: null,
          isAd: false,
          supplier: {
            provider: 'onebound',
            id: 'b2b-2200733087881720de',
            name: '苏州某某纺织品有限公司',
            nick: '苏州棉麻批发基地',
            url: 'https://shop87654321.1688.com/',
            isFactory: false,
            creditLevel: 'AA',
            location: { province: '江苏', city: '苏州' },
          },
        },
      ],
    });
  });
});
