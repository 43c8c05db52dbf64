import type { ProviderId } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import type { Logger } from 'pino';
import type { ResponseCache } from '../upstream/response-cache.js';
import type { SingleFlight } from '../upstream/single-flight.js';
import { type Deadline, deadlineFrom } from './deadline.js';
import type { GatewayOperation } from './gateway-contract.js';
import type { ProviderCaller } from './provider-caller.js';
import { errorSummary } from './redis-outage-watch.js';

export interface CacheFillDeps {
  cache: ResponseCache;
  flight: SingleFlight;
  callers: Map<ProviderId, ProviderCaller>;
  logger: Logger;
  deadlineMs: number;
}

/**
 * Filling the cache: one coalesced, protected upstream call per key (across instances through the single-flight
 * lease), its answer stored before anyone is answered; background refreshes of stale entries.
 */
export function createCacheFill(deps: CacheFillDeps) {
  const { cache, flight, logger } = deps;
  const refreshes = new Set<Promise<unknown>>();

  function fetchAndStore(
    provider: ProviderId,
    operation: GatewayOperation,
    params: object,
    key: string,
    deadline: Deadline,
    signal?: AbortSignal,
  ): Promise<{ page: unknown; fromCache: boolean }> {
    const caller = deps.callers.get(provider)!;
    return flight.run<{ page: unknown; fromCache: boolean }>(
      key,
      async (flightSignal) => {
        const page = await caller.call(operation, params, flightSignal, deadline);
        await cache.store(key, operation, page).catch((error) => {
          logger.warn({ err: errorSummary(error) }, 'cache write failed');
        });
        return { page, fromCache: false };
      },
      {
        signal,
        // Another instance holds the lease: its page lands in the shared cache when it is done.
        peerResult: async () => {
          const found = await cache.lookup(key, operation).catch(() => undefined);
          return found?.freshness === 'fresh' ? { page: found.entry.page, fromCache: true } : undefined;
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
