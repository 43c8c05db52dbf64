import { createProviderPauses, type ProviderPauses } from '../upstream/provider-pause.js';
import {
  fallbackRateWindowStore,
  memoryRateWindowStore,
  type RateWindowStore,
  redisRateWindowStore,
} from '../upstream/rate-limiter.js';
import {
  createResponseCache,
  memoryCacheStore,
  type ResponseCache,
  redisCacheStore,
  tieredCacheStore,
} from '../upstream/response-cache.js';
import { createSharedCounters } from '../upstream/shared-counters.js';
import { createSingleFlight, redisLock, type SingleFlight } from '../upstream/single-flight.js';
import { createUsageLedger, type UsageLedger } from '../upstream/usage-ledger.js';
import type { GatewayOptions } from './gateway-contract.js';

/** Store selection seams: the Redis key prefix and the single-flight timings. */
export interface StoreHooks {
  /** Prefix of every Redis key (cache, locks, rate windows, usage); tests use one per run. */
  redisKeyPrefix?: string;
  /** How often a proxy instance that lost the single-flight lease looks for the winner's page. */
  peerPollMs?: number;
  /** Single-flight lease length (renewed while the call runs); default 5 s. */
  leaseMs?: number;
  /** The clock pauses are judged by. */
  now?: () => number;
}

/** What the gateway keeps across calls, shared through Redis when there is one. */
export interface SharedStores {
  cache: ResponseCache;
  flight: SingleFlight;
  rateStore: RateWindowStore;
  pauses: ProviderPauses;
  ledger: UsageLedger;
}

/**
 * Store selection in one place: with Redis, every store is shared across instances and falls back to a local
 * one while Redis fails (reported to `onRedisError`); without Redis, every store is local.
 */
export function selectStores(
  options: GatewayOptions,
  hooks: StoreHooks,
  onRedisError: (error: unknown) => void,
  onCoalesced?: (where: 'local' | 'peer') => void,
): SharedStores {
  const prefix = hooks.redisKeyPrefix ?? 'yuantou:';
  const { redis } = options;
  const localCache = memoryCacheStore(options.cache.maxBytes);
  const cache = createResponseCache({
    store: redis
      ? tieredCacheStore(localCache, redisCacheStore(redis, `${prefix}cache:`), onRedisError)
      : localCache,
    ttlSeconds: options.cache.ttlSeconds,
    staleSeconds: options.cache.staleSeconds,
  });
  const flight = createSingleFlight({
    lock: redis ? redisLock(redis, `${prefix}lock:`) : undefined,
    pollMs: hooks.peerPollMs,
    leaseMs: hooks.leaseMs,
    onLockError: onRedisError,
    onCoalesced,
  });
  const rateStore = redis
    ? fallbackRateWindowStore(
        redisRateWindowStore(redis, `${prefix}rate:`),
        memoryRateWindowStore(),
        onRedisError,
      )
    : memoryRateWindowStore();
  const pauses = createProviderPauses(redis, `${prefix}pause:`, onRedisError, hooks.now);
  const ledger = createUsageLedger({
    providers: options.providers.map((p) => ({ id: p.id, dailyCalls: p.dailyCalls ?? null })),
    counters: createSharedCounters(redis, `${prefix}usage:`, onRedisError),
    pauses,
    redis,
    prefix: `${prefix}usage:`,
    onRedisError,
    // The day's paid calls, durable and never decreasing (issue 23): a restart or an emptied Redis cannot give a
    // spent budget back.
    durable: options.archive && {
      record: (provider, day, calls) => options.archive!.recordPaidCalls(provider, day, calls),
      load: (day) => options.archive!.paidCalls(day),
    },
  });
  return { cache, flight, rateStore, pauses, ledger };
}
