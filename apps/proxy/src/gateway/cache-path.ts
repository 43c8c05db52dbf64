import type { ProviderId } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import type { Logger } from 'pino';
import { type CacheLookup, cacheKey, type ResponseCache } from '../upstream/response-cache.js';
import type { UpstreamMetrics } from '../upstream/upstream-metrics.js';
import type { CacheHitTally } from './cache-hit-tally.js';
import { type Deadline, deadlineFrom, withinDeadline } from './deadline.js';
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
  /** Epoch ms when the provider answered (now for a fresh call). */
  storedAt: number;
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
  /** Waits for background refreshes still running. */
  close(): Promise<void>;
}

export function createCachePath(deps: CachePathDeps): CachePath {
  const { cache, flight } = deps.stores;
  const { logger, metrics } = deps;
  const refreshes = new Set<Promise<unknown>>();

  const lookup = (key: string, operation: GatewayOperation) => lookupOrMiss(cache, logger, key, operation);

  function fetchAndStore(
    provider: ProviderId,
    operation: GatewayOperation,
    params: object,
    key: string,
    deadline: Deadline,
    signal?: AbortSignal,
  ): Promise<Fetched> {
    const caller = deps.callers.get(provider)!;
    return flight.run<Fetched>(
      key,
      async (flightSignal) => {
        const page = await caller.call(operation, params, flightSignal, deadline);
        await cache.store(key, operation, page).catch((error) => {
          logger.warn({ err: errorSummary(error) }, 'cache write failed');
        });
        return { page, fromCache: false, storedAt: Date.now() };
      },
      {
        signal,
        // Another instance holds the lease: its page lands in the shared cache when it is done.
        peerResult: async () => {
          const found = await lookup(key, operation);
          return found?.freshness === 'fresh' ? fromEntry(found) : undefined;
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
    const refresh = fetchAndStore(provider, operation, params, key, deadlineFrom(deps.deadlineMs))
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
    async cached(provider, operation, params, deadline, signal) {
      const key = cacheKey(provider, operation, params);
      const found = await lookup(key, operation);
      if (found) {
        const stale = found.freshness === 'stale';
        metrics.cache.inc({ provider, operation, result: stale ? 'stale' : 'hit' });
        deps.hits.count(provider);
        if (stale) refreshInBackground(provider, operation, params, key);
        return { ...fromEntry(found), stale };
      }
      metrics.cache.inc({ provider, operation, result: 'miss' });
      // The caller's wait shares the call's one deadline; a coalesced call's own answer is kept as it is.
      const fetched = await withinDeadline(
        provider,
        deadline,
        signal,
        (s) => fetchAndStore(provider, operation, params, key, deadline, s),
        true,
      );
      return { ...fetched, stale: false };
    },
    async close() {
      await Promise.allSettled([...refreshes]);
    },
  };
}

type Fetched = Omit<CachedResult, 'stale'>;

/** A cache entry as a result: its page and when the provider answered it. */
const fromEntry = (found: CacheLookup): Fetched => ({
  page: found.entry.page,
  fromCache: true,
  storedAt: found.entry.storedAt,
});

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
