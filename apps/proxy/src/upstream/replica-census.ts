import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../redis-client.js';

/**
 * How many proxy replicas share this Redis, as last seen: each replica stamps its id in one sorted set every
 * `intervalMs` and counts the stamps younger than three intervals. While Redis is down the last count stays,
 * so a budget's remainder can be split between the replicas that were there (shared-counters.ts).
 */
export interface ReplicaCensus {
  count(): number;
}

const PROCESS_ID = randomUUID();
const KEY = 'yuantou:replicas';
const censuses = new WeakMap<RedisClient, ReplicaCensus>();

/** One census per Redis client (every shared counter of a process reads the same one). */
export function replicaCensus(redis: RedisClient, intervalMs = 10_000): ReplicaCensus {
  const existing = censuses.get(redis);
  if (existing) return existing;
  let last = 1;
  const stamp = async () => {
    const at = Date.now();
    try {
      await redis.zadd(KEY, at, PROCESS_ID);
      await redis.zremrangebyscore(KEY, '-inf', at - 3 * intervalMs);
      last = Math.max(1, await redis.zcard(KEY));
    } catch {
      // Keep the last count: it is what the outage split needs.
    }
  };
  void stamp();
  const timer = setInterval(() => void stamp(), intervalMs);
  timer.unref();
  redis.once('end', () => clearInterval(timer));
  const census = { count: () => last };
  censuses.set(redis, census);
  return census;
}
