/// <reference types="node" />
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../models/provider-error.js';
import { ImageQuery, ProductQuery } from '../../models/query.js';
import keywordQuery from './__fixtures__/dajisaas-keyword-query.json' with { type: 'json' };
import { dajisaasAdapter } from './dajisaas-adapter.js';
import { DAJISAAS_ERRORS } from './dajisaas-errors.js';

const credentials = { appKey: 'ak-1', appSecret: 'secret-1' };
const md5Upper = (text: string) => createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();

describe('dajisaasAdapter.searchProducts.buildRequest', () => {
  const query = ProductQuery.parse({ keyword: '保温杯 316', priceMin: 5, sort: 'price_asc', page: 2 });
  const request = dajisaasAdapter.searchProducts.buildRequest(query, credentials);
  const url = new URL(request.url);

  it('GETs keywordQuery with appKey, the business params and sign', () => {
    expect(request).toMatchObject({ method: 'GET', ignored: [] });
    expect(request.body).toBeUndefined();
    expect(`${url.origin}${url.pathname}`).toBe('https://openapi.dajisaas.com/alibaba/product/keywordQuery');
    expect([...url.searchParams]).toEqual([
      ['appKey', 'ak-1'],
      ['keyword', '保温杯 316'],
      ['beginPage', '2'],
      ['pageSize', '20'],
      ['country', 'en'],
      ['sort', '{"price":"asc"}'],
      ['priceStart', '5'],
      ['sign', expect.any(String)],
    ]);
  });

  it("signs seed 003's way: sorted raw k=v&, then secret=, MD5 upper case", () => {
    const text =
      'appKey=ak-1&beginPage=2&country=en&keyword=保温杯 316&pageSize=20&priceStart=5&sort={"price":"asc"}&secret=secret-1';
    expect(url.searchParams.get('sign')).toBe(md5Upper(text));
  });

  it('never sends the secret', () => {
    expect(JSON.stringify(request)).not.toContain('secret-1');
  });
});

describe('dajisaasAdapter.searchProductsByImage.buildRequest', () => {
  it('GETs imageQuery with imageUrl, page size clamped to 50, signed over imageUrl too', () => {
    const query = ImageQuery.parse({
      imageUrl: 'https://cbu01.alicdn.com/img/a.jpg',
      pageSize: 100,
      factoryOnly: true,
    });
    const request = dajisaasAdapter.searchProductsByImage.buildRequest(query, {
      ...credentials,
      baseUrl: 'http://127.0.0.1:8080/',
    });
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:8080/alibaba/product/imageQuery');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      appKey: 'ak-1',
      imageUrl: 'https://cbu01.alicdn.com/img/a.jpg',
      beginPage: '1',
      pageSize: '50',
      country: 'en',
      filter: 'certifiedFactory',
      sign: md5Upper(
        'appKey=ak-1&beginPage=1&country=en&filter=certifiedFactory&imageUrl=https://cbu01.alicdn.com/img/a.jpg&pageSize=50&secret=secret-1',
      ),
    });
  });

  it('refuses a base64 image: it needs the upload endpoint first', () => {
    const query = ImageQuery.parse({ imageBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB' });
    expect(() => dajisaasAdapter.searchProductsByImage.buildRequest(query, credentials)).toThrow(
      expect.objectContaining({ name: 'ProviderError', provider: 'dajisaas', kind: 'bad_request' }),
    );
  });
});

describe('dajisaasAdapter.searchProducts.parseResponse', () => {
  // Shape from providers.md §4 (seed 003 documents the fields, not an example body).
  it('parses the page, keeping the item with null price and dropping the one without id', () => {
    expect(
      dajisaasAdapter.searchProducts.parseResponse({ status: 200, body: JSON.stringify(keywordQuery) }),
    ).toEqual({
      page: 1,
      pageSize: 20,
      total: 3,
      hasNext: false,
      items: [
        {
          provider: 'dajisaas',
          id: '745125893211',
          title: '加厚保温杯 316不锈钢 定制',
          titleTranslated: 'Thickened thermos cup 316 stainless steel custom',
          url: 'https://detail.1688.com/offer/745125893211.html',
          imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01a1b2c3d4e5f6g7h8_!!2219212114196-0-cib.jpg',
          price: 12.9,
          priceMax: null,
          moq: null,
          monthSold: 3456,
          repurchaseRate: 0.27,
          isAd: false,
          supplier: null,
        },
        {
          provider: 'dajisaas',
          id: '698812340011',
          title: '便携水杯 塑料',
          titleTranslated: 'Portable water cup plastic',
          url: 'https://detail.1688.com/offer/698812340011.html',
          imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01zz_!!2212789706333-0-cib.jpg',
          price: null,
          priceMax: null,
          moq: null,
          monthSold: null,
          repurchaseRate: null,
          isAd: false,
          supplier: null,
        },
      ],
    });
  });

  // Expected kinds written independently of the table, keyed by code: a row deleted from or added to the
  // table, or a kind changed, fails the comparison below.
  const asSent = (code: string | number) => (/^\d+$/.test(String(code)) ? Number(code) : code);
  const TABLE_KINDS: Record<string, ErrorKind> = {
    '400': 'bad_request',
    '401': 'auth',
    '402': 'quota',
    '403': 'auth',
    '404': 'not_found',
    '429': 'rate_limited',
    '500': 'upstream',
    '502': 'upstream',
    '503': 'upstream',
  };

  it.each([...Object.entries(TABLE_KINDS), [10086, 'upstream']] as const)('code %s is %s', (code, kind) => {
    // Numeric codes travel as JSON numbers, as the provider sends them.
    const body = JSON.stringify({ code: asSent(code), message: '签名错误', data: null, traceId: 't' });
    expect(() => dajisaasAdapter.searchProducts.parseResponse({ status: 200, body })).toThrow(
      expect.objectContaining({ provider: 'dajisaas', kind, providerCode: String(code) }),
    );
  });

  it('has a test row for every table row, with the same kind', () => {
    const tableKinds = Object.fromEntries(
      Object.entries(DAJISAAS_ERRORS).map(([code, rule]) => [code, rule.kind]),
    );
    expect(tableKinds).toEqual(TABLE_KINDS);
  });

  it.each([
    ['HTML', { status: 200, body: '<!DOCTYPE html><html>nginx</html>' }, 'invalid_response'],
    [
      'a truncated body',
      { status: 200, body: JSON.stringify(keywordQuery).slice(0, 120) },
      'invalid_response',
    ],
    ['data of the wrong type', { status: 200, body: '{"code":200,"data":"none"}' }, 'invalid_response'],
    ['a 429 without a body', { status: 429, body: '' }, 'rate_limited'],
  ])('rejects %s', (_case, response, kind) => {
    expect(() => dajisaasAdapter.searchProducts.parseResponse(response)).toThrow(
      expect.objectContaining({ kind }),
    );
  });
});
