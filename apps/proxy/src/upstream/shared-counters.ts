import type { RedisClient } from '../redis-client.js';
import { replicaCensus } from './replica-census.js';

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
  /** Adds `amount` to `key` (no limit): a batch of counts in one round trip. */
  add(key: string, amount: number, ttlMs: number): Promise<void>;
  /** The current value of each key (0 when absent). */
  read(keys: string[]): Promise<number[]>;
  /** Takes back one `spend` whose work did not happen (never below zero). */
  refund(key: string): Promise<void>;
  /**
   * Raises this instance's count of `key` to at least `count` (a durable record, read at start): the next spend
   * continues from there even when Redis has lost the key.
   */
  seed(key: string, count: number, ttlMs: number): void;
}

const REFUND = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current > 0 then return redis.call('DECR', KEYS[1]) end
return 0`;

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

const ADD = `
local current = redis.call('INCRBY', KEYS[1], ARGV[1])
if current == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return current`;

interface LocalCount {
  count: number;
  expiresAt: number;
  /** While Redis is away: the most this replica may reach, its share of what was left (see spendLocally). */
  outageCap?: number;
}

export function createSharedCounters(
  redis: RedisClient | undefined,
  prefix: string,
  onRedisError: (error: unknown) => void,
  now: () => number = Date.now,
  /** Replicas sharing this Redis (a census kept in Redis by default; tests give a number). */
  replicas: () => number = redis ? replicaCensus(redis).count : () => 1,
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

  /**
   * Redis is configured but not answering: the other replicas may be spending the same remainder. This one
   * takes its share of what was left at the last shared count (rounded down: conservative, never unlimited),
   * so N replicas together stay within the budget. The share is fixed at the outage's first spend and dropped
   * when Redis answers again.
   */
  function spendDuringOutage(key: string, limit: number | null, ttlMs: number) {
    if (limit === null) return spendLocally(key, limit, ttlMs);
    const current = localGet(key);
    const entry = local.get(key);
    const cap =
      entry?.outageCap ?? current + Math.floor(Math.max(0, limit - current) / Math.max(1, replicas()));
    if (current >= cap) {
      if (entry) entry.outageCap = cap;
      else local.set(key, { count: current, expiresAt: now() + ttlMs, outageCap: cap });
      return { count: current, spent: false };
    }
    localSet(key, current + 1, ttlMs);
    local.get(key)!.outageCap = cap;
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
        delete local.get(key)!.outageCap;
        return { count: Number(count), spent: spent === 1 };
      } catch (error) {
        onRedisError(error);
        return spendDuringOutage(key, limit, ttlMs);
      }
    },
    async add(key, amount, ttlMs) {
      if (redis) {
        try {
          localSet(key, Number(await redis.eval(ADD, 1, `${prefix}${key}`, amount, ttlMs)), ttlMs);
          return;
        } catch (error) {
          onRedisError(error);
        }
      }
      localSet(key, localGet(key) + amount, ttlMs);
    },
    async refund(key) {
      const mine = localGet(key);
      if (mine > 0) localSet(key, mine - 1, 0);
      if (!redis) return;
      await redis.eval(REFUND, 1, `${prefix}${key}`).catch(onRedisError);
    },
    async read(keys) {
      if (redis && keys.length > 0) {
        try {
          // One GET per key, not MGET: in a Cluster the keys of one MGET must share a slot, and these need not.
          const values = await Promise.all(keys.map((k) => redis.get(`${prefix}${k}`)));
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
