import type { Offer, ProviderId } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import { staleReason, withinMaxAge } from '../store/answer-age.js';
import { createProviderPauses } from '../upstream/provider-pause.js';
import {
  fallbackRateWindowStore,
  memoryRateWindowStore,
  redisRateWindowStore,
} from '../upstream/rate-limiter.js';
import {
  type CacheLookup,
  cacheKey,
  createResponseCache,
  memoryCacheStore,
  redisCacheStore,
  tieredCacheStore,
} from '../upstream/response-cache.js';
import { createSharedCounters } from '../upstream/shared-counters.js';
import { createSingleFlight, redisLock } from '../upstream/single-flight.js';
import { upstreamMetrics } from '../upstream/upstream-metrics.js';
import { createUsageLedger } from '../upstream/usage-ledger.js';
import type {
  AnswerFreshness,
  GatewayOperation,
  GatewayOptions,
  GatewayResult,
  ProviderGateway,
} from './gateway-contract.js';
import {
  createProviderCaller,
  operationOf,
  type ProviderCaller,
  type UpstreamHooks,
} from './provider-caller.js';

export interface GatewayHooks extends UpstreamHooks {
  /** Prefix of every Redis key (cache, locks, rate windows, usage); tests use one per run. */
  redisKeyPrefix?: string;
  /** How often a proxy instance that lost the single-flight lease looks for the winner's page. */
  peerPollMs?: number;
  /** Single-flight lease length (renewed while the call runs); default 5 s. */
  leaseMs?: number;
}

interface Fetched {
  /** What the adapter parsed: a page for searches, an offer for getOffer. */
  page: unknown;
  fromCache: boolean;
  /** Epoch ms when the provider answered. */
  fetchedAt: number;
}

/** What `cached` hands back: the page, where it came from and when the provider gave it. */
interface Served extends Fetched {
  stale: boolean;
  staleReason?: string;
}

