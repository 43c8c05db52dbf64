import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { ROUTES } from '@yuantou/core';
import { TMAPI_PATHS } from '@yuantou/core/testing';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, REDIS_URL } from '../../src/upstream/__fixtures__/redis.js';
import {
  closeFakes,
  fakeConfig,
  type RunningFakes,
  type RunningProxy,
  resetFakes,
  searchPath,
  startAllFakes,
  startProxy,
} from '../e2e/proxy-harness.js';

// Issue 10's Redis rows. The outage test runs its own redis-server so it can kill and restart it; the
// cross-instance test uses the suite's Redis (REDIS_URL).

let fakes: RunningFakes;
const proxies: RunningProxy[] = [];
beforeAll(async () => {
  fakes = await startAllFakes();
});
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  resetFakes(fakes);
});
afterAll(() => closeFakes(fakes));

const products = (keyword: string) => searchPath(ROUTES.products, keyword, 'tmapi');
const tmapiCalls = () => fakes.tmapi.calls.count(TMAPI_PATHS.items);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A redis-server of this test's own, on `port`, answering PING when this resolves. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('redis-server did not start');
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describeWithRedis('Redis killed and restarted under load', () => {
  let redis: ChildProcess | undefined;
  afterAll(() => {
    redis?.kill('SIGKILL');
  });

  it('keeps serving hits from memory, answers fast, limits clients locally and stays ready (degraded)', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const proxy = await startProxy({
      ...fakeConfig(fakes),
      redisUrl: `redis://127.0.0.1:${port}`,
      // No replay of finished answers: every request below goes through the provider cache.
      responseTtlSeconds: 0,
      rateLimit: { requestsPerMinute: 100 },
      // Generous for a loaded test machine while Redis is up; a killed Redis fails commands at once regardless.
      redisCommandTimeoutMs: 500,
    });
    proxies.push(proxy);
    expect((await proxy.get(ROUTES.ready)).body).toEqual({ status: 'ok', redis: 'ok', store: 'off' });
    expect((await proxy.get(products('热门'))).status).toBe(200);
    expect(tmapiCalls()).toBe(1);

    const burst = () =>
      Promise.all(Array.from({ length: 30 }, () => timed(() => proxy.get(products('热门')))));
    const median = (runs: { ms: number }[]) => runs.map((r) => r.ms).sort((a, b) => a - b)[runs.length >> 1]!;
    const before = median(await burst());

    redis.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));

    const during = await burst();
    expect(during.map((d) => d.value.status)).toEqual(during.map(() => 200));
    expect(during.every((d) => d.value.body.providers[0].fromCache)).toBe(true);
    // Every hit stayed a hit: no paid call while Redis was away.
    expect(tmapiCalls()).toBe(1);
    // Before: 1.5–2 s each (every Redis command waited out its timeout). Now a failed command costs nothing:
    // a hit is about as fast as with Redis up (measured in the same run, so machine load cancels out).
    console.info(
      `cache hit median: ${before.toFixed(0)} ms with Redis, ${median(during).toFixed(0)} ms without`,
    );
    expect(median(during)).toBeLessThan(Math.max(3 * before, 300));

    const ready = await proxy.get(ROUTES.ready);
    expect([ready.status, ready.body]).toEqual([200, { status: 'ok', redis: 'degraded', store: 'off' }]);

    // The client rate limit counts locally instead of switching off: 100 a minute, 61 spent already.
    const more = await Promise.all(Array.from({ length: 50 }, () => proxy.get(products('热门'))));
    const served = more.filter((a) => a.status === 200).length;
    expect(more.some((a) => a.status === 429)).toBe(true);
    expect(served).toBeLessThanOrEqual(100 - 61);

    redis = await startRedis(port);
    let back: unknown;
    for (let i = 0; i < 60 && (back as { redis?: string })?.redis !== 'ok'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      back = (await proxy.get(ROUTES.ready)).body;
    }
    expect(back).toEqual({ status: 'ok', redis: 'ok', store: 'off' });
  });
});

describeWithRedis('single-flight across instances', () => {
  it('one leader per key across two instances, whatever the call time (the lease is renewed)', async () => {
    fakes.tmapi.setMode({ kind: 'delay', ms: 2000 });
    const base = fakeConfig(fakes);
    const config = {
      ...base,
      redisUrl: REDIS_URL,
      deadlineMs: 10_000,
      redisCommandTimeoutMs: 1000,
      providers: base.providers.map((p) => ({ ...p, timeoutMs: 5000 })),
    };
    const hooks = { leaseMs: 400, peerPollMs: 20, redisKeyPrefix: `test:${Date.now()}:` };
    const a = await startProxy(config, { gatewayHooks: hooks });
    const b = await startProxy(config, { gatewayHooks: hooks });
    proxies.push(a, b);
    const keyword = `两个实例${Math.random()}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).get(products(keyword))),
    );
    expect(answers.map((x) => x.status)).toEqual(answers.map(() => 200));
    expect(tmapiCalls()).toBe(1);
  });
});
