import type { ProviderId, SupplierDetail } from '@yuantou/core';
import type { Logger } from 'pino';
import { staleReason, withinMaxAge } from '../store/answer-age.js';
import type { AnswerStore } from '../store/answer-store.js';
import { type CacheLookup, cacheKey, type ResponseCache } from '../upstream/response-cache.js';
import type { UpstreamMetrics } from '../upstream/upstream-metrics.js';
import { createCacheFill } from './cache-fill.js';
import type { CacheHitTally } from './cache-hit-tally.js';
import { type Deadline, withinDeadline } from './deadline.js';
import type { AnswerFreshness, GatewayOperation } from './gateway-contract.js';
import type { ProviderCaller } from './provider-caller.js';
import { errorSummary } from './redis-outage-watch.js';
import { keptSellerFacts } from './seller-facts.js';
import type { SharedStores } from './shared-stores.js';

export interface CachePathDeps {
  stores: Pick<SharedStores, 'cache' | 'flight'>;
  callers: Map<ProviderId, ProviderCaller>;
  metrics: UpstreamMetrics;
  hits: CacheHitTally;
  logger: Logger;
  deadlineMs: number;
  /** The database of what was paid for (issue 22), when there is one. */
  archive?: AnswerStore;
  /** Each operation's cache TTL (s): how old a database answer may be when the caller names no `maxAge`. */
  ttlSeconds: Partial<Record<GatewayOperation, number>>;
}

export interface CachedResult {
  /** What the adapter parsed: a page for searches, an offer for getOffer. */
  page: unknown;
  fromCache: boolean;
  stale: boolean;
  /** Epoch ms when the provider gave this answer; a cached or archived one keeps its original time. */
  fetchedAt: number;
  /** Set when an older answer was served because the provider could not answer (`budget reached — …`). */
  staleReason?: string;
}

/**
 * The cache path: a fresh or stale cache entry (refreshed in the background), else the database's last answer
 * while it is young enough, else one coalesced, protected upstream call. With `maxAgeSeconds` an answer at most
 * that old is served whatever the TTLs say (`0`: always a paid call). When the call fails for want of budget or
 * quota, or because the provider is down, the newest older answer is served instead, stale with the reason.
 * The key is what would be sent, not what was asked (`operation.map(query).params`): queries that differ only in
 * what this provider ignores or clamps share one entry and one paid call. Mapping is pure; nothing is signed
 * until a miss. A hit touches only the cache, one metric and the hit tally.
 */
export interface CachePath {
  cached(
    provider: ProviderId,
    operation: GatewayOperation,
    params: object,
    deadline: Deadline,
    signal: AbortSignal | undefined,
    freshness?: AnswerFreshness,
  ): Promise<CachedResult>;
  /** The cached answer only, never a paid call: undefined on a miss (a stale entry is still refreshed). */
  peek(
    provider: ProviderId,
    operation: GatewayOperation,
    params: object,
    freshness?: AnswerFreshness,
  ): Promise<CachedResult | undefined>;
  /**
   * The seller facts an official/reseller offer answer carried (seller-facts.ts), from the cache or the store,
   * never a paid call; undefined when none are at hand (or older than `maxAgeSeconds`). Counted as a cache hit.
   */
  sellerFacts(
    provider: ProviderId,
    sellerOpenId: string,
    maxAgeSeconds?: number,
  ): Promise<{ detail: SupplierDetail; storedAt: number } | undefined>;
  /** Waits for background refreshes still running. */
  close(): Promise<void>;
}

export function createCachePath(deps: CachePathDeps): CachePath {
  const { cache, flight } = deps.stores;
  const { logger, metrics, archive } = deps;
  const fill = createCacheFill({ ...deps, cache, flight });

  /** Counted as a hit: a cache entry, or a database answer put back into the cache. */
  function counted(provider: ProviderId, operation: GatewayOperation, stale: boolean) {
    metrics.cache.inc({ provider, operation, result: stale ? 'stale' : 'hit' });
    deps.hits.count(provider);
  }

  /** A servable cache entry (a stale one refreshed in the background), and the entry whatever its age. */
  async function fromCache(
    provider: ProviderId,
    operation: GatewayOperation,
    params: object,
    key: string,
    { maxAgeSeconds }: AnswerFreshness,
  ): Promise<{ served?: CachedResult; found?: CacheLookup }> {
    const found = await lookupOrMiss(cache, logger, key, operation);
    if (!found) return {};
    if (maxAgeSeconds !== undefined && !withinMaxAge(found.entry.storedAt, maxAgeSeconds, Date.now()))
      return { found };
    // Past its TTL but within the caller's maxAge: what the caller asked for, not stale.
    const stale = found.freshness === 'stale' && maxAgeSeconds === undefined;
    counted(provider, operation, stale);
    if (stale) fill.refreshInBackground(provider, operation, params, key);
    const served = { page: found.entry.page, fromCache: true, stale, fetchedAt: found.entry.storedAt };
    return { served, found };
  }

  return {
    async peek(provider, operation, params, freshness = {}) {
      return (await fromCache(provider, operation, params, cacheKey(provider, operation, params), freshness))
        .served;
    },
    async cached(provider, operation, params, deadline, signal, freshness = {}) {
      const asked = Date.now();
      const key = cacheKey(provider, operation, params);
      const { served, found } = await fromCache(provider, operation, params, key, freshness);
      if (served) return served;
      // A miss in the caches (a restart, an expired entry) may still have been paid for — possibly more
      // recently than this instance's entry (another instance, a shared Postgres).
      const cachedAnswer = found && { page: found.entry.page, fetchedAt: found.entry.storedAt };
      const stored = await archive?.lastAnswer(key);
      const archived =
        stored && (!cachedAnswer || stored.fetchedAt > cachedAnswer.fetchedAt) ? stored : undefined;
      const archiveMaxAge = freshness.maxAgeSeconds ?? deps.ttlSeconds[operation] ?? 0;
      if (archived && withinMaxAge(archived.fetchedAt, archiveMaxAge, Date.now())) {
        counted(provider, operation, false);
        await cache.store(key, operation, archived.page, archived.fetchedAt).catch(() => undefined);
        return { page: archived.page, fromCache: true, stale: false, fetchedAt: archived.fetchedAt };
      }
      metrics.cache.inc({ provider, operation, result: 'miss' });
      try {
        // The caller's wait shares the call's one deadline; a coalesced call's own answer is kept as it is.
        const fetched = await withinDeadline(
          provider,
          deadline,
          signal,
          (s) => fill.fetchAndStore(provider, operation, params, key, deadline, s, asked),
          true,
        );
        return { ...fetched, stale: false };
      } catch (error) {
        return olderInstead(error, archived ?? cachedAnswer, logger, provider, operation);
      }
    },
    async sellerFacts(provider, sellerOpenId, maxAgeSeconds) {
      const found = await keptSellerFacts({ cache, archive, logger }, provider, sellerOpenId, maxAgeSeconds);
      if (found) counted(provider, 'getSupplier', false);
      return found;
    },
    close: () => fill.close(),
  };
}

/** Out of budget or quota, rate limited or down: an older answer beats an error (issue 22). */
function olderInstead(
  error: unknown,
  older: { page: unknown; fetchedAt: number } | undefined,
  logger: Logger,
  provider: ProviderId,
  operation: GatewayOperation,
): CachedResult {
  const reason = older && staleReason(error, older.fetchedAt);
  if (!older || !reason) throw error;
  logger.info({ provider, operation, reason }, 'served an older answer instead of an error');
  return { page: older.page, fromCache: true, stale: true, staleReason: reason, fetchedAt: older.fetchedAt };
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
