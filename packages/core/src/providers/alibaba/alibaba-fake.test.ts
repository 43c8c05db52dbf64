import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImageQuery, ProductQuery } from '../../models/query.js';
import type { FakeServer } from '../../testing/fake-server.js';
import { json, sendRequest } from '../../testing/send-request.js';
import type { ProviderRequest } from '../provider-contract.js';
import { alibabaAdapter } from './alibaba-adapter.js';
import { ALIBABA_APIS, ALIBABA_FAKE_CREDENTIALS, alibabaPath, startAlibabaFake } from './alibaba-fake.js';

let fake: FakeServer;
let credentials: typeof ALIBABA_FAKE_CREDENTIALS & { baseUrl: string };

beforeAll(async () => {
  fake = await startAlibabaFake();
  credentials = { ...ALIBABA_FAKE_CREDENTIALS, baseUrl: `${fake.url}/openapi` };
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const keywordRequest = (ctx?: { now: Date }) =>
  alibabaAdapter.searchProducts.buildRequest(
    ProductQuery.parse({ keyword: '纯棉T恤', page: 2, pageSize: 4 }),
    credentials,
    ctx,
  );

function withFormParam(request: ProviderRequest, name: string, value: string): ProviderRequest {
  const form = new URLSearchParams(request.body);
  form.set(name, value);
  return { ...request, body: form.toString() };
}

describe('1688 Open Platform fake', () => {
  it('verifies the adapter’s _aop_signature and serves keywordQuery pages', async () => {
    const response = await sendRequest(keywordRequest());
    expect(response.status).toBe(200);
    const page = alibabaAdapter.searchProducts.parseResponse(response);
    expect([page.page, page.pageSize, page.items.length]).toEqual([2, 4, 4]);
    expect(page.items.every((p) => p.title.startsWith('纯棉T恤'))).toBe(true);
    expect(fake.calls.count(alibabaPath(ALIBABA_APIS.keywordQuery))).toBe(1);
  });

  it('serves imageQuery and the seed’s classic alibaba.product.search', async () => {
    const image = await sendRequest(
      alibabaAdapter.searchProductsByImage.buildRequest(
        ImageQuery.parse({ imageUrl: 'https://cbu01.alicdn.com/img/ibank/a.jpg', pageSize: 100 }),
        credentials,
      ),
    );
    // pageSize 100 is clamped to 50 by the adapter, and the fake would clamp it too.
    expect(alibabaAdapter.searchProductsByImage.parseResponse(image).items).toHaveLength(50);

    const classic = await sendRequest(
      alibabaAdapter.searchProductsClassic.buildRequest(ProductQuery.parse({ keyword: '围巾' }), credentials),
    );
    const body = json(classic) as { alibaba_product_search_response: { result: { products: unknown[] } } };
    expect(body.alibaba_product_search_response.result.products).toHaveLength(20);
    expect(alibabaAdapter.searchProductsClassic.parseResponse(classic).items[0]!.title).toContain('围巾');
  });

  it.each([
    [
      'a changed business parameter',
      (r: ProviderRequest) => withFormParam(r, 'offerQueryParam', '{"keyword":"x"}'),
    ],
    ['a changed access_token', (r: ProviderRequest) => withFormParam(r, 'access_token', 'other')],
    [
      'a signature made with another secret',
      () =>
        alibabaAdapter.searchProducts.buildRequest(ProductQuery.parse({ keyword: 'x' }), {
          ...credentials,
          appSecret: 'nope',
        }),
    ],
  ])('rejects %s with gw.SignatureInvalid', async (_, tamper) => {
    const response = await sendRequest(tamper(keywordRequest()));
    expect(response.status).toBe(401);
    expect(json(response).error_code).toBe('gw.SignatureInvalid');
    expect(() => alibabaAdapter.searchProducts.parseResponse(response)).toThrow(
      expect.objectContaining({ kind: 'auth', providerCode: 'gw.SignatureInvalid' }),
    );
  });

  it('rejects an _aop_timestamp outside the window', async () => {
    const response = await sendRequest(keywordRequest({ now: new Date(Date.now() - 20 * 60_000) }));
    expect(response.status).toBe(400);
    expect(json(response).error_code).toBe('gw.InvalidTimestamp');
  });

  it.each([
    ['101', 401, 'auth'],
    ['110', 403, 'auth'],
    ['200', 400, 'bad_request'],
    ['400', 400, 'bad_request'],
    ['429', 429, 'rate_limited'],
    ['500', 500, 'upstream'],
    ['gw.QpsOverLimit', 429, 'rate_limited'],
    ['result.failure', 200, 'upstream'],
  ])('answers error %s with HTTP %i, which the adapter reads as %s', async (code, status, kind) => {
    fake.behave({ kind: 'error', code });
    const response = await sendRequest(keywordRequest());
    expect(response.status).toBe(status);
    expect(() => alibabaAdapter.searchProducts.parseResponse(response)).toThrow(
      expect.objectContaining({ kind }),
    );
  });
});
