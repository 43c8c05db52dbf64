import type { ProviderId } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import type { RedisClient } from '../redis-client.js';
import { upstreamMetrics } from '../upstream/upstream-metrics.js';
import { createCacheHitTally } from './cache-hit-tally.js';
import { createCachePath } from './cache-path.js';
import type { GatewayOptions, ProviderGateway } from './gateway-contract.js';
import { createLookups } from './lookups.js';
import { createProviderCaller, type ProviderCaller, type UpstreamHooks } from './provider-caller.js';
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
  const stores = selectStores(options, hooks, onRedisError, (where) => metrics.coalesced.inc({ where }));
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
  const path = createCachePath({
    stores,
    callers,
    metrics,
    hits,
    logger,
    deadlineMs: options.deadlineMs,
    archive: options.archive,
    ttlSeconds: options.cache.ttlSeconds,
  });

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

  return {
    ...createLookups({ path, settingsOf, deadlineMs: options.deadlineMs }),

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

/** `degraded` while Redis is configured but does not answer (this instance then serves on its own). */
async function redisHealth(redis: RedisClient | undefined): Promise<{ redis: 'ok' | 'degraded' | 'off' }> {
  if (!redis) return { redis: 'off' };
  try {
    return { redis: (await redis.ping()) === 'PONG' ? 'ok' : 'degraded' };
  } catch {
    return { redis: 'degraded' };
  }
}
