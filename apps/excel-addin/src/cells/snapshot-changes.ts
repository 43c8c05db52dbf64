import { type Offer, OfferPriceError, type OfferSnapshot, priceAt } from '@yuantou/core';

// What changed between two fetches of one offer (issue 22, "History and change"), the one computation behind
// =OFFERS' `changes` columns (offers/offer-changes.ts) and the pane's Links view (taskpane/offer-history-view.ts).
// The proxy keeps one snapshot per paid fetch (GET /v1/offers/:ref/history, newest first): the offer's tiers,
// price range, MOQ, stock and each SKU's price and stock. The offer shown is compared with the snapshot of the
// fetch BEFORE it (by `fetchedAt`), in the same shape the proxy stores (apps/proxy/src/store/answer-store.ts
// `snapshotOf`), so a live offer and a kept snapshot compare field by field.

/** The snapshot before the one the view shows (by its fetchedAt), from a newest-first list. */
export function previousSnapshot(
  snapshots: readonly OfferSnapshot[],
  fetchedAt: string | undefined,
): OfferSnapshot | undefined {
  if (!fetchedAt) return undefined;
  const shown = Date.parse(fetchedAt);
  return [...snapshots]
    .sort((a, b) => Date.parse(b.fetchedAt) - Date.parse(a.fetchedAt))
    .find((s) => Date.parse(s.fetchedAt) < shown);
}

/** `now − before`, rounded to the fen; null when either is unknown. */
export function changeOf(now: number | null | undefined, before: number | null | undefined): number | null {
  return now === null || now === undefined || before === null || before === undefined
    ? null
    : Math.round((now - before) * 100) / 100;
}

/** A live offer as the proxy snapshots it (the same fields, the same tier and SKU shapes). */
export function snapshotOfOffer(offer: Offer, fetchedAt: string): OfferSnapshot {
  return {
    fetchedAt,
    provider: offer.provider,
    priceTiers: offer.priceTiers.map((t) => ({ minQuantity: t.minQuantity, price: t.price })),
    priceMin: offer.priceMin,
    priceMax: offer.priceMax,
    moq: offer.moq,
    stock: offer.stock,
    skus: offer.skus.map((s) => ({ id: s.id, price: s.price, stock: s.stock })),
  };
}

/**
 * The price one snapshot gives: at `quantity` pieces by its tiers (core's priceAt: the tier that applies, the
 * first one below the MOQ; no tiers → the lowest price) when the buyer gave a quantity, else the lowest price.
 * Null when the fetch had no price.
 */
export function snapshotPrice(snapshot: OfferSnapshot, quantity?: number): number | null {
  if (quantity === undefined) return snapshot.priceMin;
  try {
    const { priceTiers, moq, priceMin } = snapshot;
    return priceAt({ id: 'snapshot', priceTiers, moq, priceMin, skus: [] }, quantity).unitPrice;
  } catch (error) {
    if (error instanceof OfferPriceError) return snapshot.priceMin;
    throw error;
  }
}

/** One number that changed: before, now, and the difference (null: one side unknown). */
export interface ValueChange {
  before: number | null;
  now: number | null;
  change: number | null;
}

/** What changed between two fetches; a field is absent when it did not change. */
export interface SnapshotChanges {
  /** When the earlier fetch was made (ISO 8601). */
  since: string;
  /** At the buyer's quantity, when one was given (`quantity`), else absent. */
  priceAtQuantity?: ValueChange & { quantity: number };
  /** The lowest and highest listed price (without a quantity). */
  priceMin?: ValueChange;
  priceMax?: ValueChange;
  stock?: ValueChange;
  moq?: ValueChange;
  /** SKU ids listed now but not before, and before but not now, in listing order. */
  skusAdded: string[];
  skusRemoved: string[];
}

const valueChange = (now: number | null, before: number | null): ValueChange | undefined =>
  now === before ? undefined : { before, now, change: changeOf(now, before) };

/** The changes from `before` to `now`; `quantity` compares the price at that many pieces instead of min/max. */
export function snapshotChanges(
  now: OfferSnapshot,
  before: OfferSnapshot,
  quantity?: number,
): SnapshotChanges {
  const changes: SnapshotChanges = {
    since: before.fetchedAt,
    skusAdded: now.skus.filter((s) => !before.skus.some((b) => b.id === s.id)).map((s) => s.id),
    skusRemoved: before.skus.filter((b) => !now.skus.some((s) => s.id === b.id)).map((b) => b.id),
  };
  if (quantity !== undefined) {
    const price = valueChange(snapshotPrice(now, quantity), snapshotPrice(before, quantity));
    if (price) changes.priceAtQuantity = { ...price, quantity };
  } else {
    const min = valueChange(now.priceMin, before.priceMin);
    const max = valueChange(now.priceMax, before.priceMax);
    if (min) changes.priceMin = min;
    if (max) changes.priceMax = max;
  }
  const stock = valueChange(now.stock, before.stock);
  const moq = valueChange(now.moq, before.moq);
  if (stock) changes.stock = stock;
  if (moq) changes.moq = moq;
  return changes;
}

/** Nothing changed that {@link snapshotChanges} compares. */
export function unchanged(changes: SnapshotChanges): boolean {
  return (
    !changes.priceAtQuantity &&
    !changes.priceMin &&
    !changes.priceMax &&
    !changes.stock &&
    !changes.moq &&
    changes.skusAdded.length === 0 &&
    changes.skusRemoved.length === 0
  );
}
