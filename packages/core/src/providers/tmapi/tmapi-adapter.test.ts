import { describe, expect, it } from 'vitest';
import { ImageQuery, ProductQuery, SupplierQuery } from '../../models/query.js';
import factories from './__fixtures__/tmapi-factories.json' with { type: 'json' };
import items from './__fixtures__/tmapi-items.json' with { type: 'json' };
import { tmapiAdapter } from './tmapi-adapter.js';

const credentials = { apiToken: 'xxxxxx' };
const ok = (body: unknown) => ({ status: 200, body: JSON.stringify(body) });

const cardUrl = (memberId: string) =>
  `https://sale.1688.com/factory/card.html?memberId=${memberId}&aHdkaW5n_isCentral=true&aHdkaW5n_isGrayed=false&aHdkaW5n_isUseGray=true`;

describe('tmapiAdapter.credentials', () => {
  it('needs a non-empty apiToken and accepts an optional base URL', () => {
    expect(tmapiAdapter.credentials.safeParse({ apiToken: '' }).success).toBe(false);
    expect(tmapiAdapter.credentials.safeParse({ apiToken: 't', baseUrl: 'not a url' }).success).toBe(false);
    expect(tmapiAdapter.credentials.parse({ apiToken: 't', baseUrl: 'http://api.tmapi.top' })).toEqual({
      apiToken: 't',
      baseUrl: 'http://api.tmapi.top',
    });
  });
});

describe('tmapiAdapter.searchSuppliers.buildRequest', () => {
  it('takes the documented ctx argument, which changes nothing (TMAPI requests are not signed)', () => {
    const query = SupplierQuery.parse({ keyword: '玩具厂' });
    const ctx = { now: new Date('2026-01-01T00:00:00Z'), nonce: 'n' };
    const search = tmapiAdapter.searchSuppliers.buildRequest;
    expect(search(query, credentials, ctx)).toEqual(search(query, credentials));
  });

  it('builds the request of seed 000 example', () => {
    const request = tmapiAdapter.searchSuppliers.buildRequest(
      SupplierQuery.parse({ keyword: '玩具厂' }),
      credentials,
    );
    expect(request).toEqual({
      method: 'GET',
      url: 'https://api.tmapi.io/1688/search/factories?apiToken=xxxxxx&page=1&page_size=20&keywords=%E7%8E%A9%E5%85%B7%E5%8E%82&sort=default',
      headers: { accept: 'application/json' },
      ignored: [],
    });
  });

  it('maps repurchase sort, clamps the page size and reports what it cannot filter on', () => {
    const query = SupplierQuery.parse({
      keyword: 'toy factory',
      page: 3,
      pageSize: 50,
      sort: 'repurchase',
      factoryOnly: true,
      province: '广东',
      priceMax: 9,
    });
    const request = tmapiAdapter.searchSuppliers.buildRequest(query, {
      ...credentials,
      baseUrl: 'http://api.tmapi.top/',
    });
    expect(request.url).toBe(
      'http://api.tmapi.top/1688/search/factories?apiToken=xxxxxx&page=3&page_size=20&keywords=toy+factory&sort=repurchase_rate',
    );
    expect(request.ignored).toEqual(['priceMax', 'province']);
  });

  it('reports sorts the factory search does not have', () => {
    const request = tmapiAdapter.searchSuppliers.buildRequest(
      SupplierQuery.parse({ keyword: 'x', sort: 'credit' }),
      credentials,
    );
    expect(new URL(request.url).searchParams.get('sort')).toBe('default');
    expect(request.ignored).toEqual(['sort=credit']);
  });
});

describe('tmapiAdapter.searchProducts.buildRequest', () => {
  it('sends keyword, price range, moq and the mapped sort', () => {
    const query = ProductQuery.parse({
      keyword: '泡泡枪',
      page: 2,
      pageSize: 40,
      sort: 'price_asc',
      priceMin: 1.5,
      priceMax: 20,
      minOrder: 100,
      city: '汕头',
    });
    const request = tmapiAdapter.searchProducts.buildRequest(query, credentials);
    expect(request.method).toBe('GET');
    expect(request.url).toBe(
      'https://api.tmapi.io/1688/search/items?apiToken=xxxxxx&keyword=%E6%B3%A1%E6%B3%A1%E6%9E%AA&page=2&page_size=20&sort=price_up&price_start=1.5&price_end=20&moq=100',
    );
    expect(request.ignored).toEqual(['city']);
  });

  it.each([
    ['default', 'default'],
    ['sales', 'sales'],
    ['price_asc', 'price_up'],
    ['price_desc', 'price_down'],
    ['credit', 'default'],
  ] as const)('sort %s → %s', (sort, sent) => {
    const request = tmapiAdapter.searchProducts.buildRequest(
      ProductQuery.parse({ keyword: 'x', sort }),
      credentials,
    );
    expect(new URL(request.url).searchParams.get('sort')).toBe(sent);
  });
});

