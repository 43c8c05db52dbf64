import { createClient } from '@yuantou/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { supplier } from '../src/app/functions.js';
import { sharedRuntime } from '../src/app/shared-runtime.js';
import { stubCustomFunctions } from './custom-functions-global.js';
import { type DemoProxy, startDemoProxy } from './demo-proxy.js';

// The real =SUPPLIER (functions.ts, as Excel calls it) against the real proxy in demo mode over HTTP: every id
// form, what a column of repeated ids costs, and what a bad id costs (nothing).

beforeEach(stubCustomFunctions);
afterEach(() => vi.unstubAllGlobals());

const supplierRequests = (proxy: DemoProxy) => proxy.requests.filter((u) => u.startsWith('/v1/suppliers/'));

describe('=SUPPLIER against the demo proxy', () => {
  let proxy: DemoProxy;
  let demo: { id: string; nick: string | null; name: string | null; isFactory: boolean | null }[];
  beforeAll(async () => {
    proxy = await startDemoProxy();
    const found = await createClient({ baseUrl: proxy.url }).searchSuppliers({ q: '玩具', pageSize: 50 });
    demo = found.items;
  });
  afterAll(() => proxy.close());
  beforeEach(async () => {
    await sharedRuntime.update({ proxyUrl: proxy.url, token: '' });
    sharedRuntime.cache.clear();
    proxy.requests.length = 0;
  });

  it('a member id, its winport link and its login id give the same supplier row', async () => {
    const first = demo[0]!;
    const byId = await supplier(first.id, 'company,memberId,verdict,creditCode', {});
    expect(byId).toHaveLength(1);
    expect(byId[0]![0]).toBe(first.name);
    expect(byId[0]![1]).toBe(first.id);
    expect(String(byId[0]![2])).toMatch(/^(Factory|Trader|Unclear) — /);
    expect(String(byId[0]![3])).toMatch(/^9[12]\d{6}[0-9A-Z]{10}$/);
    const byLink = await supplier(
      `https://winport.m.1688.com/page/index.html?memberId=${first.id}`,
      'memberId',
      {},
    );
    const byLogin = await supplier(first.nick!, 'memberId', {});
    expect([byLink[0]![0], byLogin[0]![0]]).toEqual([first.id, first.id]);
  });

  it('a column repeating 10 suppliers 5 times: 10 requests', async () => {
    const ids = demo.slice(0, 10).map((s) => s.id);
    const rows = await Promise.all(
      Array.from({ length: 50 }, (_, i) => supplier(ids[i % 10]!, 'memberId', {})),
    );
    expect(rows.map((r) => r[0]![0])).toEqual(Array.from({ length: 50 }, (_, i) => ids[i % 10]));
    expect(supplierRequests(proxy)).toHaveLength(10);
  });

  it('a demo trader reads as a trader, with its reasons', async () => {
    const trader = demo.find((s) => s.isFactory === false)!;
    const [row] = await supplier(trader.id, 'verdict,signals,catalogue', {});
    expect(String(row![0])).toMatch(/^Trader — .*1688 does not list it as a factory/);
    expect(String(row![1])).toContain('trader: declares no manufacture type');
    expect(row![2]).toBeGreaterThanOrEqual(1200);
  });

  it('a bad id or field is #VALUE! without a request', async () => {
    await expect(supplier('https://detail.1688.com/offer/1.html', undefined, {})).rejects.toMatchObject({
      code: '#VALUE!',
      message: expect.stringContaining('id_or_link'),
    });
    await expect(supplier(demo[0]!.id, 'company,nonsense', {})).rejects.toMatchObject({
      code: '#VALUE!',
      message: expect.stringContaining('nonsense'),
    });
    expect(supplierRequests(proxy)).toEqual([]);
  });
});
