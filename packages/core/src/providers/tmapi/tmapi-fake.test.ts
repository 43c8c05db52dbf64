import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImageQuery, SupplierQuery } from '../../models/query.js';
import type { FakeServer } from '../../testing/fake-server.js';
import { json, sendRequest, withQueryParam } from '../../testing/send-request.js';
import { tmapiAdapter } from './tmapi-adapter.js';
import { startTmapiFake, TMAPI_FAKE_CREDENTIALS, TMAPI_PATHS } from './tmapi-fake.js';

let fake: FakeServer;
let credentials: { apiToken: string; baseUrl: string };

beforeAll(async () => {
  fake = await startTmapiFake();
  credentials = { ...TMAPI_FAKE_CREDENTIALS, baseUrl: fake.url };
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const factoryRequest = () =>
  tmapiAdapter.searchSuppliers.buildRequest(
    SupplierQuery.parse({ keyword: '玩具厂', page: 2, pageSize: 3 }),
    credentials,
  );

describe('TMAPI fake', () => {
  it('serves the adapter’s factory search with seed-shaped, keyword-echoing pages', async () => {
    const response = await sendRequest(factoryRequest());
    expect(response.status).toBe(200);
    const data = json(response).data as { page: number; page_size: number; items: Record<string, unknown>[] };
    expect([data.page, data.page_size, data.items.length]).toEqual([2, 3, 3]);
    expect(data.items[0]!.product_tags).toMatch(/^玩具厂;/);
    // Index 3 cycles back to seed 000's first factory: the paid-placement URL and a null level.
    expect(data.items[0]!.factory_url).toContain('_p_isad=1');
    expect(data.items[0]!.factory_level).toBeNull();

    const page = tmapiAdapter.searchSuppliers.parseResponse(response);
    expect(page.items).toHaveLength(3);
    expect(page.page).toBe(2);
    expect(fake.calls.count(TMAPI_PATHS.factories)).toBe(1);
  });

  it('serves product and image searches', async () => {
    const products = await sendRequest(
      tmapiAdapter.searchProducts.buildRequest(
        SupplierQuery.parse({ keyword: '积木', pageSize: 5 }),
        credentials,
      ),
    );
    const productPage = tmapiAdapter.searchProducts.parseResponse(products);
    expect(productPage.items).toHaveLength(5);
    expect(productPage.items.every((p) => p.title.includes('积木'))).toBe(true);

    const image = await sendRequest(
      tmapiAdapter.searchProductsByImage.buildRequest(
        ImageQuery.parse({ imageUrl: 'https://cbu01.alicdn.com/img/ibank/x.jpg', pageSize: 50 }),
        credentials,
      ),
    );
    // page_size is capped at 20 for items (providers.md §1).
    expect(tmapiAdapter.searchProductsByImage.parseResponse(image).items).toHaveLength(20);
    expect(fake.calls.count(TMAPI_PATHS.image)).toBe(1);
  });

  it('rejects a wrong apiToken', async () => {
    const response = await sendRequest(withQueryParam(factoryRequest(), 'apiToken', 'stolen'));
    expect(response.status).toBe(401);
    expect(() => tmapiAdapter.searchSuppliers.parseResponse(response)).toThrow(
      expect.objectContaining({ kind: 'auth' }),
    );
  });

  it.each([
    ['417', 'upstream'],
    ['422', 'bad_request'],
    ['439', 'quota'],
    ['499', 'timeout'],
    ['500', 'upstream'],
    ['503', 'rate_limited'],
  ])('answers documented error %s with that status and code', async (code, kind) => {
    fake.behave({ kind: 'error', code });
    const response = await sendRequest(factoryRequest());
    expect(response.status).toBe(Number(code));
    expect(json(response).code).toBe(Number(code));
    expect(() => tmapiAdapter.searchSuppliers.parseResponse(response)).toThrow(
      expect.objectContaining({ kind, providerCode: code }),
    );
  });
});
