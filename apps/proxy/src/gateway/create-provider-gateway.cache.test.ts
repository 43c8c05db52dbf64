import type { ProviderAdapter } from '@yuantou/core';
import { describe, expect, it, vi } from 'vitest';
import { productQuery } from '../upstream/__fixtures__/test-adapter.js';
import { delay, sendJson, startTestServer } from '../upstream/__fixtures__/test-server.js';
import {
  createHarness,
  metricValue,
  okServer,
  page,
  SECRET_KEY,
  useGatewayTest,
} from './__fixtures__/gateway-harness.js';

const t = useGatewayTest();

describe('ProviderGateway.search: cache', () => {
  it('misses, hits, serves stale while refreshing once in the background, and never caches errors', async () => {
    t.server = await okServer();
    t.harness = createHarness({
      baseUrl: t.server.url,
      gateway: {
        cache: {
          // Long enough that a loaded machine still reads the refreshed entry as fresh right after the refresh.
          ttlSeconds: { searchSuppliers: 1, searchProducts: 1, searchProductsByImage: 1 },
          staleSeconds: 30,
          maxBytes: 1_000_000,
        },
      },
    });
    const search = () => t.harness!.gateway.search('onebound', 'searchProducts', productQuery('dress'));
    expect(await search()).toMatchObject({
      fromCache: false,
      stale: false,
      page: { items: [{ id: 'item-0' }] },
    });
    expect(await search()).toMatchObject({
      fromCache: true,
      stale: false,
      page: { items: [{ id: 'item-0' }] },
    });
    expect(t.server.requests).toBe(1);

    await delay(1050);
    const stale = await Promise.all([search(), search(), search()]);
    expect(stale.every((r) => r.fromCache && r.stale && r.page.items[0]?.id === 'item-0')).toBe(true);
    // The one background refresh: waited for rather than timed, so a loaded machine cannot fail it.
    await vi.waitFor(() => expect(t.server!.requests).toBe(2), { timeout: 5000, interval: 20 });
    await delay(100);
    expect(await search()).toMatchObject({
      fromCache: true,
      stale: false,
      page: { items: [{ id: 'item-1' }] },
    });
    expect(t.server.requests).toBe(2);

    const count = (result: string) =>
      metricValue(t.harness!.registry, 'yuantou_cache_total', { operation: 'searchProducts', result });
    expect([await count('miss'), await count('hit'), await count('stale')]).toEqual([1, 2, 3]);
  });

  it('does not cache errors', async () => {
    t.server = await startTestServer((_req, res, { index }) =>
      sendJson(res, index === 0 ? 400 : 200, page(index)),
    );
    t.harness = createHarness({ baseUrl: t.server.url });
    const search = () => t.harness!.gateway.search('onebound', 'searchProducts', productQuery('dress'));
    await expect(search()).rejects.toMatchObject({ kind: 'bad_request' });
    await expect(search()).resolves.toMatchObject({ fromCache: false });
    expect(t.server.requests).toBe(2);
  });

  it('keys on the query: another page is another upstream call', async () => {
    t.server = await okServer();
    t.harness = createHarness({ baseUrl: t.server.url });
    await t.harness.gateway.search('onebound', 'searchProducts', productQuery('dress', 1));
    await t.harness.gateway.search('onebound', 'searchProducts', productQuery('dress', 2));
    await t.harness.gateway.search('onebound', 'searchSuppliers', productQuery('dress', 1));
    expect(t.server.requests).toBe(3);
  });
});

