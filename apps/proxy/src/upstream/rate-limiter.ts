import { ProviderError, type ProviderId } from '@yuantou/core';
import type { RedisClient } from '../redis-client.js';
import { sleep as realSleep, type Sleep } from '../sleep.js';
import { markLocalRefusal } from './retry-policy.js';

/** Counts calls per time window; shared through Redis so several proxy instances spend one provider budget. */
export interface RateWindowStore {
  /** Adds one call to the window `key` (alive for `windowMs`) and returns how many it holds now. */
  increment(key: string, windowMs: number): Promise<number>;
}

export function memoryRateWindowStore(now: () => number = Date.now): RateWindowStore {
  const windows = new Map<string, { count: number; expiresAt: number }>();
  return {
    async increment(key, windowMs) {
      const at = now();
      for (const [k, w] of windows) if (w.expiresAt <= at) windows.delete(k);
      const window = windows.get(key) ?? { count: 0, expiresAt: at + windowMs };
      window.count++;
      windows.set(key, window);
      return window.count;
    },
  };
}

/** Fixed-window counter: INCR + PEXPIRE in one MULTI, the key names the window so it never needs resetting. */
export function redisRateWindowStore(redis: RedisClient, prefix = 'yuantou:rate:'): RateWindowStore {
  return {
    async increment(key, windowMs) {
      const replies = await redis
        .multi()
        .incr(`${prefix}${key}`)
        .pexpire(`${prefix}${key}`, windowMs * 2)
        .exec();
      const [error, count] = replies?.[0] ?? [new Error('empty MULTI reply'), 0];
      if (error) throw error;
      return Number(count);
    },
  };
}

/**
 * Redis first; while it is unreachable, count in this instance instead, so a Redis outage slows nothing down
 * and still keeps each instance within the provider's budget.
 */
export function fallbackRateWindowStore(
  primary: RateWindowStore,
  fallback: RateWindowStore,
  onError: (error: unknown) => void,
): RateWindowStore {
  return {
    async increment(key, windowMs) {
      try {
        return await primary.increment(key, windowMs);
      } catch (error) {
        onError(error);
        return fallback.increment(key, windowMs);
      }
    },
  };
}

export interface RateLimiterOptions {
  provider: ProviderId;
  requestsPerMinute: number;
  store: RateWindowStore;
  /** How long a call may wait for the next window before it is refused with `rate_limited`. */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

export interface RateLimiter {
  /**
   * Resolves when this call may go upstream; throws `rate_limited` (with retryAfterMs) past maxWaitMs or past
   * the call's deadline, whichever comes first.
   */
  acquire(signal?: AbortSignal, deadlineAt?: number): Promise<void>;
}

/**
 * Splits the per-minute budget into short windows holding at least one call each (90/min → one call every
 * 667 ms), so a minute's budget is never spent in one burst and waits stay short.
 */
export function rateWindow(requestsPerMinute: number): { windowMs: number; perWindow: number } {
  const rpm = Math.max(1, requestsPerMinute);
  const perWindow = Math.max(1, Math.floor(rpm / 60));
  return { windowMs: Math.ceil((60_000 * perWindow) / rpm), perWindow };
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { provider, requestsPerMinute, store } = options;
  const { windowMs, perWindow } = rateWindow(requestsPerMinute);
  const maxWaitMs = options.maxWaitMs ?? 2000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;

  return {
    async acquire(signal, deadlineAt) {
      const waitLimit = deadlineAt === undefined ? maxWaitMs : Math.min(maxWaitMs, deadlineAt - now());
      let waited = 0;
      for (;;) {
        signal?.throwIfAborted();
        const at = now();
        const index = Math.floor(at / windowMs);
        const count = await store.increment(`${provider}:${windowMs}:${index}`, windowMs);
        if (count <= perWindow) return;
        const waitMs = (index + 1) * windowMs - at;
        if (waited + waitMs > waitLimit) {
          throw markLocalRefusal(
            new ProviderError({
              provider,
              kind: 'rate_limited',
              retryable: true,
              retryAfterMs: waitMs,
              message: `${provider}: this proxy's budget of ${requestsPerMinute} requests per minute is used up; retry in ${Math.max(1, Math.ceil(waitMs / 1000))}s`,
            }),
          );
        }
        await sleep(waitMs, signal);
        waited += waitMs;
      }
    },
  };
}