describe('tmapiAdapter.searchProductsByImage.buildRequest', () => {
  it('sends the image URL', () => {
    const query = ImageQuery.parse({ imageUrl: 'https://cbu01.alicdn.com/img/a b.jpg', pageSize: 10 });
    const request = tmapiAdapter.searchProductsByImage.buildRequest(query, credentials);
    expect(request.url).toBe(
      'https://api.tmapi.io/1688/search/image?apiToken=xxxxxx&img_url=https%3A%2F%2Fcbu01.alicdn.com%2Fimg%2Fa+b.jpg&page=1&page_size=10&sort=default',
    );
  });

  it('sends sort, price_start and price_end instead of reporting them ignored', () => {
    const query = ImageQuery.parse({
      imageUrl: 'https://cbu01.alicdn.com/img/a.jpg',
      sort: 'price_desc',
      priceMin: 5,
      priceMax: 30,
    });
    const request = tmapiAdapter.searchProductsByImage.buildRequest(query, credentials);
    const sent = new URL(request.url).searchParams;
    expect([sent.get('sort'), sent.get('price_start'), sent.get('price_end')]).toEqual([
      'price_down',
      '5',
      '30',
    ]);
    expect(request.ignored).toEqual([]);
    const bySales = ImageQuery.parse({ imageUrl: 'https://cbu01.alicdn.com/img/a.jpg', sort: 'credit' });
    expect(tmapiAdapter.searchProductsByImage.buildRequest(bySales, credentials).ignored).toEqual([
      'sort=credit',
    ]);
  });

  it('refuses base64 images without revealing the token', () => {
    const query = ImageQuery.parse({ imageBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB' });
    expect(() =>
      tmapiAdapter.searchProductsByImage.buildRequest(query, { apiToken: 'SECRET-TOKEN' }),
    ).toThrow(
      expect.objectContaining({ kind: 'bad_request', message: expect.not.stringContaining('SECRET-TOKEN') }),
    );
  });
});

describe('tmapiAdapter.searchSuppliers.parseResponse (seed 000)', () => {
  it('normalises every factory of the seed', () => {
    const page = tmapiAdapter.searchSuppliers.parseResponse(ok(factories));
    expect(page).toEqual({
      page: 2,
      pageSize: 3,
      total: 2000,
      hasNext: true,
      items: [
        {
          provider: 'tmapi',
          id: 'b2b-2208087470531de12c',
          name: '汕头市澄海区嘉玩玩具厂',
          nick: '嘉玩玩具厂',
          url: cardUrl('b2b-2208087470531de12c'),
          isAd: true,
          isFactory: true,
          isSuperFactory: false,
          creditLevel: 'AA',
          factoryLevel: null,
          areaM2: 1000,
          yearsOnPlatform: 4,
          repurchaseRate: 0.3,
          creditScore: null,
          tradeLevel: null,
          isEnterprise: null,
          invoiceAvailable: false,
          responseRate: 0.44,
          returnRate: null,
          location: { province: '广东', city: '汕头' },
          tags: ['AA诚信等级', '塑料/塑胶', '注塑', '清加工', '汕头玩具'],
          mainProducts: ['泡泡玩具', '玩具枪'],
          salesCount: null,
          productsCount: null,
          priceMin: null,
          priceMax: null,
        },
        {
          provider: 'tmapi',
          id: 'b2b-22092767183650cbd8',
          name: '汕头市澄海区精精玩具厂',
          nick: '精精玩具168',
          url: cardUrl('b2b-22092767183650cbd8'),
          isAd: false,
          isFactory: true,
          isSuperFactory: false,
          creditLevel: 'AAA',
          factoryLevel: '无牌工厂',
          areaM2: 3000,
          yearsOnPlatform: 3,
          repurchaseRate: 0.42,
          creditScore: null,
          tradeLevel: null,
          isEnterprise: null,
          invoiceAvailable: true,
          responseRate: 0.66,
          returnRate: null,
          location: { province: '广东', city: '汕头' },
          tags: ['AAA诚信等级', 'CCC认证', 'abs', '清加工', '世界玩具之都'],
          mainProducts: ['积木类', '玩具枪', '惯性回力玩具'],
          salesCount: null,
          productsCount: null,
          priceMin: null,
          priceMax: null,
        },
        {
          provider: 'tmapi',
          id: 'b2b-22118516378099ae41',
          name: '汕头市梦高玩具实业有限公司',
          nick: '梦高玩具',
          url: cardUrl('b2b-22118516378099ae41'),
          isAd: false,
          isFactory: true,
          isSuperFactory: true,
          creditLevel: null,
          factoryLevel: '金牌制造',
          areaM2: 12000,
          yearsOnPlatform: 3,
          repurchaseRate: 0.51,
          creditScore: null,
          tradeLevel: null,
          isEnterprise: null,
          invoiceAvailable: true,
          responseRate: 0.87,
          returnRate: null,
          location: { province: '广东', city: '汕头' },
          tags: ['厂长在线', '深度验厂', '响应及时', '支持外贸订单', 'abs', '包工包料', '世界玩具之都'],
          mainProducts: ['积木类', '大颗粒积木', '玩具枪'],
          salesCount: null,
          productsCount: null,
          priceMin: null,
          priceMax: null,
        },
      ],
    });
  });

  it('reads the seed as printed, with a bare NULL', () => {
    const printed = JSON.stringify(factories).replace('"factory_level":null', '"factory_level": NULL');
    expect(printed).toContain('NULL');
    const page = tmapiAdapter.searchSuppliers.parseResponse({ status: 200, body: printed });
    expect(page.items.map((s) => s.factoryLevel)).toEqual([null, '无牌工厂', '金牌制造']);
  });
});

describe('tmapiAdapter.searchProducts.parseResponse', () => {
  it('normalises items, tiered prices and shop_info', () => {
    const page = tmapiAdapter.searchProducts.parseResponse(ok(items));
    expect(page).toEqual({
      page: 1,
      pageSize: 2,
      total: null,
      hasNext: true,
      items: [
        {
          provider: 'tmapi',
          id: '717236520914',
          title: '儿童泡泡枪玩具 全自动电动泡泡机',
          titleTranslated: null,
          url: 'https://detail.1688.com/offer/717236520914.html',
          imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01abc.jpg',
          price: 6.2,
          priceMax: 7.5,
          moq: 2,
          // sale_quantity_int counts everything sold, not 30 days; the rate is a percentage ("28.00").
          monthSold: null,
          totalSold: 12345,
          repurchaseRate: 0.28,
          isAd: true,
          supplier: {
            provider: 'tmapi',
            id: 'b2b-2208087470531de12c',
            name: '汕头市澄海区嘉玩玩具厂',
            nick: null,
            url: 'https://shop1a2b3c.1688.com/',
            isFactory: true,
            isSuperFactory: false,
            creditLevel: 'AA',
            yearsOnPlatform: 4,
            location: { province: '广东', city: '汕头' },
            tags: ['AA诚信等级', '48小时发货'],
          },
          priceTiers: [
            { minQuantity: 2, price: 7.5 },
            { minQuantity: 100, price: 6.8 },
            { minQuantity: 1000, price: 6.2 },
          ],
        },
        {
          provider: 'tmapi',
          id: '623311004521',
          title: '积木玩具枪 拼装',
          titleTranslated: null,
          url: 'https://detail.1688.com/offer/623311004521.html',
          imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01def.jpg',
          price: 12,
          priceMax: null,
          moq: 10,
          monthSold: null,
          totalSold: null,
          repurchaseRate: 0.41,
          isAd: false,
          supplier: {
            provider: 'tmapi',
            id: 'b2b-22118516378099ae41',
            name: '汕头市梦高玩具实业有限公司',
            nick: null,
            url: 'https://menggao.1688.com/',
            isFactory: true,
            isSuperFactory: true,
            creditLevel: null,
            yearsOnPlatform: 3,
            location: { province: '广东', city: '汕头' },
            tags: ['深度验厂'],
          },
        },
      ],
    });
  });

  it('parses image search results the same way', () => {
    const page = tmapiAdapter.searchProductsByImage.parseResponse(ok(items));
    expect(page.items.map((p) => p.id)).toEqual(['717236520914', '623311004521']);
  });
});
