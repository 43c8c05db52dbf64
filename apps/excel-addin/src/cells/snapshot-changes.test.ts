import type { OfferSnapshot } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import {
  changeOf,
  previousSnapshot,
  snapshotChanges,
  snapshotOfOffer,
  snapshotPrice,
  unchanged,
} from './snapshot-changes.js';

// Snapshots in the shape GET /v1/offers/:ref/history answers (the proxy's snapshotOf: tiers without promotion,
// the price range, MOQ, stock, each SKU's id, price and stock), newest first.
const older: OfferSnapshot = {
  fetchedAt: '2026-12-01T09:00:00.000Z',
  provider: 'demo',
  priceTiers: [
    { minQuantity: 2, price: 12.5 },
    { minQuantity: 100, price: 11.5 },
    { minQuantity: 1000, price: 10 },
  ],
  priceMin: 10,
  priceMax: 12.5,
  moq: 2,
  stock: 1200,
  skus: [
    { id: '4000000000101', price: 12.5, stock: 600 },
    { id: '4000000000102', price: 12.5, stock: 600 },
  ],
};
const newer: OfferSnapshot = {
  ...older,
  fetchedAt: '2026-12-05T09:00:00.000Z',
  priceTiers: [
    { minQuantity: 10, price: 11.8 },
    { minQuantity: 100, price: 11.5 },
    { minQuantity: 1000, price: 9.5 },
  ],
  priceMin: 9.5,
  priceMax: 11.8,
  moq: 10,
  stock: 950,
  skus: [
    { id: '4000000000101', price: 11.8, stock: 500 },
    { id: '4000000000103', price: 11.8, stock: 250 },
    { id: '4000000000104', price: 11.8, stock: 200 },
  ],
};

describe('what changed between two fetches', () => {
  it('finds the fetch before the one shown, whatever order the list is in', () => {
    expect(previousSnapshot([newer, older], newer.fetchedAt)).toBe(older);
    expect(previousSnapshot([older, newer], '2026-12-06T00:00:00.000Z')).toBe(newer);
    expect(previousSnapshot([newer, older], older.fetchedAt)).toBeUndefined();
    expect(previousSnapshot([newer, older], undefined)).toBeUndefined();
  });

  it('compares lowest and highest price, stock, MOQ and SKUs by id', () => {
    expect(snapshotChanges(newer, older)).toEqual({
      since: older.fetchedAt,
      priceMin: { before: 10, now: 9.5, change: -0.5 },
      priceMax: { before: 12.5, now: 11.8, change: -0.7 },
      stock: { before: 1200, now: 950, change: -250 },
      moq: { before: 2, now: 10, change: 8 },
      skusAdded: ['4000000000103', '4000000000104'],
      skusRemoved: ['4000000000102'],
    });
  });

  it('with a quantity, compares the tier that applies at it (not min/max)', () => {
    expect(snapshotPrice(older, 500)).toBe(11.5);
    expect(snapshotPrice(newer, 5)).toBe(11.8); // below the MOQ: the first tier's price
    expect(snapshotPrice(newer, 2000)).toBe(9.5);
    const changes = snapshotChanges(newer, older, 50);
    expect(changes.priceAtQuantity).toEqual({ before: 12.5, now: 11.8, change: -0.7, quantity: 50 });
    expect(changes.priceMin).toBeUndefined();
    // The same tier price at 500 pieces both times: no price change.
    expect(snapshotChanges(newer, older, 500).priceAtQuantity).toBeUndefined();
    // No tiers (priced per variant): the lowest price.
    expect(snapshotPrice({ ...older, priceTiers: [], priceMin: 8.8 }, 500)).toBe(8.8);
  });

  it('says unchanged only when nothing compared differs', () => {
    expect(unchanged(snapshotChanges({ ...older, fetchedAt: newer.fetchedAt }, older))).toBe(true);
    expect(unchanged(snapshotChanges({ ...older, skus: older.skus.slice(1) }, older))).toBe(false);
    expect(unchanged(snapshotChanges({ ...older, stock: null }, older))).toBe(false);
    expect(changeOf(null, 3)).toBeNull();
    expect(changeOf(11.8, 12.5)).toBe(-0.7);
  });

  it('a live offer snapshots like the proxy does (tiers without promotion, SKU id/price/stock)', () => {
    const offer = sampleOffer('612345678901');
    const snap = snapshotOfOffer(offer, '2026-12-05T09:00:00.000Z');
    expect(snap.priceTiers).toEqual(
      offer.priceTiers.map((t) => ({ minQuantity: t.minQuantity, price: t.price })),
    );
    expect(snap.skus).toEqual(offer.skus.map((s) => ({ id: s.id, price: s.price, stock: s.stock })));
    expect(snap).toMatchObject({ provider: offer.provider, priceMin: offer.priceMin, moq: offer.moq });
  });
});
