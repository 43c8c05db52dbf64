import type { ProviderId } from '@yuantou/core';
import type { Logger } from 'pino';
import { type CacheLookup, cacheKey, type ResponseCache } from '../upstream/response-cache.js';
import type { UpstreamMetrics } from '../upstream/upstream-metrics.js';
import { createCacheFill } from './cache-fill.js';
import type { CacheHitTally } from './cache-hit-tally.js';
import { type Deadline, withinDeadline } from './deadline.js';
import type { GatewayOperation } from './gateway-contract.js';
import type { ProviderCaller } from './provider-caller.js';
import { errorSummary } from './redis-outage-watch.js';
import type { SharedStores } from './shared-stores.js';

export interface CachePathDeps {
  stores: Pick<SharedStores, 'cache' | 'flight'>;
  callers: Map<ProviderId, ProviderCaller>;
  metrics: UpstreamMetrics;
  hits: CacheHitTally;
  logger: Logger;
  deadlineMs: number;
}

export interface CachedResult {
  /** What the adapter parsed: a page for searches, an offer for getOffer. */
  page: unknown;
  fromCache: boolean;
  stale: boolean;
}

/**
 * The cache path: fresh or stale cache entry (refreshed in the background), else one coalesced, protected
 * upstream call. The key is what would be sent, not what was asked (`operation.map(query).params`): queries that
 * differ only in what this provider ignores or clamps share one entry and one paid call. Mapping is pure;
 * nothing is signed until a miss. A hit touches only the cache, one metric and the hit tally.
 */
export interface CachePath {
  cached(
    provider: ProviderId,
    operation: GatewayOperation,
    params: object,
    deadline: Deadline,
    signal: AbortSignal | undefined,
  ): Promise<CachedResult>;
  /** The cached answer only, never a paid call: undefined on a miss (a stale entry is still refreshed). */
  peek(provider: ProviderId, operation: GatewayOperation, params: object): Promise<CachedResult | undefined>;
  /** Waits for background refreshes still running. */
  close(): Promise<void>;
}

export function createCachePath(deps: CachePathDeps): CachePath {
  const { cache, flight } = deps.stores;
  const { logger, metrics } = deps;
  const fill = createCacheFill({ ...deps, cache, flight });

  const lookup = (key: string, operation: GatewayOperation) => lookupOrMiss(cache, logger, key, operation);

  /** A fresh or stale entry, counted as a hit (a stale one refreshed in the background); undefined on a miss. */
  async function hit(
    provider: ProviderId,
    operation: GatewayOperation,
    params: object,
    key: string,
  ): Promise<CachedResult | undefined> {
    const found = await lookup(key, operation);
    if (!found) return undefined;
    const stale = found.freshness === 'stale';
    metrics.cache.inc({ provider, operation, result: stale ? 'stale' : 'hit' });
    deps.hits.count(provider);
    if (stale) fill.refreshInBackground(provider, operation, params, key);
    return { page: found.entry.page, fromCache: true, stale };
  }

  return {
    peek: (provider, operation, params) =>
      hit(provider, operation, params, cacheKey(provider, operation, params)),
    async cached(provider, operation, params, deadline, signal) {
      const key = cacheKey(provider, operation, params);
      const found = await hit(provider, operation, params, key);
      if (found) return found;
      metrics.cache.inc({ provider, operation, result: 'miss' });
      // The caller's wait shares the call's one deadline; a coalesced call's own answer is kept as it is.
      const fetched = await withinDeadline(
        provider,
        deadline,
        signal,
        (s) => fill.fetchAndStore(provider, operation, params, key, deadline, s),
        true,
      );
      return { ...fetched, stale: false };
    },
    close: () => fill.close(),
  };
}

/** A cache outage must not fail searches: a failed read is a miss. */
async function lookupOrMiss(
  cache: ResponseCache,
  logger: Logger,
  key: string,
  operation: GatewayOperation,
): Promise<CacheLookup | undefined> {
  try {
    return await cache.lookup(key, operation);
  } catch (error) {
    logger.warn({ err: errorSummary(error) }, 'cache read failed');
    return undefined;
  }
}
