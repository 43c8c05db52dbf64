import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImageQuery, ProductQuery } from '../../models/query.js';
import type { FakeServer } from '../../testing/fake-server.js';
import { json, sendRequest, withQueryParam } from '../../testing/send-request.js';
import { dajisaasAdapter } from './dajisaas-adapter.js';
import { DAJISAAS_FAKE_CREDENTIALS, DAJISAAS_PATHS, startDajisaasFake } from './dajisaas-fake.js';

let fake: FakeServer;
let credentials: typeof DAJISAAS_FAKE_CREDENTIALS & { baseUrl: string };

beforeAll(async () => {
  fake = await startDajisaasFake();
  credentials = { ...DAJISAAS_FAKE_CREDENTIALS, baseUrl: fake.url };
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const keywordRequest = () =>
  dajisaasAdapter.searchProducts.buildRequest(
    ProductQuery.parse({ keyword: '连衣裙 夏', page: 3, pageSize: 10, sort: 'price_asc', priceMin: 5 }),
    credentials,
  );

describe('DajiSaaS fake', () => {
  it('verifies the adapter’s sign and serves keywordQuery pages', async () => {
    const response = await sendRequest(keywordRequest());
    const page = dajisaasAdapter.searchProducts.parseResponse(response);
    expect([page.page, page.pageSize, page.items.length]).toEqual([3, 10, 10]);
    expect(page.items[0]!.title).toMatch(/^连衣裙 夏 /);
    expect(fake.calls.last(DAJISAAS_PATHS.keywordQuery)?.query.sort).toBe('{"price":"asc"}');
  });

  it('serves imageQuery', async () => {
    const response = await sendRequest(
      dajisaasAdapter.searchProductsByImage.buildRequest(
        ImageQuery.parse({ imageUrl: 'https://cbu01.alicdn.com/img/ibank/a.jpg', page: 6, pageSize: 10 }),
        credentials,
      ),
    );
    // 57 results: page 6 of 10 holds the last 7.
    const page = dajisaasAdapter.searchProductsByImage.parseResponse(response);
    expect([page.items.length, page.hasNext]).toEqual([7, false]);
  });

  it.each([
    ['a changed parameter', () => withQueryParam(keywordRequest(), 'beginPage', '4')],
    ['another appKey', () => withQueryParam(keywordRequest(), 'appKey', 'someone-else')],
    [
      'a sign made with another secret',
      () =>
        dajisaasAdapter.searchProducts.buildRequest(ProductQuery.parse({ keyword: 'x' }), {
          ...credentials,
          appSecret: 'nope',
        }),
    ],
  ])('rejects %s with code 401', async (_, tampered) => {
    const response = await sendRequest(tampered());
    expect(json(response)).toMatchObject({ code: 401, data: null });
    expect(() => dajisaasAdapter.searchProducts.parseResponse(response)).toThrow(
      expect.objectContaining({ kind: 'auth', providerCode: '401' }),
    );
  });

  it.each([
    ['400', 'bad_request'],
    ['402', 'quota'],
    ['403', 'auth'],
    ['429', 'rate_limited'],
    ['500', 'upstream'],
    ['502', 'upstream'],
    ['503', 'upstream'],
  ])('answers error %s, which the adapter reads as %s', async (code, kind) => {
    fake.behave({ kind: 'error', code });
    const response = await sendRequest(keywordRequest());
    expect(json(response).code).toBe(Number(code));
    expect(() => dajisaasAdapter.searchProducts.parseResponse(response)).toThrow(
      expect.objectContaining({ kind, providerCode: code }),
    );
  });
});
