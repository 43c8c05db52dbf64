import { LRUCache } from 'lru-cache';
import type { RedisClient } from '../../redis-client.js';

// A store for @fastify/rate-limit that counts in Redis (shared by every proxy instance) and, while Redis is
// down, in this instance's memory — instead of `skipOnError`, which switched the client rate limit off for the
// whole outage. The store contract (`incr`, `child`) is @fastify/rate-limit's documented custom-store interface.

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

const FIXED_WINDOW = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
return {current, ttl}`;

interface LocalWindow {
  current: number;
  startedAt: number;
}

export interface FallbackRateLimitStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  child(routeOptions: { routeInfo: { method: string; url: string } }): FallbackRateLimitStore;
}

export function fallbackRateLimitStore(
  redis: RedisClient | undefined,
  prefix: string,
  local: LRUCache<string, LocalWindow> = new LRUCache({ max: 10_000 }),
): FallbackRateLimitStore {
  const countLocally = (key: string, timeWindow: number) => {
    const now = Date.now();
    const window = local.get(key);
    const fresh = !window || window.startedAt + timeWindow <= now;
    const next = fresh ? { current: 1, startedAt: now } : { ...window, current: window.current + 1 };
    local.set(key, next);
    return { current: next.current, ttl: next.startedAt + timeWindow - now };
  };
  return {
    incr(clientKey, callback, timeWindow) {
      const key = `${prefix}${clientKey}`;
      if (!redis) return callback(null, countLocally(key, timeWindow));
      redis.eval(FIXED_WINDOW, 1, key, timeWindow).then(
        (reply) => {
          const [current, ttl] = reply as [number, number];
          // Mirrored locally so an outage continues from the shared count instead of a fresh bucket.
          local.set(key, { current: Number(current), startedAt: Date.now() - (timeWindow - Number(ttl)) });
          callback(null, { current: Number(current), ttl: Number(ttl) });
        },
        () => callback(null, countLocally(key, timeWindow)),
      );
    },
    child(routeOptions) {
      const { method, url } = routeOptions.routeInfo;
      return fallbackRateLimitStore(redis, `${prefix}${method}${url}:`, local);
    },
  };
}
