import type { OfferResult, OffersBodyInput, OffersResponse } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeCellError, stubCustomFunctions } from '../../test/custom-functions-global.js';
import { excelDateTime } from '../cells/as-of.js';
import { RECALC_MAX_AGE_SECONDS, RefreshSwitch } from '../cells/freshness.js';
import { QueryCache } from '../cells/query-cache.js';
import { createOfferFunctions } from './offer-functions.js';

// Issue 22 on =OFFER/=OFFERS: how old an answer each evaluation asks for (maxAge), the `stale` column, and failed
// rows as real Excel errors — in their own cell, so one bad link or one #N/A in the links range fails one row.

const ID_A = '612345678901';
const ID_OLD = '600000000042';
const MISSING = '611111111111';
const NOW = Date.parse('2026-12-06T00:00:00.000Z');

function harness() {
  const requests: OffersBodyInput[] = [];
  const refresh = new RefreshSwitch();
  const client = {
    async getOffers(body: OffersBodyInput): Promise<OffersResponse> {
      requests.push(body);
      const results = body.refs.map((ref): OfferResult => {
        if (ref === MISSING)
          return {
            ref,
            offerId: ref,
            attempts: [],
            error: { kind: 'not_found', message: 'offer not found' },
          };
        const fetchedAt = new Date(ref === ID_OLD ? NOW - 20 * 86_400_000 : NOW - 3_600_000).toISOString();
        return { ref, offerId: ref, offer: sampleOffer(ref, 'demo'), attempts: [], fetchedAt };
      });
      return { results, providerOrder: ['demo'], sampleData: true };
    },
  };
  const fns = createOfferFunctions({
    client: () => client,
    cache: new QueryCache({ ttlMs: 60_000, maxEntries: 100 }),
    refresh,
    stalePolicy: () => ({ staleAfterDays: 7, now: () => NOW }),
    windowMs: 0,
  });
  return { fns, requests, refresh };
}

describe('how old an answer each offer lookup asks for', () => {
  it('ordinary recalculation asks for any age; maxage=6h asks 6 h; a pane refresh asks 0 once per offer', async () => {
    const { fns, requests, refresh } = harness();
    await fns.offer(ID_A, 'id', undefined);
    await fns.offer(ID_A, 'id', [['maxage=6h']]);
    expect(requests.map((r) => r.maxAge)).toEqual([RECALC_MAX_AGE_SECONDS, 21_600]);
    // Re-evaluated (inserted rows, sorting): answered from memory, no request.
    await fns.offers([[ID_A], [ID_A]], 'id', undefined);
    expect(requests).toHaveLength(2);

    const run = refresh.begin();
    await Promise.all([fns.offer(ID_A, 'id', undefined), fns.offers([[ID_A], [ID_A]], 'id', undefined)]);
    run.end();
    expect(requests.slice(2).map((r) => [r.maxAge, r.refs])).toEqual([[0, [ID_A]]]);
    // After the refresh, ordinary recalculation reads the refreshed answer from memory.
    await fns.offer(ID_A, 'id', undefined);
    expect(requests).toHaveLength(3);
  });

  it('refuses a maxage that is not an age, before asking', async () => {
    const { fns, requests } = harness();
    await expect(fns.offer(ID_A, 'id', [['maxage=soon']])).rejects.toThrow(/option "maxage"/);
    expect(requests).toHaveLength(0);
  });
});

