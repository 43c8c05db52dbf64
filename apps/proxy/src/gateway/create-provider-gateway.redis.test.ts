import { afterEach, expect, it } from 'vitest';
import { describeWithRedis, REDIS_URL, uniquePrefix } from '../upstream/__fixtures__/redis.js';
import { productQuery } from '../upstream/__fixtures__/test-adapter.js';
import { delay, sendJson, startTestServer, type TestServer } from '../upstream/__fixtures__/test-server.js';
import { createHarness, type Harness, type HarnessOptions } from './__fixtures__/gateway-harness.js';

let server: TestServer | undefined;
let instances: Harness[] = [];

afterEach(async () => {
  await Promise.all(instances.map((h) => h.gateway.close()));
  await server?.close();
  instances = [];
  server = undefined;
});

/** Two proxy instances that share one Redis (same key prefix), as two replicas behind a load balancer would. */
function twoInstances(options: Omit<HarnessOptions, 'baseUrl'> = {}): [Harness, Harness] {
  const redisKeyPrefix = uniquePrefix('gateway');
  const make = () =>
    createHarness({
      baseUrl: server!.url,
      ...options,
      redisUrl: REDIS_URL,
      gateway: options.gateway,
      hooks: { redisKeyPrefix, peerPollMs: 10, ...options.hooks },
    });
  instances = [make(), make()];
  return instances as [Harness, Harness];
}

describeWithRedis('ProviderGateway shared through Redis', () => {
  it('sends one upstream request for concurrent identical searches across two instances', async () => {
    server = await startTestServer(async (_req, res, { index }) => {
      await delay(80);
      sendJson(res, 200, { items: [{ id: `item-${index}` }], total: 1 });
    });
    const [a, b] = twoInstances();
    const search = (h: Harness) => h.gateway.search('onebound', 'searchProducts', productQuery('dress'));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => search(i % 2 ? a : b)));
    expect(server.requests).toBe(1);
    expect(results.every((r) => r.page.items[0]?.id === 'item-0')).toBe(true);
    expect(results.some((r) => r.fromCache)).toBe(true);
  });

  it('shares the cache: what one instance fetched, the other serves', async () => {
    server = await startTestServer((_req, res, { index }) =>
      sendJson(res, 200, { items: [{ id: `i${index}` }] }),
    );
    const [a, b] = twoInstances();
    await expect(a.gateway.search('onebound', 'searchSuppliers', productQuery('cup'))).resolves.toMatchObject(
      {
        fromCache: false,
      },
    );
    await expect(b.gateway.search('onebound', 'searchSuppliers', productQuery('cup'))).resolves.toMatchObject(
      {
        fromCache: true,
        page: { items: [{ id: 'i0' }] },
      },
    );
    expect(server.requests).toBe(1);
  });

  it("counts cache hits across instances in batches: each report has its own hits at once, the other instance's once flushed", async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, { items: [{ id: 'x' }] }));
    const [a, b] = twoInstances();
    await a.gateway.search('onebound', 'searchSuppliers', productQuery('mug'));
    for (let i = 0; i < 3; i++) await a.gateway.search('onebound', 'searchSuppliers', productQuery('mug'));
    for (let i = 0; i < 2; i++) await b.gateway.search('onebound', 'searchSuppliers', productQuery('mug'));
    b.gateway.countReplay('onebound');
    const hits = async (h: Harness) => (await h.gateway.usage())[0]?.cacheHitsToday;
    // b's report flushes b's own three; a's three reach Redis within the flush interval (or a's own report).
    expect(await hits(b)).toBeGreaterThanOrEqual(3);
    expect(await hits(a)).toBe(6);
    expect(await hits(b)).toBe(6);
    expect(server.requests).toBe(1);
  });

  it('shares the rate-limit budget between instances', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, { items: [] }));
    const [a, b] = twoInstances({ settings: { requestsPerMinute: 1 }, hooks: { rateMaxWaitMs: 100 } });
    await a.gateway.search('onebound', 'searchProducts', productQuery('one'));
    await expect(b.gateway.search('onebound', 'searchProducts', productQuery('two'))).rejects.toMatchObject({
      kind: 'rate_limited',
    });
    expect(server.requests).toBe(1);
  });

  it('reports Redis ok while it answers, and degraded when it cannot be reached', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, { items: [] }));
    const [a] = twoInstances();
    await expect(a.gateway.health()).resolves.toEqual({ redis: 'ok' });
    const unreachable = createHarness({ baseUrl: server.url, redisUrl: 'redis://127.0.0.1:9' });
    instances.push(unreachable);
    await expect(unreachable.gateway.health()).resolves.toEqual({ redis: 'degraded' });
  });

  it('keeps serving when Redis is down: cache and locks degrade to direct calls', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, { items: [{ id: 'x' }] }));
    const degraded = createHarness({ baseUrl: server.url, redisUrl: 'redis://127.0.0.1:9' });
    instances.push(degraded);
    await expect(
      degraded.gateway.search('onebound', 'searchProducts', productQuery('q')),
    ).resolves.toMatchObject({
      fromCache: false,
      page: { items: [{ id: 'x' }] },
    });
    expect(server.requests).toBe(1);
    expect(degraded.logLines.join('\n')).toContain('redis unavailable');
  });
});
