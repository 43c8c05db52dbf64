// @vitest-environment happy-dom
import type { OfferHistoryResponse, OfferSnapshot } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { snapshotOfOffer } from '../cells/snapshot-changes.js';
import type { LinkLookup } from '../offers/offer-links.js';
import { renderLinks } from './links-view.js';
import { type HistoryDeps, showHistories } from './offer-history-view.js';

const SHOWN_AT = '2026-12-06T05:00:00.000Z';
const offer = sampleOffer('612345678901');
const other = sampleOffer('698765432101');
const lookup = (o: typeof offer): LinkLookup => ({
  link: `https://detail.1688.com/offer/${o.id}.html`,
  offer: o,
  price: undefined,
  age: { fetchedAt: SHOWN_AT },
});

/** The snapshot of the shown answer (as the proxy stored it) and one before it, with a dearer price and a SKU more. */
function historyOf(o: typeof offer): OfferSnapshot[] {
  const shown = snapshotOfOffer(o, SHOWN_AT);
  const before: OfferSnapshot = {
    ...shown,
    fetchedAt: '2026-12-01T05:00:00.000Z',
    priceMin: (o.priceMin ?? 0) + 1,
    skus: [...shown.skus, { id: 'gone-1', price: 1, stock: 1 }],
  };
  return [shown, before];
}

function render(found: LinkLookup[], history: HistoryDeps['offerHistory']) {
  const container = document.createElement('div');
  renderLinks(container, found);
  const asked: string[] = [];
  const deps: HistoryDeps = {
    offerHistory: async (ref, params, opts) => {
      asked.push(ref);
      return history(ref, params, opts);
    },
    errorText: (e) => (e instanceof Error ? e.message : String(e)),
  };
  return { container, asked, done: showHistories(container, found, deps) };
}

const slotText = (container: HTMLElement, id: string) =>
  container.querySelector(`li[data-offer-id="${id}"] .offer-history`)?.textContent ?? '';

describe('Links view history', () => {
  it('says what changed since the fetch before the one shown, and draws the chart', async () => {
    const { container, done } = render([lookup(offer)], async (ref) => ({
      offerId: ref,
      snapshots: historyOf(offer),
    }));
    expect(slotText(container, offer.id)).toBe('History: loading…');
    await done;
    const slot = container.querySelector<HTMLElement>('.offer-history')!;
    expect(slot.getAttribute('aria-busy')).toBe('false');
    expect(slot.querySelector('.history-headline')?.textContent).toBe('Changed since 1 Dec 2026 05:00 UTC:');
    const lines = [...slot.querySelectorAll('.history-changes li')].map((li) => li.textContent);
    expect(lines[0]).toMatch(/^lowest price ¥\d+\.\d\d → ¥\d+\.\d\d \(−\d+\.\d %\)$/);
    expect(lines).toContain('1 variant removed: gone-1');
    expect(slot.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toMatch(
      /2 fetches from 1 Dec 2026/,
    );
  });

  it('first fetch: says so, and no chart', async () => {
    const { container, done } = render([lookup(offer)], async (ref) => ({
      offerId: ref,
      snapshots: [snapshotOfOffer(offer, SHOWN_AT)],
    }));
    await done;
    expect(slotText(container, offer.id)).toMatch(
      /^First fetch — no history yet\.Price history: one fetch so far/,
    );
    expect(container.querySelector('svg')).toBeNull();
  });

  it('a failed history says why in its own slot; the offer’s card and the other offers are kept', async () => {
    const { container, done } = render(
      [lookup(offer), lookup(other)],
      async (ref): Promise<OfferHistoryResponse> => {
        if (ref === offer.id)
          throw new Error('no history is kept: the answer store is off (YUANTOU_STORE=off)');
        return { offerId: ref, snapshots: historyOf(other) };
      },
    );
    await done;
    expect(slotText(container, offer.id)).toBe(
      'History unavailable: no history is kept: the answer store is off (YUANTOU_STORE=off)',
    );
    const failed = container.querySelector(`li[data-offer-id="${offer.id}"]`)!;
    expect(failed.querySelector('table.tiers, p.hint')).not.toBeNull();
    expect(failed.querySelector('a.name')?.getAttribute('href')).toBe(offer.url);
    expect(slotText(container, other.id)).toMatch(/^Changed since/);
  });

  it('an offer pasted twice is asked once and both entries show it', async () => {
    const { container, asked, done } = render([lookup(offer), lookup(offer)], async (ref) => ({
      offerId: ref,
      snapshots: historyOf(offer),
    }));
    await done;
    expect(asked).toEqual([offer.id]);
    const slots = [...container.querySelectorAll('.offer-history')].map((s) => s.textContent);
    expect(slots).toHaveLength(2);
    expect(slots[0]).toMatch(/^Changed since/);
    expect(slots[1]).toBe(slots[0]);
  });
});
