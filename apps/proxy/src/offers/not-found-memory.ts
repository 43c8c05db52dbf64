import type { RedisClient } from '../redis-client.js';

// Dead links stay dead (issue 23: 20 dead links in a sheet paid 100 calls per recalculation). When the
// providers asked all said "not found", the offer is remembered as such, with when they said it, and no provider
// is asked again until the lifetime has passed. Shared through Redis when configured (another instance's walk
// counts), kept locally as well so it holds while Redis is away.

export interface NotFoundMemory {
  /** When the providers last said `offerId` does not exist (ISO 8601), if that is still remembered. */
  checkedAt(offerId: string): Promise<string | undefined>;
  remember(offerId: string, checkedAt: Date): Promise<void>;
}

export interface NotFoundMemoryOptions {
  /** 0 switches the memory off. */
  ttlSeconds: number;
  redis?: RedisClient;
  /** Redis key prefix, e.g. `yuantou:`; the memory adds `notfound:`. */
  prefix: string;
  /** Bound of the local map (oldest forgotten first). */
  maxLocal?: number;
  now?: () => number;
}

export function createNotFoundMemory(options: NotFoundMemoryOptions): NotFoundMemory {
  const { ttlSeconds, redis } = options;
  const now = options.now ?? Date.now;
  const maxLocal = options.maxLocal ?? 50_000;
  const local = new Map<string, { checkedAt: string; until: number }>();
  const key = (offerId: string) => `${options.prefix}notfound:${offerId}`;

  const keep = (offerId: string, checkedAt: string, until: number) => {
    local.delete(offerId);
    local.set(offerId, { checkedAt, until });
    if (local.size > maxLocal) local.delete(local.keys().next().value!);
  };

  return {
    async checkedAt(offerId) {
      if (ttlSeconds === 0) return undefined;
      const mine = local.get(offerId);
      if (mine && mine.until > now()) return mine.checkedAt;
      if (mine) local.delete(offerId);
      if (!redis) return undefined;
      try {
        const [shared, ttlMs] = await Promise.all([redis.get(key(offerId)), redis.pttl(key(offerId))]);
        if (shared === null || Number.isNaN(Date.parse(shared)) || ttlMs <= 0) return undefined;
        keep(offerId, shared, now() + ttlMs);
        return shared;
      } catch {
        // Redis away: the local memory is all there is; the walk pays, as it would have without Redis.
        return undefined;
      }
    },
    async remember(offerId, at) {
      if (ttlSeconds === 0) return;
      const checkedAt = at.toISOString();
      keep(offerId, checkedAt, now() + ttlSeconds * 1000);
      await redis?.set(key(offerId), checkedAt, 'EX', ttlSeconds).catch(() => undefined);
    },
  };
}