describe('ProviderGateway.search: result, logs and errors', () => {
  it('returns the fields the provider ignored, timing and the page', async () => {
    // A provider that takes 60 ms: the miss reports at least that, in whole milliseconds; the hit far less.
    t.server = await okServer(60);
    t.harness = createHarness({ baseUrl: t.server.url });
    const result = await t.harness.gateway.search('onebound', 'searchProducts', {
      ...productQuery('dress'),
      factoryOnly: true,
    });
    expect(result.ignored).toEqual(['factoryOnly']);
    expect(Number.isInteger(result.durationMs)).toBe(true);
    expect(result.durationMs).toBeGreaterThanOrEqual(55);
    expect(result.page).toMatchObject({ page: 1, total: 1, items: [{ id: 'item-0' }] });
    const hit = await t.harness.gateway.search('onebound', 'searchProducts', productQuery('dress'));
    expect(hit.fromCache).toBe(true);
    expect(hit.durationMs).toBeLessThan(result.durationMs);
  });

  it('logs provider, operation, attempt, status and a redacted URL, never the query string or key', async () => {
    t.server = await startTestServer((_req, res, { index }) =>
      sendJson(res, index === 0 ? 503 : 200, page(index)),
    );
    t.harness = createHarness({ baseUrl: t.server.url });
    await t.harness.gateway.search('onebound', 'searchProducts', productQuery('secret keyword'));
    const lines = t.harness.logLines.map((l) => JSON.parse(l));
    const calls = lines.filter((l) => l.msg?.startsWith('upstream call'));
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({
      provider: 'onebound',
      operation: 'searchProducts',
      attempt: 1,
      status: 503,
    });
    expect(calls[0].url).toBe(`${t.server.url}/search`);
    expect(calls[1]).toMatchObject({ attempt: 2, status: 200 });
    const text = t.harness.logLines.join('\n');
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain('keyword');
    expect(text).not.toContain('?');
  });

  it('labels metrics with provider/operation/outcome only', async () => {
    t.server = await okServer();
    t.harness = createHarness({ baseUrl: t.server.url });
    await t.harness.gateway.search('onebound', 'searchProducts', productQuery('secret keyword'));
    const exposition = await t.harness.registry.metrics();
    expect(exposition).toContain(
      'yuantou_upstream_requests_total{provider="onebound",operation="searchProducts",outcome="ok"} 1',
    );
    expect(exposition).toContain(
      'yuantou_upstream_duration_seconds_count{provider="onebound",operation="searchProducts"} 1',
    );
    expect(exposition).toContain('yuantou_upstream_in_flight{provider="onebound"} 0');
    expect(exposition).not.toContain('secret');
  });

  it('refuses a provider that is not configured and an operation the adapter lacks', async () => {
    t.harness = createHarness({ baseUrl: 'http://127.0.0.1:9' });
    await expect(
      t.harness.gateway.search('tmapi', 'searchProducts', productQuery('x')),
    ).rejects.toMatchObject({
      kind: 'bad_request',
    });
    await expect(
      t.harness.gateway.search('onebound', 'searchProductsByImage', {
        imageUrl: 'https://example.com/a.jpg',
        page: 1,
        pageSize: 20,
        sort: 'default',
      }),
    ).rejects.toMatchObject({ kind: 'bad_request' });
  });

  it('is ready without Redis', async () => {
    t.harness = createHarness({ baseUrl: 'http://127.0.0.1:9' });
    await expect(t.harness.gateway.health()).resolves.toEqual({ redis: 'off' });
  });
});

describe('ProviderGateway.search: demo adapter', () => {
  it('answers through respond() with no network, and caches like any provider', async () => {
    const { demoAdapter } = await import('@yuantou/core');
    const { gateway, registry } = createHarness({
      providers: [
        {
          id: 'demo',
          adapter: demoAdapter as unknown as ProviderAdapter<never>,
          credentials: {},
          ...demoAdapter.limits,
          dailyCalls: null,
        },
      ],
      gateway: {
        cache: {
          ttlSeconds: { searchSuppliers: 60, searchProducts: 60, searchProductsByImage: 60 },
          staleSeconds: 0,
          maxBytes: 1_000_000,
        },
        retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
        circuit: { failureThreshold: 5, resetAfterMs: 1000 },
      },
    });
    try {
      const first = await gateway.search('demo', 'searchSuppliers', productQuery('dress'));
      expect(first.fromCache).toBe(false);
      expect(first.page.items.length).toBeGreaterThan(0);
      const second = await gateway.search('demo', 'searchSuppliers', productQuery('dress'));
      expect(second).toMatchObject({ fromCache: true, page: first.page });
      expect(
        await metricValue(registry, 'yuantou_upstream_requests_total', { provider: 'demo', outcome: 'ok' }),
      ).toBe(1);
    } finally {
      await gateway.close();
    }
  });
});
