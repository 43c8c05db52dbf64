import { createClient } from '@yuantou/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { supplierOffers } from '../src/app/functions.js';
import { sharedRuntime } from '../src/app/shared-runtime.js';
import { stubCustomFunctions } from './custom-functions-global.js';
import { type DemoProxy, startDemoProxy } from './demo-proxy.js';

// The real =SUPPLIEROFFERS (functions.ts, as Excel calls it) against the real proxy in demo mode over HTTP: the
// supplier's own products with =PRODUCTS' columns, ranked, a shop link resolved, identical cells asking once,
// bad input at no cost.

beforeEach(stubCustomFunctions);
afterEach(() => vi.unstubAllGlobals());

const offersRequests = (proxy: DemoProxy) => proxy.requests.filter((u) => /\/offers(\?|$)/.test(u));

describe('=SUPPLIEROFFERS against the demo proxy', () => {
  let proxy: DemoProxy;
  let member: { id: string; nick: string | null };
  let own: string[];
  beforeAll(async () => {
    proxy = await startDemoProxy();
    const client = createClient({ baseUrl: proxy.url });
    member = (await client.searchSuppliers({ q: '玩具', pageSize: 5 })).items[0]!;
    own = (await client.supplierOffers(member.id, { pageSize: 50 })).items.map((p) => p.title);
  });
  afterAll(() => proxy.close());
  beforeEach(async () => {
    await sharedRuntime.update({ proxyUrl: proxy.url, token: '' });
    sharedRuntime.cache.clear();
    proxy.requests.length = 0;
  });

  it('spills a header and the supplier’s own products, ranked, with the currency asked for', async () => {
    const rows = await supplierOffers(member.id, 2, [['currency=EUR; rich=off']], {});
    const header = rows[0] as string[];
    expect(header.slice(0, 3)).toEqual(['rank', 'score', 'title']);
    expect(header.some((h) => h.includes('EUR'))).toBe(true);
    expect(rows).toHaveLength(3);
    const titles = rows.slice(1).map((r) => r[2]);
    for (const title of titles) expect(own).toContain(title);
    const scores = rows.slice(1).map((r) => Number(r[1]));
    expect(scores[0]).toBeGreaterThanOrEqual(scores[1]!);
    expect(offersRequests(proxy)).toHaveLength(1);
    expect(offersRequests(proxy)[0]).toContain('currency=EUR');
  });

  it('a login id reaches the same catalogue; the same cell twice asks once', async () => {
    const [a, b] = await Promise.all([
      supplierOffers(member.nick!, 3, undefined, {}),
      supplierOffers(member.nick!, 3, undefined, {}),
    ]);
    expect(a).toEqual(b);
    expect(a.slice(1).every((r) => own.includes(String(r[2])))).toBe(true);
    expect(offersRequests(proxy)).toHaveLength(1);
  });

  it('a bad id, count or option is #VALUE! naming it, without a request', async () => {
    await expect(
      supplierOffers('https://detail.1688.com/offer/1.html', 3, undefined, {}),
    ).rejects.toMatchObject({
      code: '#VALUE!',
      message: expect.stringContaining('id'),
    });
    await expect(supplierOffers(member.id, 0, undefined, {})).rejects.toMatchObject({
      message: expect.stringContaining('count'),
    });
    await expect(supplierOffers(member.id, 3, [['currency=EURO']], {})).rejects.toMatchObject({
      message: expect.stringContaining('currency'),
    });
    await expect(supplierOffers(member.id, 3, [['keyword=x']], {})).rejects.toMatchObject({
      message: expect.stringContaining('keyword'),
    });
    expect(offersRequests(proxy)).toEqual([]);
  });
});
