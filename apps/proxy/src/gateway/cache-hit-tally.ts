import type { ProviderId } from '@yuantou/core';
import type { UsageLedger } from '../upstream/usage-ledger.js';

/** How often tallied cache hits reach the ledger (and, with Redis, the other instances). */
export const CACHE_HIT_FLUSH_MS = 1000;

/**
 * Cache hits counted off the request path. A hit used to cost a ledger write of its own (a promise, a
 * date key and, with Redis, an EVAL round trip) on every request, replays included: the hottest path of the
 * proxy. Here a hit is one Map increment; the counts reach the ledger in one batch per provider every
 * CACHE_HIT_FLUSH_MS, and before every usage report, so this instance's own report is never behind.
 */
export interface CacheHitTally {
  count(provider: ProviderId): void;
  /** Hands the counts so far to the ledger. */
  flush(): void;
  close(): void;
}

export function createCacheHitTally(ledger: UsageLedger, flushMs = CACHE_HIT_FLUSH_MS): CacheHitTally {
  const counts = new Map<ProviderId, number>();
  let timer: NodeJS.Timeout | undefined;

  function flush() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    for (const [provider, hits] of counts) ledger.countCacheHit(provider, hits);
    counts.clear();
  }

  return {
    count(provider) {
      counts.set(provider, (counts.get(provider) ?? 0) + 1);
      if (!timer) {
        timer = setTimeout(flush, flushMs);
        timer.unref();
      }
    },
    flush,
    close: flush,
  };
}
