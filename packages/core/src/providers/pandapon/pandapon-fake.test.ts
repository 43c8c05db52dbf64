import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImageQuery, ProductQuery } from '../../models/query.js';
import type { FakeServer } from '../../testing/fake-server.js';
import { json, sendRequest } from '../../testing/send-request.js';
import type { ProviderRequest } from '../provider-contract.js';
import { pandaponAdapter } from './pandapon-adapter.js';
import { PANDAPON_FAKE_CREDENTIALS, PANDAPON_PATHS, startPandaponFake } from './pandapon-fake.js';

let fake: FakeServer;
let credentials: typeof PANDAPON_FAKE_CREDENTIALS & { baseUrl: string };

beforeAll(async () => {
  fake = await startPandaponFake();
  credentials = { ...PANDAPON_FAKE_CREDENTIALS, baseUrl: fake.url };
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const keywordRequest = (ctx?: { now?: Date; nonce?: string }) =>
  pandaponAdapter.searchProducts.buildRequest(
    ProductQuery.parse({ keyword: 'T恤', pageSize: 5 }),
    credentials,
    ctx,
  );

const withHeader = (request: ProviderRequest, name: string, value: string): ProviderRequest => ({
  ...request,
  headers: { ...request.headers, [name]: value },
});

describe('PandaPon fake', () => {
  it('verifies the adapter’s signature headers and serves seed-shaped pages', async () => {
    const response = await sendRequest(keywordRequest());
    const data = (json(response) as { data: { data: Record<string, unknown>[] } }).data.data;
    expect(data).toHaveLength(5);
    // Seed 004: rates as percent strings, null prices.
    expect(data[0]).toMatchObject({ repurchaseRate: '5%', priceInfo: { jxhyPrice: null } });
    const page = pandaponAdapter.searchProducts.parseResponse(response);
    expect(page.items[0]!.title).toMatch(/^T恤 /);
    expect(page.items[0]!.repurchaseRate).toBeCloseTo(0.05);
  });

  it('serves image search by base64', async () => {
    const response = await sendRequest(
      pandaponAdapter.searchProductsByImage.buildRequest(
        ImageQuery.parse({ imageBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB' }),
        credentials,
      ),
    );
    expect(pandaponAdapter.searchProductsByImage.parseResponse(response).items).toHaveLength(20);
    expect(JSON.parse(fake.calls.last(PANDAPON_PATHS.imageQuery)!.body).imageBase64).toBeDefined();
  });

  it.each([
    ['a changed nonce', (r: ProviderRequest) => withHeader(r, 'nonce-str', 'x'.repeat(32))],
    ['another access key', (r: ProviderRequest) => withHeader(r, 'access-key', 'someone-else')],
    ['a timestamp 11 minutes old', () => keywordRequest({ now: new Date(Date.now() - 11 * 60_000) })],
    [
      'a signature made with another secret',
      () =>
        pandaponAdapter.searchProducts.buildRequest(ProductQuery.parse({ keyword: 'x' }), {
          ...credentials,
          secret: 'nope',
        }),
    ],
  ])('rejects %s with code 401', async (_, tamper) => {
    const response = await sendRequest(tamper(keywordRequest()));
    expect(json(response)).toMatchObject({ code: 401, data: null });
    expect(() => pandaponAdapter.searchProducts.parseResponse(response)).toThrow(
      expect.objectContaining({ kind: 'auth' }),
    );
  });

  it.each([
    ['400', 'bad_request'],
    ['402', 'quota'],
    ['429', 'rate_limited'],
    ['503', 'upstream'],
  ])('answers error %s, which the adapter reads as %s', async (code, kind) => {
    fake.behave({ kind: 'error', code });
    const response = await sendRequest(keywordRequest());
    expect(() => pandaponAdapter.searchProducts.parseResponse(response)).toThrow(
      expect.objectContaining({ kind, providerCode: code }),
    );
  });
});
