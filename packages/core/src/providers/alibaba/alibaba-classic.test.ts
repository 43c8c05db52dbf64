/// <reference types="node" />
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ProductQuery } from '../../models/query.js';
import classicSearch from './__fixtures__/alibaba-classic-search.json' with { type: 'json' };
import { alibabaAdapter } from './alibaba-adapter.js';

const classic = alibabaAdapter.searchProductsClassic;
const ctx = { now: new Date(1_700_000_000_000), nonce: 'unused' };

describe('searchProductsClassic.buildRequest', () => {
  const query = ProductQuery.parse({
    keyword: '纯棉T恤 定制',
    pageSize: 99,
    priceMin: 10,
    priceMax: 50,
    sort: 'sales',
    factoryOnly: true,
    minOrder: 100,
    language: 'en',
  });
  const request = classic.buildRequest(query, { appKey: 'ak', appSecret: 'sk', accessToken: 'tk' }, ctx);
  const form = new URLSearchParams(request.body);

  it("sends seed 002's parameters, page size clamped to 50", () => {
    expect(request.url).toBe(
      'https://gw.open.1688.com/openapi/param2/1/com.alibaba.product/alibaba.product.search/ak',
    );
    expect(Object.fromEntries(form)).toEqual({
      keywords: '纯棉T恤 定制',
      page: '1',
      page_size: '50',
      start_price: '10',
      end_price: '50',
      supplier_type: '1',
      min_order: '100',
      sort_type: '3',
      access_token: 'tk',
      _aop_timestamp: '1700000000000',
      _aop_signature: expect.any(String),
    });
    expect(request.ignored).toEqual(['language']);
  });

  it("signs with the gateway's HMAC-SHA1, not the seed's MD5", () => {
    const stringToSign =
      'param2/1/com.alibaba.product/alibaba.product.search/ak' +
      [
        '_aop_timestamp1700000000000',
        'access_tokentk',
        'end_price50',
        'keywords纯棉T恤 定制',
        'min_order100',
        'page1',
        'page_size50',
      ]
        .concat(['sort_type3', 'start_price10', 'supplier_type1'])
        .join('');
    expect(form.get('_aop_signature')).toBe(
      createHmac('sha1', 'sk').update(stringToSign).digest('hex').toUpperCase(),
    );
  });

  it('reports sorts it has no sort_type for', () => {
    const { ignored } = classic.buildRequest(
      ProductQuery.parse({ keyword: 'x', sort: 'repurchase' }),
      { appKey: 'a', appSecret: 'b', accessToken: 'c' },
      ctx,
    );
    expect(ignored).toEqual(['sort=repurchase']);
  });
});

describe('searchProductsClassic.parseResponse', () => {
  it("parses seed 002's example into a product with its supplier", () => {
    expect(classic.parseResponse({ status: 200, body: JSON.stringify(classicSearch) })).toEqual({
      page: 1,
      pageSize: 20,
      total: 2860,
      hasNext: true,
      items: [
        {
          provider: 'alibaba',
          id: '628745190321',
          title: '2024夏季纯棉短袖T恤 厂家直销 支持定制LOGO',
          titleTranslated: null,
          url: 'https://detail.1688.com/offer/628745190321.html',
          imageUrl: 'https://cbu01.alicdn.com/img/ibank/2024/xxx.jpg',
          price: 22.5,
          priceMax: null,
          moq: 5,
          monthSold: 12560,
          repurchaseRate: null,
          isAd: false,
          supplier: {
            provider: 'alibaba',
            id: 'alibaba:2209876543210',
            name: 'XX服装有限公司',
            nick: null,
            url: null,
            isAd: false,
            isFactory: true,
            isSuperFactory: null,
            creditLevel: 'AAAA',
            creditScore: null,
            tradeLevel: null,
            isEnterprise: null,
            invoiceAvailable: null,
            factoryLevel: null,
            areaM2: null,
            yearsOnPlatform: 8,
            repurchaseRate: null,
            responseRate: null,
            returnRate: null,
            location: { province: null, city: null },
            tags: ['实名认证'],
            mainProducts: [],
            salesCount: null,
            productsCount: null,
            priceMin: null,
            priceMax: null,
          },
        },
      ],
    });
  });

  it('keeps a product whose supplier is unusable, without the supplier', () => {
    const body = {
      alibaba_product_search_response: {
        result: {
          products: [{ product_id: '1', title: 'NULL', price: 'abc', supplier: { user_id: null } }, 'junk'],
        },
      },
    };
    const page = classic.parseResponse({ status: 200, body: JSON.stringify(body) });
    expect(page.items).toEqual([
      expect.objectContaining({ id: '1', title: '', price: null, supplier: null }),
    ]);
  });

  it.each([
    ['seed error_response 101', { error_response: { code: 101, msg: '签名错误' } }, 'auth'],
    ['seed error_response 200', { error_response: { code: '200', msg: '关键词为空' } }, 'bad_request'],
    ['gateway error_code', { error_code: '500', error_message: 'busy', exception: 'x' }, 'upstream'],
    ['a response without result', { alibaba_product_search_response: {} }, 'invalid_response'],
  ])('rejects %s', (_case, body, kind) => {
    expect(() => classic.parseResponse({ status: 200, body: JSON.stringify(body) })).toThrow(
      expect.objectContaining({ kind }),
    );
  });
});
