import type { Offer, OfferHistoryResponse } from '@yuantou/core';
import { type AnswerAge, asOfRich, asOfSerial } from '../cells/as-of.js';
import type { RefreshSwitch } from '../cells/freshness.js';
import type { QueryCache } from '../cells/query-cache.js';
import { changeOf, previousSnapshot } from '../cells/snapshot-changes.js';
import type { OfferColumn } from './offer-row.js';

// `changes` on =OFFER/=OFFERS (issue 22): what changed since the fetch before the one shown — `Δ price` (lowest
// price, CNY), `Δ stock` and `since` (when that earlier fetch was made, an Excel date-time) — from the snapshots
// the proxy kept (GET /v1/offers/:ref/history: free, never a provider call; one request per distinct offer, as
// there is no batch route). Placed after the picked fields and before the closing `as of` and `stale`, only when
// asked, so the columns of formulas without the option never move. Blank when there is no earlier fetch. The
// comparison itself is cells/snapshot-changes.ts, shared with the pane's Links view.

/** The part of core's ProxyClient the change columns use. */
export interface OfferHistoryClient {
  offerHistory(
    ref: string,
    params?: { limit?: number },
    opts?: { signal?: AbortSignal },
  ): Promise<OfferHistoryResponse>;
}

/** Snapshots read per offer: the newest few are enough to find the one before the shown answer. */
export const CHANGE_HISTORY_LIMIT = 10;

/** The change columns, reading each view's previous snapshot (`view.previous`). */
export const CHANGE_COLUMNS: readonly OfferColumn[] = [
  {
    field: 'priceChange',
    header: 'Δ price (CNY)',
    description: 'With changes: the lowest price now minus at the fetch before (negative: it dropped).',
    format: 'price',
    value: (v) => changeOf(v.offer.priceMin, v.previous?.priceMin),
  },
  {
    field: 'stockChange',
    header: 'Δ stock',
    description: 'With changes: pieces in stock now minus at the fetch before.',
    format: 'integer',
    value: (v) => changeOf(v.offer.stock, v.previous?.stock),
  },
  {
    field: 'since',
    header: 'since',
    description: 'With changes: when the fetch compared against was made (an Excel date-time).',
    format: 'datetime',
    value: (v) => asOfSerial(v.previous?.fetchedAt),
    rich: (v, capabilities) => asOfRich(asOfSerial(v.previous?.fetchedAt), capabilities),
  },
];

/**
 * Each offer's snapshot before the shown answer, from the history the proxy kept (free), remembered like other
 * answers and read again in a pane refresh. A history that cannot be read (no store, an older proxy) leaves the
 * change cells blank, never fails the row.
 */
export function createPreviousLookup(deps: {
  client: () => Partial<OfferHistoryClient>;
  cache: QueryCache;
  refresh: RefreshSwitch;
}) {
  return async (offer: Offer, age: AnswerAge | undefined, signal?: AbortSignal) => {
    const client = deps.client();
    if (!client.offerHistory) return undefined;
    const asked = deps.refresh.ask(undefined);
    try {
      const history = await deps.cache.get(
        `changes:${offer.id}`,
        (s) => client.offerHistory!(offer.id, { limit: CHANGE_HISTORY_LIMIT }, { signal: s }),
        signal,
        asked.refresh === undefined ? {} : { refresh: asked.refresh },
      );
      return previousSnapshot(history.snapshots, age?.fetchedAt);
    } catch (error) {
      if (signal?.aborted) throw error;
      return undefined;
    }
  };
}
