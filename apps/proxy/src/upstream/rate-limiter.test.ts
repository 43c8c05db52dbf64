import { afterAll, describe, expect, it } from 'vitest';
import { connectTestRedis, describeWithRedis, uniquePrefix } from './__fixtures__/redis.js';
import {
  createRateLimiter,
  fallbackRateWindowStore,
  memoryRateWindowStore,
  rateWindow,
  redisRateWindowStore,
} from './rate-limiter.js';

function fakeClock(start = 1_000_000) {
  let time = start;
  const slept: number[] = [];
  return {
    now: () => time,
    slept,
    sleep: async (ms: number) => {
      slept.push(ms);
      time += ms;
    },
  };
}

describe('rateWindow', () => {
  it.each([
    [600, 1000, 10],
    [90, 667, 1],
    [30, 2000, 1],
    [60, 1000, 1],
    [6000, 1000, 100],
  ])('%i/min → windows of %i ms holding %i', (rpm, windowMs, perWindow) => {
    expect(rateWindow(rpm)).toEqual({ windowMs, perWindow });
  });
});

describe('createRateLimiter (memory)', () => {
  it('lets perWindow calls through, then waits for the next window', async () => {
    const clock = fakeClock(1_000_000);
    const store = memoryRateWindowStore(clock.now);
    const limiter = createRateLimiter({ provider: 'tmapi', requestsPerMinute: 120, store, ...clock });
    // 120/min → 2 per 1000 ms window; the clock starts exactly at a window boundary.
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.slept).toEqual([]);
    await limiter.acquire();
    expect(clock.slept).toEqual([1000]);
  });

  it('refuses with rate_limited and retryAfterMs when the next slot is beyond maxWaitMs', async () => {
    const clock = fakeClock(0);
    const limiter = createRateLimiter({
      provider: 'onebound',
      requestsPerMinute: 2,
      store: memoryRateWindowStore(clock.now),
      maxWaitMs: 5000,
      ...clock,
    });
    await limiter.acquire();
    const error = await limiter.acquire().catch((e) => e);
    expect(error).toMatchObject({ kind: 'rate_limited', provider: 'onebound', retryAfterMs: 30_000 });
    expect(error.message).toContain('2 requests per minute');
    expect(clock.slept).toEqual([]);
  });
});

describeWithRedis('createRateLimiter (Redis, shared)', () => {
  const redis = connectTestRedis();
  afterAll(() => redis.quit());

  it('two limiters sharing one Redis spend one budget', async () => {
    const clock = fakeClock(0);
    const store = redisRateWindowStore(redis, uniquePrefix('rate'));
    const options = { provider: 'tmapi' as const, requestsPerMinute: 180, store, maxWaitMs: 0, ...clock };
    const a = createRateLimiter(options);
    const b = createRateLimiter(options);
    const outcomes = await Promise.all(
      [a, b, a, b, a].map((limiter) =>
        limiter.acquire().then(
          () => 'ok',
          (e) => e.kind,
        ),
      ),
    );
    // 180/min → 3 per 1000 ms window, whichever instance asks.
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'rate_limited')).toHaveLength(2);
  });
});

describe('fallbackRateWindowStore', () => {
  it('counts locally while the shared store fails, and reports the failure', async () => {
    const failures: unknown[] = [];
    const broken = { increment: async () => Promise.reject(new Error('ECONNREFUSED')) };
    const store = fallbackRateWindowStore(broken, memoryRateWindowStore(), (e) => failures.push(e));
    expect(await store.increment('k', 1000)).toBe(1);
    expect(await store.increment('k', 1000)).toBe(2);
    expect(failures).toHaveLength(2);
  });
});
