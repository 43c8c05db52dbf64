import type { OperationName, Page, ProviderId } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import { Redis } from 'ioredis';
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
} from '../upstream/response-cache.js';
import { createSingleFlight, redisLock } from '../upstream/single-flight.js';
import { upstreamMetrics } from '../upstream/upstream-metrics.js';
import type { GatewayOptions, GatewayResult, ProviderGateway } from './gateway-contract.js';
import {
  createProviderCaller,
  operationOf,
  type ProviderCaller,
  type UpstreamHooks,
} from './provider-caller.js';

export interface GatewayHooks extends UpstreamHooks {
  /** Prefix of every Redis key (cache, locks, rate windows); tests use one per run. */
  redisKeyPrefix?: string;
  /** How often a proxy instance that lost the single-flight lease looks for the winner's page. */
  peerPollMs?: number;
  /** Single-flight lease length (renewed while the call runs); default 5 s. */
  leaseMs?: number;
}

interface Fetched {
  page: Page<unknown>;
  fromCache: boolean;
}

export function createProviderGateway(options: GatewayOptions, hooks: GatewayHooks = {}): ProviderGateway {
  const prefix = hooks.redisKeyPrefix ?? 'yuantou:';
  const logger = options.logger.child({ component: 'gateway' });
  const metrics = upstreamMetrics(options.registry);
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, {
        lazyConnect: true,
        connectTimeout: 2000,
        // Fail a command fast while Redis is away: every Redis use here degrades to local behaviour.
        commandTimeout: 500,
        maxRetriesPerRequest: 1,
      })
    : undefined;
  // ioredis reconnects on its own; the error event only needs to be observed (without the URL's password).
  redis?.on('error', (error: Error & { code?: string }) =>
    logger.warn({ code: error.code }, 'redis connection error'),
  );

  const cache = createResponseCache({
    store: redis ? redisCacheStore(redis, `${prefix}cache:`) : memoryCacheStore(options.cache.maxEntries),
    ttlSeconds: options.cache.ttlSeconds,
    staleSeconds: options.cache.staleSeconds,
  });
  const flight = createSingleFlight({
    lock: redis ? redisLock(redis, `${prefix}lock:`) : undefined,
    pollMs: hooks.peerPollMs,
    leaseMs: hooks.leaseMs,
    onLockError: (error) => logger.warn({ err: errorSummary(error) }, 'single-flight lock unavailable'),
  });
  const rateStore = redis
    ? fallbackRateWindowStore(
        redisRateWindowStore(redis, `${prefix}rate:`),
        memoryRateWindowStore(),
        (error) =>
          logger.warn({ err: errorSummary(error) }, 'shared rate limit unavailable; counting locally'),
      )
    : memoryRateWindowStore();
  const callers = new Map<ProviderId, { caller: ProviderCaller; timeoutMs: number }>();
  for (const settings of options.providers) {
    const caller = createProviderCaller({ ...options, settings, rateStore, metrics, logger, hooks });
    callers.set(settings.id, { caller, timeoutMs: settings.timeoutMs });
  }
  const refreshes = new Set<Promise<unknown>>();

  async function lookup(key: string, operation: OperationName): Promise<CacheLookup | undefined> {
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
    operation: OperationName,
    query: unknown,
    key: string,
    signal?: AbortSignal,
  ): Promise<Fetched> {
    const entry = callers.get(provider)!;
    return flight.run<Fetched>(
      key,
      async (flightSignal) => {
        const page = await entry.caller.call(operation, query, flightSignal);
        await cache.store(key, operation, page).catch((error) => {
          logger.warn({ err: errorSummary(error) }, 'cache write failed');
        });
        return { page, fromCache: false };
      },
      {
        signal,
        // Another instance holds the lease: its page lands in the shared cache when it is done.
        peerResult: async () => {
          const found = await lookup(key, operation);
          return found?.freshness === 'fresh' ? { page: found.entry.page, fromCache: true } : undefined;
        },
      },
    );
  }

  function refreshInBackground(provider: ProviderId, operation: OperationName, query: unknown, key: string) {
    const refresh = fetchAndStore(provider, operation, query, key)
      .catch((error) => {
        logger.warn(
          { provider, operation, kind: ProviderError.isInstance(error) ? error.kind : undefined },
          'background refresh failed',
        );
      })
      .finally(() => refreshes.delete(refresh));
    refreshes.add(refresh);
  }

  return {
    async search(provider, operation, query, signal) {
      const started = performance.now();
      signal?.throwIfAborted();
      const entry = callers.get(provider);
      if (!entry) {
        throw new ProviderError({
          provider,
          kind: 'bad_request',
          message: `${provider} is not configured on this proxy`,
        });
      }
      const settings = options.providers.find((p) => p.id === provider)!;
      // Queries arrive parsed; building the request here only tells which fields this provider ignores.
      const { ignored } = operationOf(settings, operation).buildRequest(query, settings.credentials);
      const key = cacheKey(provider, operation, query);
      const durationMs = () => Math.round(performance.now() - started);
      type Result = GatewayResult<never>;

      const cached = await lookup(key, operation);
      if (cached) {
        const stale = cached.freshness === 'stale';
        metrics.cache.inc({ provider, operation, result: stale ? 'stale' : 'hit' });
        if (stale) refreshInBackground(provider, operation, query, key);
        return {
          page: cached.entry.page,
          fromCache: true,
          stale,
          durationMs: durationMs(),
          ignored,
        } as Result;
      }
      metrics.cache.inc({ provider, operation, result: 'miss' });
      const fetched = await fetchAndStore(provider, operation, query, key, signal);
      return {
        page: fetched.page,
        fromCache: fetched.fromCache,
        stale: false,
        durationMs: durationMs(),
        ignored,
      } as Result;
    },

    async isReady() {
      if (!redis) return true;
      try {
        if (redis.status === 'wait') await redis.connect();
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },

    async close() {
      await Promise.allSettled([...refreshes]);
      await Promise.allSettled([...callers.values()].map(({ caller }) => caller.close()));
      if (redis && redis.status !== 'end') {
        await redis.quit().catch(() => redis.disconnect());
      }
    },
  };
}

function errorSummary(error: unknown): { name?: string; code?: string } {
  const e = error as { name?: string; code?: string };
  return { name: e?.name, code: e?.code };
}
