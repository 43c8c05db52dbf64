import type { Offer, OfferHistoryResponse, OfferSnapshot } from '@yuantou/core';
import { snapshotOfOffer } from '../cells/snapshot-changes.js';
import { el } from '../dom/element.js';
import type { LinkLookup } from '../offers/offer-links.js';
import { changeSummary } from './offer-history-text.js';
import { priceChart } from './price-chart.js';

// Under each offer of the Links view: what changed since the fetch before the one shown, and the price over every
// fetch the proxy kept (issue 22). From GET /v1/offers/:ref/history, which reads the proxy's own store and never
// calls a provider (apps/proxy/src/routes/v1/offer-history.ts: "Never calls a provider" — it answers from
// answerStore.offerHistory, or 503 when the store is off or down): asking costs nothing, so the view asks on every
// lookup and a refreshed offer's new snapshot shows at once. A history that cannot be read says why in its own
// slot and leaves the offer's card as it is.

/** Snapshots read per offer: enough for a readable chart of a year of weekly re-pricing. */
export const LINKS_HISTORY_LIMIT = 100;

/** History requests in flight at once: a 1000-link paste must not open 1000 connections to the proxy. */
export const HISTORY_CONCURRENCY = 4;

export interface HistoryDeps {
  /** core's ProxyClient.offerHistory, bound to the pane's proxy. */
  offerHistory(
    ref: string,
    params?: { limit?: number },
    opts?: { signal?: AbortSignal },
  ): Promise<OfferHistoryResponse>;
  /** A failed request in the buyer's words (the pane's cellErrorFor). */
  errorText(error: unknown): string;
  /** The quantity the lookup priced at: prices compare at it, else the lowest price. */
  quantity?: number | undefined;
  signal?: AbortSignal;
}

/** The class of each offer's history slot (links-view.ts adds one per offer). */
export const HISTORY_SLOT = 'offer-history';

/** The slot's content once the history is in: the change sentences, then the chart. */
export function historyContent(
  doc: Document,
  offer: Offer,
  fetchedAt: string | undefined,
  snapshots: readonly OfferSnapshot[],
  quantity?: number,
): HTMLElement[] {
  // Without the answer's time (an older proxy), the shown offer is taken as the newest fetch kept.
  const shownAt = fetchedAt ?? snapshots[0]?.fetchedAt ?? new Date().toISOString();
  const summary = changeSummary(snapshotOfOffer(offer, shownAt), snapshots, quantity);
  const parts: HTMLElement[] = [el(doc, 'p', 'history-headline', summary.headline)];
  if (summary.lines.length > 0) {
    const list = el(doc, 'ul', 'history-changes');
    list.append(...summary.lines.map((line) => el(doc, 'li', undefined, line)));
    parts.push(list);
  }
  parts.push(priceChart(doc, snapshots, quantity));
  return parts;
}

/** The slot's content when the history could not be read. */
export const historyFailure = (doc: Document, reason: string): HTMLElement =>
  el(doc, 'p', 'history-headline history-error', `History unavailable: ${reason}`);

/**
 * Fills each offer's history slot in `list` (rendered by renderLinks) from the proxy, a few offers at a time; an
 * offer pasted twice is asked once. Resolves when every slot is filled; never rejects (a failure is the slot's).
 */
export async function showHistories(
  list: HTMLElement,
  found: readonly LinkLookup[],
  deps: HistoryDeps,
): Promise<void> {
  const doc = list.ownerDocument;
  const offers = new Map<string, Extract<LinkLookup, { offer: Offer }>>();
  for (const f of found) if (f.offer && !offers.has(f.offer.id)) offers.set(f.offer.id, f);
  const slotsOf = (id: string) =>
    [...list.querySelectorAll<HTMLElement>(`li[data-offer-id] .${HISTORY_SLOT}`)].filter(
      (slot) => slot.closest<HTMLElement>('li[data-offer-id]')?.dataset.offerId === id,
    );
  const queue = [...offers.values()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (deps.signal?.aborted) return;
      const { offer, age } = next;
      // Built per slot: a link pasted twice has two slots, and a node lives in one place only.
      let content: () => HTMLElement[];
      try {
        const history = await deps.offerHistory(
          offer.id,
          { limit: LINKS_HISTORY_LIMIT },
          deps.signal ? { signal: deps.signal } : {},
        );
        content = () => historyContent(doc, offer, age?.fetchedAt, history.snapshots, deps.quantity);
      } catch (error) {
        if (deps.signal?.aborted) return;
        const reason = deps.errorText(error);
        content = () => [historyFailure(doc, reason)];
      }
      for (const slot of slotsOf(offer.id)) {
        try {
          slot.replaceChildren(...content());
        } catch (error) {
          slot.replaceChildren(historyFailure(doc, error instanceof Error ? error.message : String(error)));
        }
        slot.setAttribute('aria-busy', 'false');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(HISTORY_CONCURRENCY, queue.length) }, worker));
}
