import type { ProviderId } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import type { Logger } from 'pino';
import type { AnswerStore } from '../store/answer-store.js';
import type { ResponseCache } from '../upstream/response-cache.js';
import type { SingleFlight } from '../upstream/single-flight.js';
import { type Deadline, deadlineFrom } from './deadline.js';
import type { GatewayOperation } from './gateway-contract.js';
import type { ProviderCaller } from './provider-caller.js';
import { errorSummary } from './redis-outage-watch.js';
import { keepSellerFacts } from './seller-facts.js';

/** A page the provider gave (or a peer instance stored), and when the provider gave it. */
export interface Fetched {
  /** What the adapter parsed: a page for searches, an offer for getOffer. */
  page: unknown;
  fromCache: boolean;
  /** Epoch ms when the provider answered. */
  fetchedAt: number;
}

export interface CacheFillDeps {
  cache: ResponseCache;
  flight: SingleFlight;
  callers: Map<ProviderId, ProviderCaller>;
  /** The database of what was paid for (issue 22), when there is one. */
  archive?: AnswerStore;
  logger: Logger;
  deadlineMs: number;
}

/**
 * Filling the cache: one coalesced, protected upstream call per key (across instances through the single-flight
 * lease), its answer stored in the cache and the database before anyone is answered; background refreshes of
 * stale entries.
 */
export function createCacheFill(deps: CacheFillDeps) {
  const { cache, flight, logger, archive } = deps;
  const refreshes = new Set<Promise<unknown>>();

  function fetchAndStore(
    provider: ProviderId,
    operation: GatewayOperation,
    params: object,
    key: string,
    deadline: Deadline,
    signal?: AbortSignal,
    notBefore = Date.now(),
  ): Promise<Fetched> {
    const caller = deps.callers.get(provider)!;
    return flight.run<Fetched>(
      key,
      async (flightSignal) => {
        const page = await caller.call(operation, params, flightSignal, deadline);
        const fetchedAt = Date.now();
        await cache.store(key, operation, page, fetchedAt).catch((error) => {
          logger.warn({ err: errorSummary(error) }, 'cache write failed');
        });
        // Every paid answer is kept (an offer also as a snapshot) before anyone is answered, so a restart or
        // kill -9 loses nothing that was paid for. Never throws (the store degrades).
        await archive?.record({ key, provider, operation, page, fetchedAt });
        // An official/reseller offer's seller facts are that seller's card too (seller-facts.ts).
        await keepSellerFacts({ cache, archive, logger }, provider, operation, page, fetchedAt);
        return { page, fromCache: false, fetchedAt };
      },
      {
        signal,
        // Another instance holds (or just released) the lease: its page lands in the shared cache when it is done.
        // Only a page stored since this request began is that peer's answer; an older one is what the request
        // already turned down (past its TTL, or older than its maxAge — `maxAge=0` must pay once, issue 22).
        peerResult: async () => {
          const found = await cache.lookup(key, operation).catch(() => undefined);
          return found?.freshness === 'fresh' && found.entry.storedAt >= notBefore
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
    fetchAndStore,
    refreshInBackground,
    /** Waits for background refreshes still running. */
    async close() {
      await Promise.allSettled([...refreshes]);
    },
  };
}
