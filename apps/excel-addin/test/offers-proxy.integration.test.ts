import { createClient, ProviderError } from '@yuantou/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { offer, offers, priceAt } from '../src/app/functions.js';
import { sharedRuntime } from '../src/app/shared-runtime.js';
import { stubCustomFunctions } from './custom-functions-global.js';
import { type DemoProxy, type GatewayLike, startDemoProxy } from './demo-proxy.js';

// The real =OFFER, =OFFERS and =PRICEAT (functions.ts, as Excel calls them) against the real proxy in demo
// mode over HTTP: how many requests a recalculation costs, and what the cells show.

beforeEach(stubCustomFunctions);
afterEach(() => vi.unstubAllGlobals());

async function pointAt(url: string) {
  await sharedRuntime.update({ proxyUrl: url, token: '' });
  sharedRuntime.offerCache.clear();
}

/** Demo offer ids, found through a product search like a buyer would. */
async function demoIds(proxy: DemoProxy, count: number): Promise<string[]> {
  const client = createClient({ baseUrl: proxy.url });
  const ids = new Set<string>();
  for (const q of ['玩具', 'T恤', '丝绸', '连衣裙', '手机壳', '包装']) {
    for (const item of (await client.searchProducts({ q, pageSize: 100 })).items) ids.add(item.id);
    if (ids.size >= count) break;
  }
  return [...ids].slice(0, count);
}

const link = (id: string, i = 0) => `https://detail.1688.com/offer/${id}.html?spm=a26352.${i}`;
const offerRequests = (proxy: DemoProxy) => proxy.requests.filter((u) => u.startsWith('/v1/offers'));

describe('offer functions against the demo proxy', () => {
  let proxy: DemoProxy;
  let ids: string[];
  beforeAll(async () => {
    proxy = await startDemoProxy();
    ids = await demoIds(proxy, 100);
  });
  afterAll(() => proxy.close());
  beforeEach(async () => {
    await pointAt(proxy.url);
    proxy.requests.length = 0;
  });

  it('500 =OFFER cells over 100 links: one POST /v1/offers, 100 upstream calls, then none from a new session', async () => {
    expect(ids).toHaveLength(100);
    const before = await proxy.upstreamCalls('getOffer');
    const cells = Array.from({ length: 500 }, (_, i) =>
      offer(link(ids[i % 100]!, i), 'id,price,priceMin', undefined, {}),
    );
    const rows = await Promise.all(cells);
    expect(offerRequests(proxy)).toEqual(['/v1/offers']);
    expect((await proxy.upstreamCalls('getOffer')) - before).toBe(100);
    rows.forEach((row, i) => {
      expect(row).toHaveLength(1);
      expect(row[0]![0]).toBe(ids[i % 100]);
      // Priced at the MOQ; blank only for the demo offers that list no price at all.
      const [, price, lowest] = row[0]!;
      expect(typeof price === 'number').toBe(lowest !== '');
    });

    // A fresh workbook session (empty add-in cache): one more request, answered from the proxy's cache.
    await pointAt(proxy.url);
    await Promise.all(
      Array.from({ length: 500 }, (_, i) => offer(link(ids[i % 100]!, i), 'id', undefined, {})),
    );
    expect(offerRequests(proxy)).toHaveLength(2);
    expect((await proxy.upstreamCalls('getOffer')) - before).toBe(100);
  });

  it('=OFFERS spills a header and one row per link; =PRICEAT prices a tier and refuses below the MOQ', async () => {
    const [a, b] = ids;
    const table = await offers(
      [[link(a!)], [b!], ['https://item.taobao.com/item.htm?id=1']],
      'id,moq,price',
      undefined,
    );
    expect(table[0]).toEqual(['offer id', 'MOQ', 'price (CNY)', 'as of', 'stale']);
    expect(table.slice(1, 3).map((r) => r[0])).toEqual([a, b]);
    // A failed row is a real Excel error in its first cell (ISERROR/IFNA work), the others unaffected.
    expect(table[3]![0]).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('Taobao') });
    // As of: an Excel date-time within the last day.
    const asOf = table[1]![3] as number;
    const nowSerial = Date.now() / 86_400_000 + 25_569 - new Date().getTimezoneOffset() / 1440;
    expect(nowSerial - asOf).toBeGreaterThanOrEqual(0);
    expect(nowSerial - asOf).toBeLessThan(1);
    const moq = table[1]![1] as number;
    expect(moq).toBeGreaterThan(0);

    const unitPrice = await priceAt(link(a!), moq, undefined, undefined, {});
    expect(unitPrice).toEqual(expect.any(Number));
    if (moq > 1) {
      await expect(priceAt(link(a!), moq - 1, undefined, undefined, {})).rejects.toMatchObject({
        code: '#N/A',
        message: expect.stringMatching(new RegExp(`^minimum order is ${moq} `)),
      });
    }
    await expect(priceAt(link(a!), moq, 'no-such-variant', undefined, {})).rejects.toMatchObject({
      code: '#VALUE!',
      message: expect.stringContaining('no-such-variant'),
    });
    // The table, the price and the refusals came from the one offer lookup of the first recalculation.
    expect(offerRequests(proxy)).toHaveLength(1);
  });

  it('language=en; currency=USD: English title, USD after the picked columns with the demo rate date, =PRICEAT in USD, one request', async () => {
    const [a] = ids;
    const [cells, price, cnyPrice] = await Promise.all([
      offer(link(a!), 'title,translated,price,unit', [['language=en; currency=USD; header']], {}),
      priceAt(link(a!), 1000, undefined, 'USD', {}),
      priceAt(link(a!), 1000, undefined, undefined, {}),
    ]);
    const [header, row] = cells;
    // The picked fields in their order, then the converted twin and the rate date (never in the middle).
    expect(header).toEqual([
      'title',
      'title (translated)',
      'price (CNY)',
      'unit',
      'price (USD)',
      'rate date',
      'as of',
      'stale',
    ]);
    const [title, translated, cny, unit, usd, rateDate] = row!;
    expect(title).toMatch(/\p{Script=Han}/u);
    expect(translated).toMatch(/^[A-Za-z]/);
    expect(unit).toBe('件');
    expect(rateDate).toMatch(/demo rates/);
    expect([typeof cny, typeof usd]).toEqual(['number', 'number']);
    expect(usd as number).toBeLessThan(cny as number);
    // The cell is rounded to cents; =PRICEAT keeps the exact conversion (meant to be multiplied).
    expect(usd).toBe(Math.round((cny as number) * (price / cnyPrice) * 100) / 100);
    // The =OFFER (en, USD), =PRICEAT (USD) and =PRICEAT (CNY) groups went out together: one request each.
    expect(offerRequests(proxy)).toHaveLength(3);
  });

  it('a link to another site is #VALUE! naming it, without asking the proxy', async () => {
    await expect(
      offer('https://detail.tmall.com/item.htm?id=612345678901', undefined, undefined, {}),
    ).rejects.toMatchObject({
      code: '#VALUE!',
      message: expect.stringContaining('Tmall'),
    });
    expect(offerRequests(proxy)).toHaveLength(0);
  });

  it('an unknown offer id is #N/A saying it was not found', async () => {
    await expect(offer('999999999999', undefined, undefined, {})).rejects.toMatchObject({
      code: '#N/A',
      message: expect.stringContaining('not found'),
    });
  });
});

