import { ONEBOUND_PATHS, TMAPI_PATHS } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { describeWithRedis, REDIS_URL, uniquePrefix } from '../../src/upstream/__fixtures__/redis.js';
import { fakeConfig, type RunningProxy, startProxy, useFakesAndProxy } from './proxy-harness.js';

// Issue 23 (P3): five 429s in a burst opened the breaker for 30 s on a healthy provider, while a 503 asking
// `Retry-After: 120` paused nothing; and one instance's failing provider was tried again by each other instance.
// Calls are counted on the TMAPI fake.

const suite = useFakesAndProxy();
const searches = () => suite.fakes.tmapi.calls.count(TMAPI_PATHS.items);
const search = (proxy: RunningProxy, q: string) => proxy.get(`/v1/products?q=${q}&provider=tmapi`);
// Onebound's 503 is plain unavailability (TMAPI's own 503 means "slow down" and is a rate limit already).
const oneboundCalls = () => suite.fakes.onebound.calls.count(ONEBOUND_PATHS.items);
const searchOnebound = (proxy: RunningProxy, q: string) => proxy.get(`/v1/products?q=${q}&provider=onebound`);
const times = <T>(n: number, value: T) => Array.from({ length: n }, () => value);

describe('Retry-After pauses the provider, and is not a breaker failure', () => {
  it('a burst of 429s with Retry-After leaves the breaker closed: the provider is asked again once the wait is over', async () => {
    suite.proxy = await startProxy(
      fakeConfig(suite.fakes, { circuit: { failureThreshold: 5, resetAfterMs: 30_000 }, deadlineMs: 800 }),
    );
    // All five in flight at once (each answered after 300 ms), as a recalculating sheet sends them.
    const tooMany = { kind: 'status', status: 429, headers: { 'retry-after': '1' } } as const;
    // biome-ignore lint/suspicious/noThenProperty: the fake's behaviour names what follows the delay `then`.
    suite.fakes.tmapi.behave(times(5, { kind: 'delay', ms: 300, then: tooMany }));
    const burst = await Promise.all([1, 2, 3, 4, 5].map((i) => search(suite.proxy!, `burst${i}`)));
    for (const answer of burst) expect(answer.status).toBe(503);
    expect(searches()).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const after = await search(suite.proxy, 'after');
    expect(after.status).toBe(200);
    expect(searches()).toBe(6);
  });

  it('a 503 with Retry-After: 120 pauses the provider for that long: no call meanwhile, and the answer says when', async () => {
    suite.proxy = await startProxy(fakeConfig(suite.fakes, { deadlineMs: 800 }));
    suite.fakes.onebound.behave({ kind: 'status', status: 503, headers: { 'retry-after': '120' } });
    const first = await searchOnebound(suite.proxy, 'first');
    expect(first.status).toBeGreaterThanOrEqual(500);
    const calls = oneboundCalls();
    expect(calls).toBe(1);
    const later = await searchOnebound(suite.proxy, 'later');
    expect(oneboundCalls()).toBe(calls);
    expect(later.status).toBe(503);
    expect(Number(later.headers.get('retry-after'))).toBeGreaterThan(100);
  });
});

describeWithRedis('the provider pause is shared between instances (two proxies on one Redis)', () => {
  it('a provider one instance found failing is not tried by the other', async () => {
    const redisKeyPrefix = uniquePrefix('pauses');
    const config = fakeConfig(suite.fakes, {
      redisUrl: REDIS_URL,
      circuit: { failureThreshold: 2, resetAfterMs: 30_000 },
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const a = await startProxy(config, { gatewayHooks: { redisKeyPrefix } });
    const b = await startProxy(config, { gatewayHooks: { redisKeyPrefix } });
    try {
      suite.fakes.tmapi.setMode({ kind: 'status', status: 500 });
      await search(a, 'one');
      await search(a, 'two');
      const afterA = searches();
      expect(afterA).toBe(2);
      // A's breaker is open; B has never called TMAPI, yet it does not try now.
      const fromB = await search(b, 'three');
      expect(fromB.status).toBeGreaterThanOrEqual(500);
      expect(searches()).toBe(afterA);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a Retry-After one instance was given holds for the other', async () => {
    const redisKeyPrefix = uniquePrefix('retry-after');
    const config = fakeConfig(suite.fakes, { redisUrl: REDIS_URL, deadlineMs: 800 });
    const a = await startProxy(config, { gatewayHooks: { redisKeyPrefix } });
    const b = await startProxy(config, { gatewayHooks: { redisKeyPrefix } });
    try {
      suite.fakes.onebound.behave({ kind: 'status', status: 503, headers: { 'retry-after': '120' } });
      await searchOnebound(a, 'x');
      const calls = oneboundCalls();
      expect((await searchOnebound(b, 'y')).status).toBe(503);
      expect(oneboundCalls()).toBe(calls);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
