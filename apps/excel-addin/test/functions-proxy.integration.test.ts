import { createServer, type Socket } from 'node:net';
import { ProviderError } from '@yuantou/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { products, productsByImage, suppliers } from '../src/app/functions.js';
import { sharedRuntime } from '../src/app/shared-runtime.js';
import { stubCustomFunctions } from './custom-functions-global.js';
import { type DemoProxy, type GatewayLike, startDemoProxy } from './demo-proxy.js';

// The real custom functions (functions.ts, as Excel calls them) against the real proxy in demo mode over HTTP.

beforeEach(stubCustomFunctions);
afterEach(() => vi.unstubAllGlobals());

async function pointAt(url: string, token = '', timeoutSeconds = 40) {
  await sharedRuntime.update({ proxyUrl: url, token, timeoutSeconds });
}

describe('against the demo proxy', () => {
  let proxy: DemoProxy;
  // Importing the proxy's sources compiles them on the fly: on a loaded 2-core machine that alone has taken
  // over a minute, longer than the default hook timeout.
  beforeAll(async () => {
    proxy = await startDemoProxy();
  }, 180_000);
  afterAll(() => proxy.close());
  beforeEach(async () => {
    await pointAt(proxy.url);
    sharedRuntime.cache.clear();
    proxy.requests.length = 0;
  });

  it('=SUPPLIERS("玩具厂") spills a header and ranked demo suppliers', async () => {
    const rows = await suppliers('玩具厂', undefined, 5);
    expect(rows[0]).toEqual(expect.arrayContaining(['rank', 'score', 'company', 'link']));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThanOrEqual(6);
    const scores = rows.slice(1).map((r) => r[1] as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(rows.slice(1).map((r) => r[0])).toEqual(scores.map((_, i) => i + 1));
    expect(rows.slice(1).every((r) => String(r[10]).includes('demo'))).toBe(true);
  });

  it('100 cells with 10 distinct queries make the proxy see 10 requests', async () => {
    // 5 keywords × 2 sorts = 10 distinct queries; the row count varies per cell but does not make a new query
    // (every cell asks the proxy for the same candidate page and keeps its own best `count`).
    const keywords = ['玩具厂', 'T恤', '丝绸', '连衣裙', '手机壳'];
    const query = (i: number) => ({
      keyword: keywords[i % 5]!,
      sort: i % 10 < 5 ? 'score' : 'credit',
      count: (i % 7) + 1,
    });
    const cells = Array.from({ length: 100 }, (_, i) => {
      const q = query(i);
      return suppliers(q.keyword, [[`sort=${q.sort}`]], q.count, {});
    });
    const results = await Promise.all(cells);
    expect(proxy.requests).toHaveLength(10);
    expect(proxy.requests.every((u) => u.startsWith('/v1/suppliers?'))).toBe(true);
    results.forEach((rows, i) => {
      expect(rows).toHaveLength(query(i).count + 1);
    });
  });

  it('=PRODUCTS and =PRODUCTSBYIMAGE return product tables', async () => {
    const found = await products('毛绒玩具', [['sort=price_asc']], 3);
    expect(found[0]?.slice(0, 5)).toEqual(['rank', 'score', 'title', 'title (translated)', 'price (CNY)']);
    const byImage = await productsByImage('https://img.example.com/bear.jpg', undefined, 3);
    expect(byImage[0]?.[2]).toBe('title');
    expect(proxy.requests.map((u) => u.split('?')[0])).toEqual(['/v1/products', '/v1/products/by-image']);
  });

  it('language=en; currency=USD: English titles beside the originals, USD prices with their rate date', async () => {
    const HAN = /\p{Script=Han}/u;
    const found = await products('plush toy', [['language=en; currency=USD']], 5);
    const header = found[0]!;
    expect(header).toEqual([
      'rank',
      'score',
      'title (searched as 毛绒玩具)',
      'title (translated)',
      'price (CNY)',
      'MOQ',
      'monthly sales',
      'repurchase',
      'supplier',
      'link',
      'image URL',
      'flags',
      // Optional columns come after the base ones, never in the middle (result-rows.ts, optional-columns.ts).
      'member id',
      'place (translated)',
      'factory level (translated)',
      'flags (translated)',
      'price (USD)',
      'rate date',
      'as of',
      'stale',
    ]);
    expect(found.length).toBeGreaterThan(1);
    // The bundled demo rates: ECB 2024-03-13, CNY 7.8678 and USD 1.0939 per EUR.
    const cnyPerUsd = 7.8678 / 1.0939;
    for (const row of found.slice(1)) {
      expect(row[2]).toMatch(HAN);
      expect(row[3]).not.toBe('');
      expect(row[3]).not.toMatch(HAN);
      expect(row[17]).toBe('2024-03-13 (demo rates, stale)');
      // With language=en the seller's place is in English (Shantou, Guangdong), the Chinese kept in its column.
      if (row[14] !== '') expect(row[14]).not.toMatch(HAN);
      // Rounded to cents as a number (never 0.364778).
      if (row[4] === '') expect(row[16]).toBe('');
      else expect(row[16]).toBe(Math.round(((row[4] as number) / cnyPerUsd) * 100) / 100);
    }
    expect(proxy.requests[0]).toContain('language=en');
    expect(proxy.requests[0]).toContain('currency=USD');
  });

  it("the workbook's defaults are the default language and currency of every function", async () => {
    await sharedRuntime.update({ proxyUrl: proxy.url, token: '', language: 'en', currency: 'eur' });
    try {
      const found = await suppliers('玩具厂', undefined, 3);
      expect(found[0]).toEqual(expect.arrayContaining(['price from (EUR)', 'rate date']));
      // An explicit option wins over the setting.
      const cny = await suppliers('玩具厂', [['currency=GBP']], 3);
      expect(cny[0]).toEqual(expect.arrayContaining(['price from (GBP)']));
      expect(proxy.requests.every((u) => u.includes('language=en'))).toBe(true);
    } finally {
      await sharedRuntime.update({ proxyUrl: proxy.url, token: '' });
    }
  });

  it('a currency the rates do not list → an error naming it', async () => {
    await expect(products('玩具', [['currency=RUB']], 3)).rejects.toThrow(/currency RUB/);
  });

  it('no match → a single "no suppliers found" cell', async () => {
    expect(await suppliers('zzqxv-nothing-like-this', undefined, 5)).toEqual([['no suppliers found']]);
  });

  it('empty keyword and bad options → #VALUE! without asking the proxy', async () => {
    await expect(suppliers('  ', undefined, 5)).rejects.toMatchObject({
      code: '#VALUE!',
      message: 'keyword must not be empty',
    });
    await expect(suppliers('玩具厂', [['colour=red']], 5)).rejects.toMatchObject({
      code: '#VALUE!',
      message: expect.stringContaining('"colour"'),
    });
    expect(proxy.requests).toHaveLength(0);
  });
});

describe('cancel', () => {
  let proxy: DemoProxy;
  let release: () => void = () => {};
  beforeAll(async () => {
    // A gateway that holds every search until released, so a cell can be cancelled mid-request.
    proxy = await startDemoProxy({
      wrapGateway: (gateway: GatewayLike) => ({
        ...gateway,
        isReady: () => gateway.isReady(),
        close: () => gateway.close(),
        search: async (...args) => {
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return gateway.search(...args);
        },
      }),
    });
  });
  afterAll(async () => {
    release();
    await proxy.close();
  });

  it('cancelling every cell aborts the HTTP request', async () => {
    await pointAt(proxy.url);
    const a: { onCanceled?: () => void } = {};
    const b: { onCanceled?: () => void } = {};
    const first = suppliers('玩具厂', undefined, 4, a);
    const second = suppliers('玩具厂', undefined, 4, b);
    await vi.waitFor(() => expect(proxy.requests).toHaveLength(1), { timeout: 5000 });
    a.onCanceled?.();
    await expect(first).rejects.toMatchObject({ code: '#N/A', message: 'cancelled' });
    await new Promise((r) => setTimeout(r, 100));
    expect(proxy.aborted).toHaveLength(0);
    b.onCanceled?.();
    await expect(second).rejects.toBeDefined();
    await vi.waitFor(() => expect(proxy.aborted).toEqual([proxy.requests[0]]));
    expect(sharedRuntime.cache.pending).toBe(0);
  });
});

describe('errors become cell errors', () => {
  it('a proxy that accepts the connection and never answers → #N/A within the timeout, not #BUSY! forever', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      await pointAt(`http://127.0.0.1:${port}`, '', 5);
      const started = Date.now();
      await expect(suppliers('玩具厂', undefined, 3)).rejects.toMatchObject({
        code: '#N/A',
        message: 'proxy did not answer within 5 s',
      });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(4_900);
      expect(elapsed).toBeLessThan(9_000);
      expect(sockets.length).toBe(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
      await pointAt('http://127.0.0.1:8787');
    }
  });

  it('proxy not running → #N/A naming the URL', async () => {
    const closed = await startDemoProxy();
    await closed.close();
    await pointAt(closed.url);
    await expect(suppliers('玩具厂', undefined, 3)).rejects.toMatchObject({
      code: '#N/A',
      message: `Proxy not reachable at ${closed.url} — open yuantou → Settings to check the URL and that the proxy runs; if it does, allow local network access in your browser`,
    });
  });

  it("the proxy's daily budget spent → #N/A saying it resets 00:00 UTC", async () => {
    // The real proxy with a budget of one demo call a day: the second distinct search finds it spent.
    const budgeted = await startDemoProxy({ env: { YUANTOU_DEMO_DAILY_CALLS: '1' } });
    try {
      await pointAt(budgeted.url);
      expect((await suppliers('玩具厂', undefined, 3)).length).toBeGreaterThan(1);
      await expect(suppliers('毛绒玩具', undefined, 3)).rejects.toMatchObject({
        code: '#N/A',
        message: 'daily budget reached at demo; resets 00:00 UTC',
      });
    } finally {
      await budgeted.close();
    }
  });

  it('a proxy that requires a token → #VALUE! token rejected', async () => {
    const guarded = await startDemoProxy({ env: { YUANTOU_TOKENS: 'the-right-token-0123456789' } });
    try {
      await pointAt(guarded.url, 'a-wrong-token-0123456789');
      await expect(suppliers('玩具厂', undefined, 3)).rejects.toMatchObject({
        code: '#VALUE!',
        message: expect.stringMatching(/^token rejected/),
      });
      await pointAt(guarded.url, 'the-right-token-0123456789');
      expect((await suppliers('玩具厂', undefined, 3)).length).toBeGreaterThan(1);
    } finally {
      await guarded.close();
    }
  });

  it.each([
    ['quota', /^provider demo out of quota — top it up at the provider$/],
    ['rate_limited', /^provider demo busy/],
  ] as const)('a provider failing with %s → #N/A naming it', async (kind, message) => {
    const failing = await startDemoProxy({
      wrapGateway: (gateway: GatewayLike) => ({
        isReady: () => gateway.isReady(),
        close: () => gateway.close(),
        search: async (provider) => {
          throw new ProviderError({
            provider: provider as 'demo',
            kind,
            message: `${kind} at the provider`,
            status: 200,
          });
        },
      }),
    });
    try {
      await pointAt(failing.url);
      await expect(suppliers('玩具厂', undefined, 3)).rejects.toMatchObject({
        code: '#N/A',
        message: expect.stringMatching(message),
      });
    } finally {
      await failing.close();
    }
  });
});