describe('a failing batch', () => {
  it('rejects every waiting cell with the proxy error: none stays #BUSY!', async () => {
    const failing = await startDemoProxy();
    await failing.close();
    await pointAt(failing.url);
    const cells = ['612345678901', '612345678902', '612345678901'].map((id) =>
      offer(id, undefined, undefined, {}),
    );
    const outcomes = await Promise.allSettled(cells);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const o of outcomes) {
      expect((o as PromiseRejectedResult).reason).toMatchObject({
        code: '#N/A',
        message: `Proxy not reachable at ${failing.url} — open yuantou → Settings to check the URL and that the proxy runs; if it does, allow local network access in your browser`,
      });
    }
  });

  it('a provider failing for one offer fails only that cell', async () => {
    const partly = await startDemoProxy({
      wrapGateway: (gateway: GatewayLike) => ({
        ...gateway,
        isReady: () => gateway.isReady(),
        close: () => gateway.close(),
        getOffer: async (provider: string, query: { id: string }, signal?: AbortSignal) => {
          if (query.id === '612345678902') {
            throw new ProviderError({ provider: 'demo', kind: 'quota', message: 'demo: quota exhausted' });
          }
          return gateway.getOffer!(provider, query, signal);
        },
      }),
    });
    try {
      await pointAt(partly.url);
      const proxy = partly;
      const [id] = await demoIds(proxy, 1);
      const outcomes = await Promise.allSettled([
        offer(id!, 'id', undefined, {}),
        offer('612345678902', 'id', undefined, {}),
      ]);
      expect(outcomes[0]).toEqual({ status: 'fulfilled', value: [[id, expect.any(Number), '']] });
      expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({
        code: '#N/A',
        message: expect.stringContaining('quota exhausted'),
      });
      expect(offerRequests(proxy)).toHaveLength(1);
    } finally {
      await partly.close();
    }
  });
});
