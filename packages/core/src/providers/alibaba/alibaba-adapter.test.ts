/// <reference types="node" />
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ImageQuery, ProductQuery } from '../../models/query.js';
import keywordQuery from './__fixtures__/alibaba-keyword-query.json' with { type: 'json' };
import { alibabaAdapter } from './alibaba-adapter.js';

const credentials = { appKey: '1234567', appSecret: 'app-secret', accessToken: 'token-1' };
const ctx = { now: new Date(1_700_000_000_000), nonce: 'unused' };
const hmacSha1 = (key: string, text: string) =>
  createHmac('sha1', key).update(text).digest('hex').toUpperCase();
const ok = (body: unknown, status = 200) => ({ status, body: JSON.stringify(body) });

describe('alibabaAdapter.searchProducts.buildRequest', () => {
  const query = ProductQuery.parse({
    keyword: '纯棉 T恤',
    pageSize: 80,
    sort: 'sales',
    factoryOnly: true,
    minOrder: 5,
  });
  const request = alibabaAdapter.searchProducts.buildRequest(query, credentials, ctx);
  const form = new URLSearchParams(request.body);
  const offerQueryParam =
    '{"keyword":"纯棉 T恤","keywordTranslate":true,"beginPage":1,"pageSize":50,"country":"en","filter":"certifiedFactory","sort":"{\\"monthSold\\":\\"desc\\"}"}';

  it('POSTs a form to the crossborder keywordQuery under the app key', () => {
    expect(request).toMatchObject({
      method: 'POST',
      url: 'https://gw.open.1688.com/openapi/param2/1/com.alibaba.fenxiao.crossborder/product.search.keywordQuery/1234567',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      ignored: ['minOrder'],
    });
    expect([...form.keys()]).toEqual(['offerQueryParam', 'access_token', '_aop_timestamp', '_aop_signature']);
    expect(form.get('offerQueryParam')).toBe(offerQueryParam);
    expect(form.get('access_token')).toBe('token-1');
    expect(form.get('_aop_timestamp')).toBe('1700000000000');
  });

  it('signs urlPath + sorted key+value pairs with HMAC-SHA1 (providers.md §3)', () => {
    const stringToSign =
      'param2/1/com.alibaba.fenxiao.crossborder/product.search.keywordQuery/1234567' +
      '_aop_timestamp1700000000000' +
      'access_tokentoken-1' +
      `offerQueryParam${offerQueryParam}`;
    expect(form.get('_aop_signature')).toBe(hmacSha1('app-secret', stringToSign));
  });

  it('never puts the secret in the request', () => {
    expect(JSON.stringify(request)).not.toContain('app-secret');
  });

  it('asks the platform to translate an English keyword and honours baseUrl', () => {
    const bare = alibabaAdapter.searchProducts.buildRequest(
      ProductQuery.parse({ keyword: 'cup' }),
      { appKey: 'k', appSecret: 's', accessToken: 't', baseUrl: 'http://127.0.0.1:9/openapi/' },
      ctx,
    );
    const fields = new URLSearchParams(bare.body);
    expect(bare.url).toBe(
      'http://127.0.0.1:9/openapi/param2/1/com.alibaba.fenxiao.crossborder/product.search.keywordQuery/k',
    );
    // keywordTranslate false: "not yet translated", so 1688 machine-translates "cup" before searching.
    const param = '{"keyword":"cup","keywordTranslate":false,"beginPage":1,"pageSize":20,"country":"en"}';
    expect(fields.get('_aop_signature')).toBe(
      hmacSha1(
        's',
        `param2/1/com.alibaba.fenxiao.crossborder/product.search.keywordQuery/k_aop_timestamp1700000000000access_tokentofferQueryParam${param}`,
      ),
    );
  });
});

