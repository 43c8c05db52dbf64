import type { OfferSnapshot } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { snapshotChanges } from '../cells/snapshot-changes.js';
import { changeSentences, changeSummary, historyDate } from './offer-history-text.js';

const before: OfferSnapshot = {
  fetchedAt: '2026-12-03T14:05:00.000Z',
  provider: 'demo',
  priceTiers: [
    { minQuantity: 2, price: 12.5 },
    { minQuantity: 500, price: 11 },
  ],
  priceMin: 11,
  priceMax: 12.5,
  moq: 2,
  stock: 1200,
  skus: [
    { id: 'red-S', price: 12.5, stock: 400 },
    { id: 'red-M', price: 12.5, stock: 400 },
    { id: 'red-L', price: 12.5, stock: 400 },
  ],
};
const now: OfferSnapshot = {
  ...before,
  fetchedAt: '2026-12-06T05:12:00.000Z',
  priceTiers: [
    { minQuantity: 2, price: 11.8 },
    { minQuantity: 500, price: 11 },
  ],
  priceMax: 11.8,
  stock: 950,
  moq: 10,
  skus: [
    { id: 'red-S', price: 11.8, stock: 350 },
    { id: 'blue-S', price: 11.8, stock: 300 },
    { id: 'blue-M', price: 11.8, stock: 300 },
  ],
};

describe('the Links view’s change sentences', () => {
  it('says each change in words: price with its percentage, stock, MOQ, variants added and removed', () => {
    expect(changeSentences(snapshotChanges(now, before))).toEqual([
      'highest price ¥12.50 → ¥11.80 (−5.6 %)',
      'stock 1200 → 950 (−250)',
      'MOQ 2 → 10 (+8)',
      '2 variants added: blue-S, blue-M',
      '2 variants removed: red-M, red-L',
    ]);
  });

  it('at the buyer’s quantity, the tier price that applies', () => {
    expect(changeSentences(snapshotChanges(now, before, 100))[0]).toBe(
      'price at 100 pcs ¥12.50 → ¥11.80 (−5.6 %)',
    );
    // At 500 pieces the tier did not move: no price sentence.
    expect(changeSentences(snapshotChanges(now, before, 500))[0]).toBe('stock 1200 → 950 (−250)');
  });

  it('a rise, an unknown side, one variant, and many variants counted', () => {
    const up = {
      ...before,
      fetchedAt: now.fetchedAt,
      priceMin: 12.1,
      stock: null,
      skus: [...before.skus, { id: 'x', price: 1, stock: 1 }],
    };
    expect(changeSentences(snapshotChanges(up, before))).toEqual([
      'lowest price ¥11.00 → ¥12.10 (+10.0 %)',
      'stock 1200 → unknown',
      '1 variant added: x',
    ]);
    const many = {
      ...before,
      skus: Array.from({ length: 8 }, (_, i) => ({ id: `v${i}`, price: 1, stock: 1 })),
    };
    expect(changeSentences(snapshotChanges(many, before))[0]).toBe(
      '8 variants added: v0, v1, v2, v3, v4 and 3 more',
    );
  });

  it('headline: changed since, no change since, or first fetch', () => {
    expect(changeSummary(now, [now, before])).toMatchObject({
      headline: 'Changed since 3 Dec 2026 14:05 UTC:',
    });
    expect(changeSummary({ ...before, fetchedAt: now.fetchedAt }, [now, before])).toEqual({
      headline: 'No change since 3 Dec 2026 14:05 UTC.',
      lines: [],
    });
    expect(changeSummary(before, [before])).toEqual({ headline: 'First fetch — no history yet.', lines: [] });
    expect(changeSummary(now, [])).toEqual({ headline: 'First fetch — no history yet.', lines: [] });
  });

  it('dates read the same on every machine (UTC, said so)', () => {
    expect(historyDate('2026-12-06T05:12:00.000Z')).toBe('6 Dec 2026 05:12 UTC');
    expect(historyDate('not a date')).toBe('not a date');
  });
});