export function createProviderGateway(options: GatewayOptions, hooks: GatewayHooks = {}): ProviderGateway {
  const prefix = hooks.redisKeyPrefix ?? 'yuantou:';
  const logger = options.logger.child({ component: 'gateway' });
  const metrics = upstreamMetrics(options.registry);
  const { redis, archive } = options;
  // Each Redis use degrades to local behaviour on failure; say so once per outage, not once per request.
  let redisFailing = false;
  redis?.on('ready', () => {
    if (redisFailing) logger.info('redis is back; sharing state again');
    redisFailing = false;
  });
  const onRedisError = (error: unknown) => {
    if (redisFailing) return;
    redisFailing = true;
    logger.warn(
      { err: errorSummary(error) },
      'redis unavailable; serving from this instance (local cache, counts, limits)',
    );
  };

  redis?.on('error', onRedisError);

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
    // Store call site 4: the day's paid calls, durable and never decreasing (issue 23).
    durable: archive && {
      record: (provider, day, calls) => archive.recordPaidCalls(provider, day, calls),
      load: (day) => archive.paidCalls(day),
    },
  });
  metrics.observeUsage(() => ledger.report());

  const callers = new Map<ProviderId, ProviderCaller>();
  for (const settings of options.providers) {
    const caller = createProviderCaller({
      ...options,
      settings,
      rateStore,
      pauses,
      ledger,
      metrics,
      logger,
      hooks,
    });
    callers.set(settings.id, caller);
  }
  const refreshes = new Set<Promise<unknown>>();

  async function lookup(key: string, operation: GatewayOperation): Promise<CacheLookup | undefined> {
    try {
      return await cache.lookup(key, operation);
    } catch (error) {
      // A cache outage must not fail searches: treat it as a miss.
      logger.warn({ err: errorSummary(error) }, 'cache read failed');
      return undefined;
    }
  }

  function fetchAndStore(
    provider: ProviderId,
    operation: GatewayOperation,
    params: object,
    key: string,
    signal?: AbortSignal,
  ): Promise<Fetched> {
    const caller = callers.get(provider)!;
    return flight.run<Fetched>(
      key,
      async (flightSignal) => {
        const page = await caller.call(operation, params, flightSignal);
        const fetchedAt = Date.now();
        await cache.store(key, operation, page, fetchedAt).catch((error) => {
          logger.warn({ err: errorSummary(error) }, 'cache write failed');
        });
        // Store call site 1: every paid answer is kept (an offer also as a snapshot) before anyone is answered,
        // so a restart or kill -9 loses nothing that was paid for. Never throws (the store degrades).
        await archive?.record({ key, provider, operation, page, fetchedAt });
        return { page, fromCache: false, fetchedAt };
      },
      {
        signal,
        // Another instance holds the lease: its page lands in the shared cache when it is done.
        peerResult: async () => {
          const found = await lookup(key, operation);
          return found?.freshness === 'fresh'
            ? { page: found.entry.page, fromCache: true, fetchedAt: found.entry.storedAt }
            : undefined;
        },
      },
    );
  }

  function refreshInBackground(
    provider: ProviderId,
    operation: GatewayOperation,
    params: object,
    key: string,
  ) {
    const refresh = fetchAndStore(provider, operation, params, key)
      .catch((error) => {
        logger.warn(
          { provider, operation, kind: ProviderError.isInstance(error) ? error.kind : undefined },
          'background refresh failed',
        );
      })
      .finally(() => refreshes.delete(refresh));
    refreshes.add(refresh);
  }

  /** The caller's wait, bounded by the same overall deadline as the upstream call it may be waiting on. */
  async function withinDeadline<T>(
    provider: ProviderId,
    signal: AbortSignal | undefined,
    wait: (s: AbortSignal) => Promise<T>,
  ) {
    const deadline = AbortSignal.timeout(options.deadlineMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    try {
      return await wait(combined);
    } catch (error) {
      if (deadline.aborted && !signal?.aborted && !ProviderError.isInstance(error)) {
        throw new ProviderError({
          provider,
          kind: 'timeout',
          message: `${provider} gave no answer within the ${options.deadlineMs / 1000} s deadline`,
        });
      }
      throw error;
    }
  }

  function callerFor(provider: ProviderId) {
    const entry = callers.get(provider);
    if (!entry) {
      throw new ProviderError({
        provider,
        kind: 'bad_request',
        message: `${provider} is not configured on this proxy`,
      });
    }
    return options.providers.find((p) => p.id === provider)!;
  }

  /**
   * Fresh or stale cache entry (refreshed in the background), else the database's last answer while it is young
   * enough, else one coalesced, protected upstream call. With `maxAgeSeconds` an answer at most that old is
   * served whatever the TTLs say (`0`: always a paid call). When the call fails for want of budget or quota,
   * or because the provider is down, the newest older answer is served instead, stale with the reason.
   * The key is what would be sent, not what was asked (`operation.map(query).params`): queries that differ only
   * in what this provider ignores or clamps share one entry and one paid call. Mapping is pure; nothing is
   * signed until a miss.
   */
  async function cached(
    provider: ProviderId,
    operation: GatewayOperation,
    params: object,
    signal: AbortSignal | undefined,
    { maxAgeSeconds }: AnswerFreshness = {},
  ): Promise<Served> {
    const key = cacheKey(provider, operation, params);
    const found = await lookup(key, operation);
    const servable =
      found && (maxAgeSeconds === undefined || withinMaxAge(found.entry.storedAt, maxAgeSeconds, Date.now()));
    if (found && servable) {
      // Past its TTL but within the caller's maxAge: what the caller asked for, not stale.
      const stale = found.freshness === 'stale' && maxAgeSeconds === undefined;
      metrics.cache.inc({ provider, operation, result: stale ? 'stale' : 'hit' });
      ledger.countCacheHit(provider);
      if (stale) refreshInBackground(provider, operation, params, key);
      return { page: found.entry.page, fromCache: true, stale, fetchedAt: found.entry.storedAt };
    }
    // Store call site 2: a miss in the caches (a restart, an expired entry) may still have been paid for —
    // possibly more recently than this instance's cache entry (another instance, a shared Postgres).
    const cachedAnswer = found && { page: found.entry.page, fetchedAt: found.entry.storedAt };
    const stored = await archive?.lastAnswer(key);
    const archived =
      stored && (!cachedAnswer || stored.fetchedAt > cachedAnswer.fetchedAt) ? stored : undefined;
    const archiveMaxAge = maxAgeSeconds ?? options.cache.ttlSeconds[operation] ?? 0;
    if (archived && withinMaxAge(archived.fetchedAt, archiveMaxAge, Date.now())) {
      metrics.cache.inc({ provider, operation, result: 'hit' });
      ledger.countCacheHit(provider);
      await cache.store(key, operation, archived.page, archived.fetchedAt).catch(() => undefined);
      return { page: archived.page, fromCache: true, stale: false, fetchedAt: archived.fetchedAt };
    }
    metrics.cache.inc({ provider, operation, result: 'miss' });
    try {
      const fetched = await withinDeadline(provider, signal, (s) =>
        fetchAndStore(provider, operation, params, key, s),
      );
      return { ...fetched, stale: false };
    } catch (error) {
      // Store call site 3: out of budget or quota, or down — an older answer beats an error.
      const older = archived ?? cachedAnswer;
      const reason = older && staleReason(error, older.fetchedAt);
      if (!older || !reason) throw error;
      logger.info({ provider, operation, reason }, 'served an older answer instead of an error');
      return {
        page: older.page,
        fromCache: true,
        stale: true,
        staleReason: reason,
        fetchedAt: older.fetchedAt,
      };
    }
  }

  return {
    async search(provider, operation, query, signal, freshness) {
      const started = performance.now();
      signal?.throwIfAborted();
      const { params, ignored } = operationOf(callerFor(provider), operation).map(query);
      const result = await cached(provider, operation, params, signal, freshness);
      return {
        ...result,
        durationMs: Math.round(performance.now() - started),
        ignored,
      } as GatewayResult<never>;
    },

    async getOffer(provider, query, signal, freshness) {
      const started = performance.now();
      signal?.throwIfAborted();
      // Checked before the cache: a provider without a detail endpoint is a caller error, not a miss.
      // The key is the params: languages the provider cannot give map to the same params, one entry, one call.
      const { params, ignored } = operationOf(callerFor(provider), 'getOffer').map(query);
      const result = await cached(provider, 'getOffer', params, signal, freshness);
      return {
        offer: result.page as Offer,
        fromCache: result.fromCache,
        stale: result.stale,
        fetchedAt: result.fetchedAt,
        ...(result.staleReason ? { staleReason: result.staleReason } : {}),
        durationMs: Math.round(performance.now() - started),
        ignored,
      };
    },

    usage: () => ledger.report(),

    countReplay(provider) {
      if (callers.has(provider)) ledger.countCacheHit(provider);
    },

    async health() {
      if (!redis) return { redis: 'off' };
      try {
        return { redis: (await redis.ping()) === 'PONG' ? 'ok' : 'degraded' };
      } catch {
        return { redis: 'degraded' };
      }
    },

    async close() {
      await Promise.allSettled([...refreshes]);
      await Promise.allSettled([...callers.values()].map((caller) => caller.close()));
    },
  };
}

function errorSummary(error: unknown): { name?: string; code?: string } {
  const e = error as { name?: string; code?: string };
  return { name: e?.name, code: e?.code };
}
