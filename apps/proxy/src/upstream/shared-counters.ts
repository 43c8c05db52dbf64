import type { Redis } from 'ioredis';

/**
 * Counters that several proxy instances share through Redis (daily calls per provider, cache hits), with a
 * local mirror that keeps counting while Redis is away: every successful Redis answer updates the mirror, so a
 * Redis outage continues from the last shared count instead of from zero (a budget is never reset by an outage).
 */
export interface SharedCounters {
  /**
   * Adds one to `key` unless it already reached `limit` (null: no limit). Returns the count afterwards and
   * whether this call was counted.
   */
  spend(key: string, limit: number | null, ttlMs: number): Promise<{ count: number; spent: boolean }>;
  /** The current value of each key (0 when absent). */
  read(keys: string[]): Promise<number[]>;
  /**
   * Raises this instance's count of `key` to at least `count` (a durable record, read at start): the next spend
   * continues from there even when Redis has lost the key.
   */
  seed(key: string, count: number, ttlMs: number): void;
}

// One round trip, atomic across instances: add one only below the limit, and the key expires with its day.
// ARGV[3] is the count this instance last saw (or a durable record): a Redis that restarted and lost the key
// continues from there, never from zero — counts only merge upwards (issue 23).
const SPEND = `
local current = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), tonumber(ARGV[3]))
local limit = tonumber(ARGV[1])
if limit >= 0 and current >= limit then return {current, 0} end
current = current + 1
if redis.call('PTTL', KEYS[1]) > 0 then
  redis.call('SET', KEYS[1], current, 'KEEPTTL')
else
  redis.call('SET', KEYS[1], current, 'PX', ARGV[2])
end
return {current, 1}`;

interface LocalCount {
  count: number;
  expiresAt: number;
}

export function createSharedCounters(
  redis: Redis | undefined,
  prefix: string,
  onRedisError: (error: unknown) => void,
  now: () => number = Date.now,
): SharedCounters {
  const local = new Map<string, LocalCount>();

  const localGet = (key: string) => {
    const entry = local.get(key);
    if (entry && entry.expiresAt <= now()) local.delete(key);
    return entry && entry.expiresAt > now() ? entry.count : 0;
  };
  const localSet = (key: string, count: number, ttlMs: number) => {
    const existing = local.get(key);
    local.set(key, { count, expiresAt: existing?.expiresAt ?? now() + ttlMs });
    // Keys name their day: yesterday's are dropped as soon as they expire.
    if (local.size > 1000) for (const [k, v] of local) if (v.expiresAt <= now()) local.delete(k);
  };

  function spendLocally(key: string, limit: number | null, ttlMs: number) {
    const current = localGet(key);
    if (limit !== null && current >= limit) return { count: current, spent: false };
    localSet(key, current + 1, ttlMs);
    return { count: current + 1, spent: true };
  }

  return {
    async spend(key, limit, ttlMs) {
      if (!redis) return spendLocally(key, limit, ttlMs);
      try {
        const [count, spent] = (await redis.eval(
          SPEND,
          1,
          `${prefix}${key}`,
          limit ?? -1,
          ttlMs,
          localGet(key),
        )) as [number, number];
        localSet(key, Number(count), ttlMs);
        return { count: Number(count), spent: spent === 1 };
      } catch (error) {
        onRedisError(error);
        return spendLocally(key, limit, ttlMs);
      }
    },
    async read(keys) {
      if (redis && keys.length > 0) {
        try {
          const values = await redis.mget(keys.map((k) => `${prefix}${k}`));
          // Never report less than this instance has seen (it may have counted during an outage).
          return values.map((v, i) => Math.max(Number(v ?? 0), localGet(keys[i]!)));
        } catch (error) {
          onRedisError(error);
        }
      }
      return keys.map(localGet);
    },
    seed(key, count, ttlMs) {
      if (count > localGet(key)) localSet(key, count, ttlMs);
    },
  };
}
