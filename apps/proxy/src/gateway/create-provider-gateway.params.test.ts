import { type AnyProviderAdapter, SupplierQuery, tmapiAdapter } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { sendJson, startTestServer } from '../upstream/__fixtures__/test-server.js';
import { createHarness, useGatewayTest } from './__fixtures__/gateway-harness.js';

// The cache and single-flight key on what would be sent (`map(query).params`), not on what was asked: queries
// that differ only in what a provider ignores or clamps are one paid call, and a cache hit signs nothing.

const t = useGatewayTest();

/** The real TMAPI adapter, counting how often its factory search signs a request. */
function countingTmapi() {
  const counter = { signs: 0 };
  const operation = tmapiAdapter.searchSuppliers;
  const adapter: AnyProviderAdapter = {
    ...tmapiAdapter,
    searchSuppliers: {
      ...operation,
      sign: (...args: Parameters<typeof operation.sign>) => {
        counter.signs++;
        return operation.sign(...args);
      },
    },
  };
  return { adapter, counter };
}

const factoryPage = {
  code: 200,
  msg: 'success',
  data: { page: 1, page_size: 20, total_count: 0, keywords: '玩具厂', sort: 'default', items: [] },
};

describe('ProviderGateway.search: keyed on mapped params', () => {
  it('makes one upstream call for 5 queries that differ only in ignored or clamped fields', async () => {
    t.server = await startTestServer(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sendJson(res, 200, factoryPage);
    });
    const { adapter, counter } = countingTmapi();
    t.harness = createHarness({
      baseUrl: t.server.url,
      provider: 'tmapi',
      settings: { adapter, credentials: { apiToken: 'tmapi-token-123456', baseUrl: t.server.url } },
    });
    const queries = [
      { keyword: '玩具厂' },
      // TMAPI pages hold at most 20: 50 and 100 are clamped to the same request.
      { keyword: '玩具厂', pageSize: 50 },
      // The factory search takes no city or province: ignored, so not part of the paid call.
      { keyword: '玩具厂', city: '汕头' },
      { keyword: '玩具厂', province: '广东', pageSize: 100 },
      // Every factory-search result is a factory: honoured by construction, nothing to send.
      { keyword: '玩具厂', factoryOnly: true },
    ].map((input) => SupplierQuery.parse(input));

    const results = await Promise.all(
      queries.map((query) => t.harness!.gateway.search('tmapi', 'searchSuppliers', query)),
    );
    expect(t.server.requests).toBe(1);
    expect(counter.signs).toBe(1);
    expect(results.map((result) => result.ignored)).toEqual([[], [], ['city'], ['province'], []]);

    // Cache hits: still one upstream call, and not one more signature computed.
    for (const query of queries) {
      expect(await t.harness.gateway.search('tmapi', 'searchSuppliers', query)).toMatchObject({
        fromCache: true,
      });
    }
    expect(t.server.requests).toBe(1);
    expect(counter.signs).toBe(1);
  });

  it('still tells apart queries whose sent parameters differ', async () => {
    t.server = await startTestServer((_req, res) => sendJson(res, 200, factoryPage));
    const { adapter, counter } = countingTmapi();
    t.harness = createHarness({
      baseUrl: t.server.url,
      provider: 'tmapi',
      settings: { adapter, credentials: { apiToken: 'tmapi-token-123456', baseUrl: t.server.url } },
    });
    for (const input of [
      { keyword: '玩具厂' },
      { keyword: '玩具厂', page: 2 },
      { keyword: '玩具厂', pageSize: 10 },
    ])
      await t.harness.gateway.search('tmapi', 'searchSuppliers', SupplierQuery.parse(input));
    expect(t.server.requests).toBe(3);
    expect(counter.signs).toBe(3);
    expect(t.server.paths.map((path) => new URL(path, t.server!.url).searchParams.get('page_size'))).toEqual([
      '20',
      '20',
      '10',
    ]);
  });
});
