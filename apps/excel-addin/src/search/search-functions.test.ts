import type { SearchParamsInput } from '@yuantou/core';
import { describe, expect, it, vi } from 'vitest';
import { RECALC_MAX_AGE_SECONDS } from '../cells/freshness.js';
import { InputError } from '../cells/input-error.js';
import { QueryCache } from '../cells/query-cache.js';
import { FakeProxyClient } from './__fixtures__/fake-proxy-client.js';
import { CANDIDATE_POOL, createSearchFunctions } from './search-functions.js';

function setup() {
  const client = new FakeProxyClient();
  const cache = new QueryCache({ ttlMs: 60_000, maxEntries: 100 });
  return { client, cache, fns: createSearchFunctions({ client: () => client, cache }) };
}

describe('SUPPLIERS', () => {
  it('returns a header row and `count` ranked suppliers', async () => {
    const { fns } = setup();
    const rows = await fns.suppliers('玩具厂', undefined, 3, undefined);
    expect(rows).toHaveLength(4);
    expect(rows[0]?.[2]).toBe('company');
    expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      [1, '玩具厂 1'],
      [2, '玩具厂 2'],
      [3, '玩具厂 3'],
    ]);
  });

  it('sends the keyword and the parsed options, asking for a full candidate page whatever the count', async () => {
    const { fns, client } = setup();
    await fns.suppliers(
      '  玩具厂 ',
      [['provider=tmapi,onebound; factoryOnly; city=汕头; sort=repurchase']],
      5,
      undefined,
    );
    // Core's schema output: validated and normalised, with its defaults (page 1).
    expect(client.requests[0]?.params).toEqual({
      q: '玩具厂',
      provider: ['tmapi', 'onebound'],
      factoryOnly: true,
      city: '汕头',
      sort: 'repurchase',
      page: 1,
      pageSize: CANDIDATE_POOL,
      // Ordinary recalculation reuses whatever was paid for (cells/freshness.ts).
      maxAge: RECALC_MAX_AGE_SECONDS,
    });
  });

  it('sends `language` (and any other parameter core accepts) with no add-in code for it', async () => {
    const { fns, client } = setup();
    await fns.products('玩具', [['lang', 'EN']], 2, undefined);
    expect(client.requests[0]?.params).toMatchObject({ q: '玩具', language: 'en' });
  });

  it('answers differently spelled but equal options from one request', async () => {
    const { fns, client } = setup();
    await fns.suppliers('玩具厂', [['moq=100; Provider=DEMO']], 2, undefined);
    await fns.suppliers(
      '玩具厂',
      [
        ['minOrder', 100],
        ['providers', 'demo'],
      ],
      3,
      undefined,
    );
    expect(client.requests).toHaveLength(1);
  });

  it('keeps the best `count` of the candidates, not the provider`s first `count`', async () => {
    // Like the real proxy: the provider lists its weakest suppliers first, and the proxy ranks only the
    // candidates it was asked to fetch. Asking for `count` rows would rank 玩具厂 1–3 among themselves.
    class RankingProxy extends FakeProxyClient {
      override async searchSuppliers(params: SearchParamsInput, opts?: { signal?: AbortSignal }) {
        const answer = await super.searchSuppliers(params, opts);
        const scored = answer.items.map((supplier, i) => ({ ...supplier, score: i + 1 }));
        return { ...answer, items: scored.sort((a, b) => b.score - a.score) };
      }
    }
    const client = new RankingProxy();
    client.found = 30;
    const fns = createSearchFunctions({
      client: () => client,
      cache: new QueryCache({ ttlMs: 60_000, maxEntries: 100 }),
    });
    const rows = await fns.suppliers('玩具厂', undefined, 3, undefined);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['玩具厂 30', '玩具厂 29', '玩具厂 28']);
  });

  it('asks for more than the pool when count exceeds it', async () => {
    const { fns, client } = setup();
    await fns.suppliers('玩具厂', undefined, 80, undefined);
    expect(client.requests[0]?.params).toMatchObject({ pageSize: 80 });
  });

  it('defaults to 10 rows', async () => {
    const { fns } = setup();
    expect(await fns.suppliers('玩具厂', undefined, undefined, undefined)).toHaveLength(11);
  });

  it('100 cells over 10 distinct queries make 10 requests, and each cell gets its own query`s rows', async () => {
    const { fns, client } = setup();
    let open!: () => void;
    client.gate = new Promise((resolve) => {
      open = resolve;
    });
    const keywords = Array.from({ length: 10 }, (_, i) => `kw${i}`);
    // Different spellings of the same options must share a request.
    const spellings = [
      [['factoryOnly; city=汕头']],
      [['city=汕头;factoryonly']],
      [
        ['factory', 'yes'],
        ['City', '汕头'],
      ],
    ];
    const cells = Array.from({ length: 100 }, (_, i) =>
      fns.suppliers(keywords[i % 10]!, spellings[i % 3] as never, 2, new AbortController().signal),
    );
    open();
    const results = await Promise.all(cells);
    expect(client.requests).toHaveLength(10);
    expect(results.map((rows) => rows[1]?.[2])).toEqual(cells.map((_, i) => `${keywords[i % 10]} 1`));
    // Recalculating the same cells later is answered from memory.
    await Promise.all(keywords.map((k) => fns.suppliers(k, [['factoryOnly; city=汕头']], 2, undefined)));
    expect(client.requests).toHaveLength(10);
  });

  it('shares one request between counts within the candidate pool, but not between options or functions', async () => {
    const { fns, client } = setup();
    const two = await fns.suppliers('玩具厂', undefined, 2, undefined);
    const three = await fns.suppliers('玩具厂', undefined, 3, undefined);
    expect([two.length, three.length]).toEqual([3, 4]);
    await fns.suppliers('玩具厂', [['factoryOnly']], 3, undefined);
    await fns.products('玩具厂', undefined, 3, undefined);
    expect(client.requests).toHaveLength(3);
  });

  it('aborts the HTTP request when the only cell waiting on it is cancelled', async () => {
    const { fns, client } = setup();
    client.gate = new Promise(() => {});
    const cancel = new AbortController();
    const cell = fns.suppliers('玩具厂', undefined, 2, cancel.signal);
    await vi.waitFor(() => expect(client.requests).toHaveLength(1));
    cancel.abort();
    await expect(cell).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.requests[0]?.signal?.aborted).toBe(true);
  });

  it('returns one "no suppliers found" cell when nothing matches', async () => {
    const { fns, client } = setup();
    client.found = 0;
    expect(await fns.suppliers('无此物', undefined, 5, undefined)).toEqual([['no suppliers found']]);
  });

  it.each([
    ['', undefined, undefined, InputError, /keyword must not be empty/],
    ['   ', undefined, undefined, InputError, /keyword/],
    ['玩具厂', undefined, 0, InputError, /count/],
    ['玩具厂', undefined, 2.5, InputError, /count/],
    ['玩具厂', undefined, 101, InputError, /count/],
    ['玩具厂', [['colour=red']], undefined, InputError, /option "colour"/],
    [
      '玩具厂',
      [['language=klingon']],
      undefined,
      InputError,
      /option "language": "klingon" is not one of zh, en/,
    ],
    ['玩具厂', [['moq=2.5']], undefined, InputError, /option "moq": "2.5" is not a whole number/],
  ])(
    'rejects keyword %j options %j count %j before calling the proxy',
    async (keyword, options, count, type, message) => {
      const { fns, client } = setup();
      const result = fns.suppliers(keyword, options, count, undefined);
      await expect(result).rejects.toBeInstanceOf(type);
      await expect(result).rejects.toThrow(message);
      expect(client.requests).toHaveLength(0);
    },
  );
});

