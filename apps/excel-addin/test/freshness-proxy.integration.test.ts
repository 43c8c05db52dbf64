import { createClient } from '@yuantou/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshSwitch } from '../src/cells/freshness.js';
import { type DemoProxy, startDemoProxy } from './demo-proxy.js';
import { expire as livingExpire, session, shortCacheConfig } from './living-workbook.js';

// "No paid call unless the buyer asks" (issue 22), counted in upstream calls at the real proxy in demo mode. The
// proxy's caches last 1 s here; after they expired, a new workbook session (an empty add-in memory: Excel on the
// web reloading, a reopened file recalculated by Ctrl+Alt+F9, rows inserted or sorted) re-evaluates the same
// formulas. Ordinary recalculation must cost 0 upstream calls (the proxy's stored answers are reused, whatever
// their age); a formula's maxage, and a refresh from the pane, pay — once per distinct lookup.

const TTL_SECONDS = 1;
const expire = () => livingExpire(TTL_SECONDS);

describe('recalculation after the proxy cache expired, against the demo proxy', () => {
  let proxy: DemoProxy;
  let links: string[];
  let member: string;
  beforeAll(async () => {
    proxy = await startDemoProxy({ env: { YUANTOU_CONFIG: shortCacheConfig(TTL_SECONDS) } });
    const client = createClient({ baseUrl: proxy.url });
    const { items } = await client.searchProducts({ q: 'T恤', pageSize: 20 });
    links = items.slice(0, 5).map((p) => `https://detail.1688.com/offer/${p.id}.html`);
    expect(links).toHaveLength(5);
    member = (await client.searchSuppliers({ q: '玩具', pageSize: 5 })).items[0]!.id;
  });
  afterAll(() => proxy.close());

  /** The sheet: a column of 5 links twice over, two searches and a supplier card (=SUPPLIER has no options). */
  const sheet = (runtime: Awaited<ReturnType<typeof session>>, options?: string) =>
    Promise.all([
      runtime.offers.offers(
        [...links, ...links].map((l) => [l]),
        'id,price',
        options ? [[options]] : undefined,
      ),
      runtime.functions.products('毛绒玩具', options ? [[options]] : undefined, 5),
      runtime.functions.suppliers('玩具厂', options ? [[options]] : undefined, 5),
      options ? Promise.resolve([]) : runtime.suppliers.supplier(member, 'company'),
    ]);

  it('ordinary recalculation costs 0 upstream calls; maxage pays once per offer; a refresh pays the distinct lookups', async () => {
    const first = await proxy.upstreamCalls();
    const [table] = await sheet(await session(proxy));
    const filled = (await proxy.upstreamCalls()) - first;
    // 5 offers, a product and a supplier search and a supplier card (one demo provider each).
    expect(filled).toBe(8);
    const asOf = table[1]!.at(-2);
    expect(typeof asOf).toBe('number');

    await expire();
    const before = await proxy.upstreamCalls();
    const [again] = await sheet(await session(proxy));
    expect((await proxy.upstreamCalls()) - before).toBe(0);
    // The same values, still saying when they were fetched.
    expect(again[1]!.at(-2)).toBe(asOf);

    // maxage=1s on the formulas: their values are older than that, so each distinct lookup is bought again.
    const beforeMaxAge = await proxy.upstreamCalls();
    await sheet(await session(proxy), 'maxage=1s');
    expect((await proxy.upstreamCalls()) - beforeMaxAge).toBe(7);

    // The pane's refresh: maxAge=0, once per distinct lookup however many cells ask it.
    const runtime = await session(proxy);
    await sheet(runtime);
    const beforeRefresh = await proxy.upstreamCalls();
    const run = refreshSwitch.begin();
    try {
      const [refreshed] = await sheet(runtime);
      expect(refreshed[1]!.at(-2)).toBeGreaterThan(asOf as number);
    } finally {
      run.end();
    }
    expect((await proxy.upstreamCalls()) - beforeRefresh).toBe(8);
    // And after it, ordinary recalculation again pays nothing.
    await expire();
    const afterRefresh = await proxy.upstreamCalls();
    await sheet(await session(proxy));
    expect((await proxy.upstreamCalls()) - afterRefresh).toBe(0);

    // =OFFERHISTORY: one snapshot per paid fetch (the fill, maxage=1s, the refresh), oldest first; free to read.
    const beforeHistory = await proxy.upstreamCalls();
    const history = await (await session(proxy)).history.offerHistory(links[0], 'price', null, null);
    expect(history[0]).toEqual(['fetched at', 'lowest price (CNY)']);
    const times = history.slice(1).map((row) => row[0] as number);
    expect(times).toHaveLength(3);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBe(asOf);
    expect((await proxy.upstreamCalls()) - beforeHistory).toBe(0);
  });
});
