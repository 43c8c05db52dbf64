import { describe, expect, it, vi } from 'vitest';
import { productQuery } from '../upstream/__fixtures__/test-adapter.js';
import { delay, sendJson, startTestServer } from '../upstream/__fixtures__/test-server.js';
import {
  createHarness,
  metricValue,
  okServer,
  page,
  useGatewayTest,
} from './__fixtures__/gateway-harness.js';

const t = useGatewayTest();

describe('ProviderGateway.search: retries', () => {
  it('stops exactly at maxAttempts on a retryable failure', async () => {
    t.server = await startTestServer((_req, res) => sendJson(res, 503, {}));
    t.harness = createHarness({
      baseUrl: t.server.url,
      gateway: { retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 } },
    });
    const error = await t.harness.gateway
      .search('onebound', 'searchProducts', productQuery('dress'))
      .catch((e) => e);
    expect(error).toMatchObject({ name: 'ProviderError', kind: 'upstream', status: 503 });
    expect(t.server.requests).toBe(3);
    // Full jitter with random() = 0.5: half of 100·2^(n-1).
    expect(t.harness.delays).toEqual([50, 100]);
    expect(
      await metricValue(t.harness.registry, 'yuantou_upstream_requests_total', { outcome: 'upstream' }),
    ).toBe(3);
  });

  it('waits what Retry-After asks, then succeeds', async () => {
    t.server = await startTestServer((_req, res, { index }) =>
      index === 0 ? sendJson(res, 429, {}, { 'Retry-After': '2' }) : sendJson(res, 200, page(index)),
    );
    t.harness = createHarness({ baseUrl: t.server.url });
    const result = await t.harness.gateway.search('onebound', 'searchProducts', productQuery('dress'));
    expect(result.page.items).toEqual([{ id: 'item-1' }]);
    expect(t.harness.delays).toEqual([2000]);
  });

  it('does not retry a non-retryable kind', async () => {
    t.server = await startTestServer((_req, res) => sendJson(res, 400, {}));
    t.harness = createHarness({ baseUrl: t.server.url });
    await expect(
      t.harness.gateway.search('onebound', 'searchProducts', productQuery('dress')),
    ).rejects.toMatchObject({
      kind: 'bad_request',
    });
    expect(t.server.requests).toBe(1);
  });

  it('retries when the server destroys the socket (connection reset)', async () => {
    t.server = await startTestServer((req, res, { index }) => {
      if (index === 0) req.socket.destroy();
      else sendJson(res, 200, page(index));
    });
    t.harness = createHarness({ baseUrl: t.server.url });
    const result = await t.harness.gateway.search('onebound', 'searchProducts', productQuery('dress'));
    expect(result.page.items).toEqual([{ id: 'item-1' }]);
    expect(t.server.requests).toBe(2);
  });

  it('reports kind timeout when the provider is slower than timeoutMs', async () => {
    t.server = await okServer(1500);
    t.harness = createHarness({
      baseUrl: t.server.url,
      settings: { timeoutMs: 150 },
      gateway: { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
    });
    await expect(
      t.harness.gateway.search('onebound', 'searchProducts', productQuery('slow')),
    ).rejects.toMatchObject({
      kind: 'timeout',
    });
  });
});

describe('ProviderGateway.search: circuit breaker', () => {
  it('opens after the threshold, fails fast, half-opens after resetAfterMs and closes on success', async () => {
    let healthy = false;
    t.server = await startTestServer((_req, res, { index }) =>
      sendJson(res, healthy ? 200 : 503, page(index)),
    );
    t.harness = createHarness({
      baseUrl: t.server.url,
      gateway: {
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
        circuit: { failureThreshold: 2, resetAfterMs: 300 },
      },
    });
    const search = (k: string) => t.harness!.gateway.search('onebound', 'searchProducts', productQuery(k));
    await expect(search('a')).rejects.toMatchObject({ status: 503 });
    await expect(search('b')).rejects.toMatchObject({ status: 503 });
    await expect(search('c')).rejects.toMatchObject({
      kind: 'upstream',
      message: 'onebound is failing; paused for 1s',
    });
    expect(t.server.requests).toBe(2);
    expect(await metricValue(t.harness.registry, 'yuantou_circuit_open', { provider: 'onebound' })).toBe(1);

    healthy = true;
    await delay(350);
    await expect(search('d')).resolves.toMatchObject({ fromCache: false });
    expect(t.server.requests).toBe(3);
    expect(await metricValue(t.harness.registry, 'yuantou_circuit_open', { provider: 'onebound' })).toBe(0);
  });
});

describe('ProviderGateway.search: limits and coalescing', () => {
  it('never sends more than `concurrency` requests at once', async () => {
    t.server = await okServer(30);
    t.harness = createHarness({ baseUrl: t.server.url, settings: { concurrency: 2 } });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.harness!.gateway.search('onebound', 'searchProducts', productQuery(`q${i}`)),
      ),
    );
    expect(t.server.requests).toBe(10);
    expect(t.server.maxConcurrent).toBe(2);
  });

  it('refuses with rate_limited when the per-minute budget is spent and the next slot is too far', async () => {
    t.server = await okServer();
    t.harness = createHarness({
      baseUrl: t.server.url,
      settings: { requestsPerMinute: 1 },
      hooks: { rateMaxWaitMs: 100 },
    });
    await t.harness.gateway.search('onebound', 'searchProducts', productQuery('first'));
    const error = await t.harness.gateway
      .search('onebound', 'searchProducts', productQuery('second'))
      .catch((e) => e);
    expect(error).toMatchObject({ kind: 'rate_limited', provider: 'onebound' });
    expect(error.retryAfterMs).toBeGreaterThan(100);
    expect(t.server.requests).toBe(1);
  });

  it('sends one request for 100 concurrent identical searches', async () => {
    t.server = await okServer(50);
    t.harness = createHarness({ baseUrl: t.server.url });
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        t.harness!.gateway.search('onebound', 'searchProducts', productQuery('dress')),
      ),
    );
    expect(t.server.requests).toBe(1);
    expect(results.every((r) => r.page.items[0]?.id === 'item-0')).toBe(true);
  });

  it('cancels on AbortSignal: the caller stops at once and the upstream request is dropped', async () => {
    let closedEarly = false;
    t.server = await startTestServer(async (_req, res) => {
      res.on('close', () => {
        closedEarly = !res.writableEnded;
      });
      await delay(3000);
      if (!res.destroyed) sendJson(res, 200, page(0));
    });
    t.harness = createHarness({ baseUrl: t.server.url });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await t.harness.gateway
      .search('onebound', 'searchProducts', productQuery('dress'), controller.signal)
      .catch((e) => e);
    expect(error.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2000);
    // The t.server hears the socket close well before its 1 s answer; polled, since a loaded machine is slow to tell.
    await vi.waitFor(() => expect(closedEarly).toBe(true), { timeout: 2500, interval: 20 });
  });
});
