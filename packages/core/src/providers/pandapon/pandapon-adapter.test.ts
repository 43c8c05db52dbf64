/// <reference types="node" />
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../models/provider-error.js';
import { ImageQuery, ProductQuery } from '../../models/query.js';
import imageQuery from './__fixtures__/pandapon-image-query.json' with { type: 'json' };
import { createPandaponAdapter, pandaponAdapter } from './pandapon-adapter.js';
import { PANDAPON_ERRORS } from './pandapon-errors.js';

const credentials = {
  accessKey: '58c0201dfdf148eca63cbf6bb5e7cf03',
  secret: 'pp-secret',
  userId: '2100007341207',
};
const ctx = { now: new Date(1_715_669_977_082), nonce: 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z' };
const md5Upper = (text: string) => createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();

describe('pandaponAdapter.searchProducts.buildRequest', () => {
  const query = ProductQuery.parse({
    keyword: 'T恤',
    pageSize: 10,
    sort: 'repurchase',
    language: 'vi',
    city: '广州',
  });
  const request = pandaponAdapter.searchProducts.buildRequest(query, credentials, ctx);

  it('POSTs JSON to the v2 keyword query with seed 004 system headers, country fixed to en', () => {
    expect(request).toEqual({
      method: 'POST',
      url: 'https://api.pandapon.com/v2/alibaba/product/keywords/query',
      headers: {
        'access-key': '58c0201dfdf148eca63cbf6bb5e7cf03',
        timestamp: '1715669977082',
        'nonce-str': 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z',
        'user-id': '2100007341207',
        signature: expect.any(String),
        'content-type': 'application/json',
      },
      // v2 docs: keyword search `country` is fixed to en, so the requested `vi` is reported, not sent.
      body: '{"keyword":"T恤","beginPage":1,"pageSize":10,"country":"en","sort":"{\\"rePurchaseRate\\":\\"desc\\"}"}',
      ignored: ['city', 'language'],
    });
  });

  it('signs access-key, nonce-str and timestamp (not user-id) with the default, unverified recipe', () => {
    const text =
      'access-key=58c0201dfdf148eca63cbf6bb5e7cf03&nonce-str=Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z&timestamp=1715669977082&secret=pp-secret';
    expect(request.headers.signature).toBe(md5Upper(text));
  });

  it('never sends the secret', () => {
    expect(JSON.stringify(request)).not.toContain('pp-secret');
  });
});

describe('createPandaponAdapter', () => {
  it('uses the injected signer with the values it puts in the headers', () => {
    const adapter = createPandaponAdapter({
      sign: ({ accessKey, timestamp, nonce, secret }) => ({
        signature: `${accessKey}/${timestamp}/${nonce}/${secret.length}`,
        stringToSign: '',
      }),
    });
    const request = adapter.searchProducts.buildRequest(
      ProductQuery.parse({ keyword: 'x' }),
      credentials,
      ctx,
    );
    expect(request.headers.signature).toBe(
      '58c0201dfdf148eca63cbf6bb5e7cf03/1715669977082/Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z/9',
    );
  });
});

describe('pandaponAdapter.searchProductsByImage.buildRequest', () => {
  it('sends base64 as imageBase64, country fixed to en, reporting another language', () => {
    const query = ImageQuery.parse({
      imageBase64: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB',
      language: 'ja',
    });
    const request = pandaponAdapter.searchProductsByImage.buildRequest(query, credentials, ctx);
    expect(request.url).toBe('https://api.pandapon.com/v2/alibaba/product/image/query');
    expect(JSON.parse(request.body ?? '')).toEqual({
      imageBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB',
      beginPage: 1,
      pageSize: 20,
      country: 'en',
    });
    expect(request.ignored).toEqual(['language']);
  });

  it('sends an image URL as imageAddress', () => {
    const query = ImageQuery.parse({
      imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01Gf8JoQ20i0lN5N8v2.jpg',
    });
    const request = pandaponAdapter.searchProductsByImage.buildRequest(
      query,
      { ...credentials, baseUrl: 'http://localhost:3000' },
      ctx,
    );
    expect(request.url).toBe('http://localhost:3000/v2/alibaba/product/image/query');
    expect(JSON.parse(request.body ?? '')).toEqual({
      imageAddress: 'https://cbu01.alicdn.com/img/ibank/O1CN01Gf8JoQ20i0lN5N8v2.jpg',
      beginPage: 1,
      pageSize: 20,
      country: 'en',
    });
  });
});

describe('pandaponAdapter.parseResponse', () => {
  const page = pandaponAdapter.searchProductsByImage.parseResponse({
    status: 200,
    body: JSON.stringify(imageQuery),
  });

  it("parses seed 004's example page", () => {
    expect(page).toMatchObject({ page: 1, pageSize: 5, total: 687, hasNext: true });
    expect(page.items.map((item) => [item.id, item.price, item.repurchaseRate, item.monthSold])).toEqual([
      ['wmNAp5CyEQ2fatKAZGGMWQ', 16, 0.05, 97822],
      ['faAiBEuMLWM5IscSXkFk4Q', 5.86, 0.41, 6088],
      ['OHIf1Eto5Nah_LvqhTevdA', 15.9, 0.23, 17312],
      ['szc8JpIx46jBL5aCy-KEww', 15.9, 0.08, 11094],
      ['FIhjWsBFgrPOJYk-iPjZYw', 5, 0.16, 567],
    ]);
  });

  it('normalizes the first item exactly', () => {
    expect(page.items[0]).toEqual({
      provider: 'pandapon',
      id: 'wmNAp5CyEQ2fatKAZGGMWQ',
      title: '国潮男装t恤230g重磅短袖男女纯棉体恤宽松圆领团服打底衫衣服潮',
      titleTranslated:
        "T-shirt men's national tide 230g heavy cotton Xinjiang cotton tide brand printable logo loose ins solid color short sleeve wholesale",
      // `offerMapId` is opaque: there is no public 1688 page for it.
      url: null,
      imageUrl: 'https://cbu01.alicdn.com/O1CN01ddr4sG20i0lNyQDzs_!!2207943566882-0-cib.jpg',
      price: 16,
      priceMax: null,
      moq: null,
      monthSold: 97822,
      repurchaseRate: 0.05,
      isAd: false,
      supplier: null,
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

  it.each([...Object.entries(TABLE_KINDS), ['E1001', 'upstream']] as const)('code %s is %s', (code, kind) => {
    // Numeric codes travel as JSON numbers, as the provider sends them.
    const body = JSON.stringify({ requestId: 'r', code: asSent(code), msg: '签名错误', data: null });
    expect(() => pandaponAdapter.searchProducts.parseResponse({ status: 200, body })).toThrow(
      expect.objectContaining({ provider: 'pandapon', kind, providerCode: String(code) }),
    );
  });

  it('has a test row for every table row, with the same kind', () => {
    const tableKinds = Object.fromEntries(
      Object.entries(PANDAPON_ERRORS).map(([code, rule]) => [code, rule.kind]),
    );
    expect(tableKinds).toEqual(TABLE_KINDS);
  });

  it.each([
    ['HTML', { status: 200, body: '<html><body>Cloudflare</body></html>' }, 'invalid_response'],
    ['a truncated body', { status: 200, body: JSON.stringify(imageQuery).slice(0, 200) }, 'invalid_response'],
    ['a JSON string', { status: 200, body: '"ok"' }, 'invalid_response'],
    ['a 503 page', { status: 503, body: '<html>busy</html>' }, 'upstream'],
  ])('rejects %s', (_case, response, kind) => {
    expect(() => pandaponAdapter.searchProducts.parseResponse(response)).toThrow(
      expect.objectContaining({ kind }),
    );
  });

  it('keeps items whose fields arrive mangled (GBK read as UTF-8, NULL, wrong types)', () => {
    const body = JSON.stringify({
      code: 200,
      data: {
        currentPage: '1',
        totalRecords: 'NULL',
        data: [
          {
            offerMapId: 'a1',
            subject: '\uFFFD\uFFFD\uFFFD',
            subjectTrans: 'Cup',
            priceInfo: { price: null },
            repurchaseRate: 'NULL',
          },
          {
            offerId: 612345678901,
            subject: ['x'],
            priceInfo: { price: '3.50' },
            repurchaseRate: 7,
            monthSold: '1,024',
          },
          'garbage',
        ],
      },
    });
    const result = pandaponAdapter.searchProducts.parseResponse({ status: 200, body });
    expect(result.total).toBeNull();
    expect(result.items).toEqual([
      expect.objectContaining({ id: 'a1', title: 'Cup', price: null, repurchaseRate: null }),
      expect.objectContaining({
        id: '612345678901',
        title: '',
        url: 'https://detail.1688.com/offer/612345678901.html',
        price: 3.5,
        repurchaseRate: 0.07,
        monthSold: 1024,
      }),
    ]);
  });
});
