import type { Offer, ProviderId, SupplierDetail } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import type { Redis } from 'ioredis';
import { upstreamMetrics } from '../upstream/upstream-metrics.js';
import { createCacheHitTally } from './cache-hit-tally.js';
import { type CachePath, createCachePath } from './cache-path.js';
import { deadlineFrom } from './deadline.js';
import type { GatewayOptions, GatewayResult, ProviderGateway, ProviderSettings } from './gateway-contract.js';
import {
  createProviderCaller,
  operationOf,
  type ProviderCaller,
  type UpstreamHooks,
} from './provider-caller.js';
import { watchRedisOutage } from './redis-outage-watch.js';
import { type StoreHooks, selectStores } from './shared-stores.js';

export interface GatewayHooks extends UpstreamHooks, StoreHooks {}

/**
 * The gateway composed from named parts: the Redis outage watch, the stores it selects, one protected caller per
 * provider (UPSTREAM_CHAIN, one step per file in steps/) and the cache path in front of them.
 */
export function createProviderGateway(options: GatewayOptions, hooks: GatewayHooks = {}): ProviderGateway {
  const logger = options.logger.child({ component: 'gateway' });
  const metrics = upstreamMetrics(options.registry);
  const { redis } = options;
  // One watch per process: the Redis plugin's when it made the client, else this gateway's own.
  const onRedisError = options.onRedisError ?? watchRedisOutage(redis, logger);
  const stores = selectStores(options, hooks, onRedisError);
  const { ledger } = stores;
  const hits = createCacheHitTally(ledger);
  const usage = () => {
    hits.flush();
    return ledger.report();
  };
  metrics.observeUsage(usage);

  const callers = new Map<ProviderId, ProviderCaller>();
  for (const settings of options.providers) {
    const deps = { ...options, ...stores, settings, metrics, logger, hooks };
    callers.set(settings.id, createProviderCaller(deps));
  }
  const path = createCachePath({ stores, callers, metrics, hits, logger, deadlineMs: options.deadlineMs });

  function settingsOf(provider: ProviderId) {
    if (!callers.has(provider)) {
      throw new ProviderError({
        provider,
        kind: 'bad_request',
        message: `${provider} is not configured on this proxy`,
      });
    }
    return options.providers.find((p) => p.id === provider)!;
  }

  const detail = detailLookup(path, settingsOf, options.deadlineMs);

  return {
    async search(provider, operation, query, signal) {
      const started = performance.now();
      const deadline = deadlineFrom(options.deadlineMs);
      signal?.throwIfAborted();
      const { params, ignored } = operationOf(settingsOf(provider), operation).map(query);
      const result = await path.cached(provider, operation, params, deadline, signal);
      return {
        ...result,
        durationMs: Math.round(performance.now() - started),
        ignored,
      } as GatewayResult<never>;
    },

    async getOffer(provider, query, signal) {
      const { page, storedAt: _, ...result } = await detail(provider, 'getOffer', query, signal);
      return { ...result, offer: page as Offer };
    },

    async getSupplier(provider, ref, signal) {
      const { page, ignored: _, ...result } = await detail(provider, 'getSupplier', ref, signal);
      return { ...result, detail: page as SupplierDetail };
    },

    usage,

    countReplay(provider) {
      if (callers.has(provider)) hits.count(provider);
    },

    health: () => redisHealth(redis),

    async close() {
      await path.close();
      hits.close();
      await Promise.allSettled([...callers.values()].map((caller) => caller.close()));
    },
  };
}

/**
 * One offer's or supplier's details: mapped before the cache (a provider without the operation, or an id form it
 * cannot look up, is a caller error costing nothing), then the cache path. The key is the params: queries the
 * provider cannot tell apart map to one entry, one call.
 */
function detailLookup(
  path: CachePath,
  settingsOf: (provider: ProviderId) => ProviderSettings,
  deadlineMs: number,
) {
  return async (
    provider: ProviderId,
    operation: 'getOffer' | 'getSupplier',
    query: unknown,
    signal: AbortSignal | undefined,
  ) => {
    const started = performance.now();
    const deadline = deadlineFrom(deadlineMs);
    signal?.throwIfAborted();
    const { params, ignored } = operationOf(settingsOf(provider), operation).map(query);
    const result = await path.cached(provider, operation, params, deadline, signal);
    return { ...result, durationMs: Math.round(performance.now() - started), ignored };
  };
}

/** `degraded` while Redis is configured but does not answer (this instance then serves on its own). */
async function redisHealth(redis: Redis | undefined): Promise<{ redis: 'ok' | 'degraded' | 'off' }> {
  if (!redis) return { redis: 'off' };
  try {
    return { redis: (await redis.ping()) === 'PONG' ? 'ok' : 'degraded' };
  } catch {
    return { redis: 'degraded' };
  }
}