describe('PRODUCTS and PRODUCTSBYIMAGE', () => {
  it('PRODUCTS lists products with prices', async () => {
    const { fns, client } = setup();
    const rows = await fns.products('毛绒玩具', [['priceMax=20; moq=100']], 2, undefined);
    expect(client.requests[0]).toMatchObject({
      operation: 'searchProducts',
      params: { q: '毛绒玩具', priceMax: 20, minOrder: 100, pageSize: CANDIDATE_POOL },
    });
    expect(rows.map((r) => r[4])).toEqual(['price (CNY)', 1, 2]);
  });

  it('PRODUCTSBYIMAGE posts the image URL', async () => {
    const { fns, client } = setup();
    const rows = await fns.productsByImage('https://img.example.com/bear.jpg', undefined, 1, undefined);
    expect(client.requests[0]).toMatchObject({
      operation: 'searchProductsByImage',
      params: { imageUrl: 'https://img.example.com/bear.jpg', pageSize: CANDIDATE_POOL },
    });
    expect(rows[1]?.[2]).toBe('image product 1');
  });

  it('PRODUCTSBYIMAGE takes any https image URL with region and keyword options (issue 26)', async () => {
    const { fns, client } = setup();
    await fns.productsByImage(
      'https://shop.example.com/photos/bear.webp',
      [['region=120,480,80,560; keyword=毛绒']],
      1,
      undefined,
    );
    expect(client.requests[0]).toMatchObject({
      operation: 'searchProductsByImage',
      params: {
        imageUrl: 'https://shop.example.com/photos/bear.webp',
        region: '120,480,80,560',
        keyword: '毛绒',
      },
    });
    await expect(
      fns.productsByImage('https://shop.example.com/bear.jpg', [['region=left half']], 1, undefined),
    ).rejects.toThrow(/region/);
  });

  it('PRODUCTSBYIMAGE rejects text that is not a link', async () => {
    const { fns } = setup();
    await expect(fns.productsByImage('bear.jpg', undefined, 1, undefined)).rejects.toThrow(/http\(s\) link/);
  });
});
