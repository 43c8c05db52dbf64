import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchParams } from '../api/search-params.js';
import { BASE, failure, setup } from './__fixtures__/client-harness.js';
import { FAKE_TOKEN, fakeProxy } from './__fixtures__/fake-proxy.js';
import { createClient } from './create-client.js';

describe('createClient requests', () => {
  it('sends a supplier search as the proxy reads it, with the bearer token', async () => {
    const { client, requests, answers } = setup();
    const result = await client.searchSuppliers({
      q: ' 玩具厂 ',
      provider: ['tmapi', 'demo'],
      factoryOnly: true,
      city: '汕头',
      priceMax: 30,
      pageSize: 10,
    });

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(
      `${BASE}/v1/suppliers?q=%E7%8E%A9%E5%85%B7%E5%8E%82&provider=tmapi%2Cdemo&page=1&pageSize=10` +
        '&sort=score&factoryOnly=true&city=%E6%B1%95%E5%A4%B4&priceMax=30',
    );
    expect(request?.headers.get('authorization')).toBe(`Bearer ${FAKE_TOKEN}`);
    expect(request?.headers.get('accept')).toBe('application/json');
    expect(SearchParams.parse(Object.fromEntries(new URL(request!.url).searchParams))).toMatchObject({
      q: '玩具厂',
      provider: ['tmapi', 'demo'],
      factoryOnly: true,
    });
    // The demo data's 汕头 toy factories, parsed back exactly as the proxy sent them.
    expect(result).toEqual(JSON.parse(answers[0] ?? ''));
    expect(result.items.length).toBeGreaterThan(0);
    for (const supplier of result.items) {
      expect(supplier).toMatchObject({ isFactory: true, location: { city: '汕头' } });
    }
    expect(result).toMatchObject({ page: 1, pageSize: 10, sampleData: true });
  });

  it('omits what the caller left out and sends no authorization without a token', async () => {
    const proxy = fakeProxy(BASE);
    const anonymous = createClient({ baseUrl: BASE, fetch: proxy.fetch });
    const error = await failure(anonymous.searchProducts({ q: 'cup', factoryOnly: false }));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(proxy.requests[0]?.url).toBe(
      `${BASE}/v1/products?q=cup&page=1&pageSize=20&sort=score&factoryOnly=false`,
    );
    expect(proxy.requests[0]?.headers.has('authorization')).toBe(false);
  });

  it('keeps a path prefix of the base URL, with or without trailing slash', async () => {
    for (const baseUrl of [`${BASE}/yuantou`, `${BASE}/yuantou/`]) {
      const proxy = fakeProxy(`${BASE}/yuantou`);
      const client = createClient({ baseUrl, token: FAKE_TOKEN, fetch: proxy.fetch });
      const result = await client.searchProducts({ q: '毛绒玩具' });
      expect(result).toEqual(JSON.parse(proxy.answers[0] ?? ''));
      expect(result.items.length).toBeGreaterThan(0);
      expect(proxy.requests[0]?.url).toMatch(/^http:\/\/proxy\.test\/yuantou\/v1\/products\?q=/);
    }
  });

  it('gets products in the sort asked for, ranked then sorted like the proxy (sortRanked)', async () => {
    const { client } = setup();
    // Dearest first: the reverse of this data's score order, so only a sort after ranking gives it.
    // price_desc sorts by the top of a price range (`priceMax ?? price`), as PRODUCT_COMPARATORS say.
    const { items } = await client.searchProducts({ q: '毛绒玩具', sort: 'price_desc' });
    const tops = items.map((p) => p.priceMax ?? p.price ?? -1);
    expect(tops.length).toBeGreaterThan(1);
    expect(tops).toEqual([...tops].sort((a, b) => b - a));
    const scores = (await client.searchProducts({ q: '毛绒玩具' })).items.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('posts an image search as JSON, without the data: header', async () => {
    const { client, requests, answers } = setup();
    const imageBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB';
    const result = await client.searchProductsByImage({
      imageBase64: `data:image/png;base64,${imageBase64}`,
      provider: ['demo'],
    });
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`${BASE}/v1/products/by-image`);
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      imageBase64,
      provider: ['demo'],
      page: 1,
      pageSize: 20,
      sort: 'score',
    });
    expect(result).toEqual(JSON.parse(answers[0] ?? ''));
    expect(result.items.length).toBeGreaterThan(0);
  });

  it('lists providers and checks health', async () => {
    const { client, requests } = setup();
    const listed = await client.listProviders();
    expect(listed.demoMode).toBe(true);
    expect(listed.providers.map((p) => p.id)).toEqual(['demo']);
    await expect(client.health()).resolves.toBeUndefined();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${BASE}/v1/providers`,
      `GET ${BASE}/healthz`,
    ]);
  });

  it('uses the global fetch when none is injected, looked up at call time', async () => {
    const proxy = fakeProxy(BASE);
    const client = createClient({ baseUrl: BASE, token: FAKE_TOKEN });
    vi.stubGlobal('fetch', proxy.fetch);
    await client.listProviders();
    expect(proxy.requests).toHaveLength(1);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createClient validation', () => {
  it.each([
    [{ q: '   ' }, 'q'],
    [{ q: 'cup', pageSize: 101 }, 'pageSize'],
    [{ q: 'cup', provider: ['tmapi', 'taobao'] }, 'provider'],
    [{ q: 'cup', priceMin: 50, priceMax: 10 }, 'priceMin'],
    [{ q: 'cup', language: 'de' }, 'language'],
  ] as const)('rejects %j naming %s, without any request', async (params, field) => {
    const { client, requests } = setup();
    const error = await failure(client.searchSuppliers(params as never));
    expect(error).toMatchObject({ kind: 'validation', field, status: null });
    expect(error.message).toContain(field);
    expect(requests).toHaveLength(0);
  });

  it('rejects an image search with both or neither image, without any request', async () => {
    const { client, requests } = setup();
    const both = await failure(
      client.searchProductsByImage({
        imageUrl: 'https://cbu01.alicdn.com/a.jpg',
        imageBase64: 'A'.repeat(20),
      }),
    );
    expect(both).toMatchObject({ kind: 'validation', field: 'imageUrl' });
    const neither = await failure(client.searchProductsByImage({}));
    expect(neither.message).toContain('exactly one of imageUrl or imageBase64');
    expect(requests).toHaveLength(0);
  });
});