describe('=OFFERS changes', () => {
  it('adds Δ price, Δ stock and since against the fetch before the shown one, before as of; blank without one', async () => {
    const history = {
      [ID_A]: [
        // Newest first, as the proxy answers: the shown answer's own snapshot, then the one before it.
        { fetchedAt: new Date(NOW - 3_600_000).toISOString(), priceMin: 5, stock: 1000 },
        { fetchedAt: '2026-11-28T00:00:00.000Z', priceMin: 5.5, stock: 1200 },
      ],
    } as Record<string, { fetchedAt: string; priceMin: number; stock: number }[]>;
    const asked: string[] = [];
    const client = {
      async getOffers(body: OffersBodyInput): Promise<OffersResponse> {
        const results = body.refs.map(
          (ref): OfferResult => ({
            ref,
            offerId: ref,
            offer: sampleOffer(ref, 'demo', { priceMin: 5, stock: 1000 }),
            attempts: [],
            fetchedAt: new Date(NOW - 3_600_000).toISOString(),
          }),
        );
        return { results, providerOrder: ['demo'], sampleData: true };
      },
      async offerHistory(ref: string) {
        asked.push(ref);
        const snapshots = (history[ref] ?? []).map((s) => ({
          ...s,
          provider: 'demo' as const,
          priceTiers: [],
          priceMax: null,
          moq: null,
          skus: [],
        }));
        return { offerId: ref, snapshots };
      },
    };
    const fns = createOfferFunctions({
      client: () => client,
      cache: new QueryCache({ ttlMs: 60_000, maxEntries: 100 }),
      stalePolicy: () => ({ staleAfterDays: 7, now: () => NOW }),
      windowMs: 0,
    });
    const rows = await fns.offers([[ID_A], [ID_OLD], [ID_A]], 'id', [['changes']]);
    expect(rows[0]).toEqual(['offer id', 'Δ price (CNY)', 'Δ stock', 'since', 'as of', 'stale']);
    expect(rows[1]!.slice(1, 4)).toEqual([-0.5, -200, excelDateTime(new Date('2026-11-28T00:00:00.000Z'))]);
    expect(rows[2]!.slice(1, 4)).toEqual(['', '', '']);
    // One history read per distinct offer; without the option, none and no change columns.
    expect(asked.sort()).toEqual([ID_OLD, ID_A].sort());
    const plain = await fns.offers([[ID_A]], 'id', undefined);
    expect(plain[0]).toEqual(['offer id', 'as of', 'stale']);
    expect(asked).toHaveLength(2);
  });
});

describe('=OFFERS rows that fail', () => {
  beforeEach(stubCustomFunctions);
  afterEach(() => vi.unstubAllGlobals());

  it('a failed link is an Excel error value in its first cell: #N/A not found, #VALUE! for a bad link', async () => {
    const { fns } = harness();
    const rows = await fns.offers(
      [[ID_A], [MISSING], ['https://item.taobao.com/item.htm?id=1']],
      'id,moq',
      undefined,
    );
    expect(rows[0]).toEqual(['offer id', 'MOQ', 'as of', 'stale']);
    expect(rows[1]![0]).toBe(ID_A);
    const [missing, taobao] = [rows[2]![0], rows[3]![0]];
    expect(missing).toBeInstanceOf(FakeCellError);
    expect(missing).toMatchObject({ code: '#N/A', message: 'offer not found' });
    expect(taobao).toBeInstanceOf(FakeCellError);
    expect(taobao).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('Taobao') });
    expect(rows[2]!.slice(1)).toEqual(['', '', '']);
  });

  it('an error cell inside the links range fails only its own row, without being sent', async () => {
    const { fns, requests } = harness();
    const notAvailable = { type: 'Error', errorType: 'NotAvailable', basicValue: '#N/A' };
    const ref = new FakeCellError('#REF!', '');
    const rows = await fns.offers([[ID_A], [notAvailable], [ref]], 'id', undefined);
    expect(rows[1]![0]).toBe(ID_A);
    expect(rows[2]![0]).toMatchObject({ code: '#N/A', message: 'the link cell is #N/A' });
    expect(rows[3]![0]).toMatchObject({ code: '#VALUE!' });
    expect(requests.map((r) => r.refs)).toEqual([[ID_A]]);
  });

  it('marks values older than the stale-after days', async () => {
    const { fns } = harness();
    const rows = await fns.offers([[ID_A], [ID_OLD]], 'id', undefined);
    expect(rows[1]!.at(-1)).toBe('');
    expect(rows[2]!.at(-1)).toBe('older than 7 days');
  });
});