describe('alibabaAdapter.searchProductsByImage.buildRequest', () => {
  it('sends the image URL as imageAddress to imageQuery', () => {
    const query = ImageQuery.parse({ imageUrl: 'https://cbu01.alicdn.com/img/a.jpg', sort: 'price_asc' });
    const request = alibabaAdapter.searchProductsByImage.buildRequest(query, credentials, ctx);
    expect(request.url).toMatch(
      /\/param2\/1\/com\.alibaba\.fenxiao\.crossborder\/product\.search\.imageQuery\/1234567$/,
    );
    expect(JSON.parse(new URLSearchParams(request.body).get('offerQueryParam') ?? '')).toEqual({
      imageAddress: 'https://cbu01.alicdn.com/img/a.jpg',
      beginPage: 1,
      pageSize: 20,
      country: 'en',
      sort: '{"price":"asc"}',
    });
  });

  it('refuses a base64 image with a bad_request error', () => {
    const query = ImageQuery.parse({ imageBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB' });
    expect(() => alibabaAdapter.searchProductsByImage.buildRequest(query, credentials, ctx)).toThrow(
      expect.objectContaining({ name: 'ProviderError', kind: 'bad_request', provider: 'alibaba' }),
    );
  });
});

describe('alibabaAdapter.searchProducts.parseResponse', () => {
  // Shape from providers.md §3 and the public SDK model (ProductSearchKeywordQueryModelProductInfoModelV).
  it('parses the keywordQuery page', () => {
    expect(alibabaAdapter.searchProducts.parseResponse(ok(keywordQuery))).toEqual({
      page: 1,
      pageSize: 20,
      total: 2000,
      hasNext: true,
      items: [
        {
          provider: 'alibaba',
          id: '628745190321',
          title: '纯棉短袖T恤男 230g重磅 定制logo',
          titleTranslated: 'Cotton short-sleeved T-shirt men 230g heavyweight custom logo',
          url: 'https://detail.1688.com/offer/628745190321.html',
          imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01mKZ5QB1Bs2gKmUzXl_!!2208087470531-0-cib.jpg',
          price: 15.8,
          priceMax: null,
          moq: 2,
          monthSold: 1213,
          repurchaseRate: 0.1,
          isAd: false,
          supplier: null,
        },
        {
          provider: 'alibaba',
          id: '731002458812',
          title: '儿童纯棉T恤 夏季',
          titleTranslated: null,
          url: 'https://detail.1688.com/offer/731002458812.html',
          imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01Xq3n8e1Bs2gKmV0aB_!!2208087470531-0-cib.jpg',
          price: 6.5,
          priceMax: null,
          moq: null,
          monthSold: 0,
          repurchaseRate: 0,
          isAd: false,
          supplier: null,
        },
      ],
    });
  });

  it('treats success without a page as an empty result', () => {
    const page = alibabaAdapter.searchProducts.parseResponse(ok({ result: { success: true, result: null } }));
    expect(page.items).toEqual([]);
  });

  it.each([
    [
      'result.success=false',
      { result: { success: false, code: '400', message: 'pageSize invalid' } },
      'bad_request',
      '400',
    ],
    [
      'string success flag',
      { result: { success: 'false', code: 'isv.invalid-signature' } },
      'auth',
      'isv.invalid-signature',
    ],
    [
      'gateway error_code',
      { error_code: 'gw.QpsOverLimit', error_message: 'qps', request_id: 'r' },
      'rate_limited',
      'gw.QpsOverLimit',
    ],
    ['seed error_response', { error_response: { code: 110, msg: 'IP 不在白名单' } }, 'auth', '110'],
  ])('turns a %s into a ProviderError', (_case, body, kind, providerCode) => {
    expect(() => alibabaAdapter.searchProducts.parseResponse(ok(body))).toThrow(
      expect.objectContaining({ name: 'ProviderError', kind, providerCode }),
    );
  });

  it.each([
    ['an HTML error page', { status: 502, body: '<html><h1>502 Bad Gateway</h1></html>' }, 'upstream'],
    ['HTML with status 200', { status: 200, body: '<html>maintenance</html>' }, 'invalid_response'],
    [
      'a truncated body',
      { status: 200, body: JSON.stringify(keywordQuery).slice(0, 90) },
      'invalid_response',
    ],
    ['a body without result', ok({ request_id: 'x' }), 'invalid_response'],
    ['a page of the wrong type', ok({ result: { success: true, result: [1, 2] } }), 'invalid_response'],
    ['an empty 401', { status: 401, body: '' }, 'auth'],
    ['a bare 500 object', ok({}, 500), 'upstream'],
  ])('rejects %s', (_case, response, kind) => {
    expect(() => alibabaAdapter.searchProducts.parseResponse(response)).toThrow(
      expect.objectContaining({ kind }),
    );
  });
});

describe('alibabaAdapter', () => {
  it('validates credentials without exposing them', () => {
    expect(alibabaAdapter.credentials.safeParse({ appKey: 'k', appSecret: '' }).success).toBe(false);
    expect(alibabaAdapter.credentials.parse({ appKey: 'k', appSecret: 's', accessToken: 't' })).toEqual({
      appKey: 'k',
      appSecret: 's',
      accessToken: 't',
    });
  });

  it('requires the user access token: the crossborder searches refuse calls without it', () => {
    const parsed = alibabaAdapter.credentials.safeParse({ appKey: 'k', appSecret: 's' });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['accessToken']);
  });
});
