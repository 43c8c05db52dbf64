import type { OfferHistoryResponse, OfferSnapshot } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { excelDateTime } from '../cells/as-of.js';
import { RefreshSwitch } from '../cells/freshness.js';
import { InputError } from '../cells/input-error.js';
import { QueryCache } from '../cells/query-cache.js';
import { createHistoryFunctions, dateBound, type HistoryClient } from './history-functions.js';

const ID = '612345678901';

function snapshot(fetchedAt: string, priceMin: number, stock: number | null): OfferSnapshot {
  return {
    fetchedAt,
    provider: 'demo',
    priceTiers: [{ minQuantity: 10, price: priceMin }],
    priceMin,
    priceMax: priceMin + 1,
    moq: 10,
    stock,
    skus: [{ id: 'red', price: priceMin, stock }],
  };
}

/** The proxy's answer: newest first, as GET /v1/offers/:ref/history gives it. */
const SNAPSHOTS = [
  snapshot('2026-12-05T08:00:00.000Z', 4.2, 800),
  snapshot('2026-12-01T08:00:00.000Z', 4.5, null),
  snapshot('2026-11-20T08:00:00.000Z', 5, 1200),
];

function setup(snapshots = SNAPSHOTS) {
  const asked: { ref: string; limit: number | undefined }[] = [];
  const client: HistoryClient = {
    async offerHistory(ref, params): Promise<OfferHistoryResponse> {
      asked.push({ ref, limit: params?.limit });
      return { offerId: ref, snapshots };
    },
  };
  const refresh = new RefreshSwitch();
  const functions = createHistoryFunctions({
    client: () => client,
    cache: new QueryCache({ ttlMs: 60_000, maxEntries: 10 }),
    refresh,
  });
  return { functions, asked, refresh };
}

const serial = (iso: string) => excelDateTime(new Date(iso));

describe('=OFFERHISTORY', () => {
  it('spills a header, then one row per snapshot OLDEST first: the date-time, then the value columns', async () => {
    const { functions, asked } = setup();
    const rows = await functions.offerHistory(
      `https://detail.1688.com/offer/${ID}.html`,
      undefined,
      null,
      null,
    );
    expect(rows).toEqual([
      ['fetched at', 'lowest price (CNY)', 'highest price (CNY)', 'stock'],
      [serial('2026-11-20T08:00:00.000Z'), 5, 6, 1200],
      [serial('2026-12-01T08:00:00.000Z'), 4.5, 5.5, ''],
      [serial('2026-12-05T08:00:00.000Z'), 4.2, 5.2, 800],
    ]);
    expect(asked).toEqual([{ ref: ID, limit: 1000 }]);
  });

  it('takes the fields asked, in order, and refuses an unknown one naming the known', async () => {
    const { functions, asked } = setup();
    const rows = await functions.offerHistory(ID, 'stock, MOQ,tiers,provider', undefined, undefined);
    expect(rows[0]).toEqual(['fetched at', 'stock', 'MOQ', 'price tiers', 'provider']);
    expect(rows[1]).toEqual([serial('2026-11-20T08:00:00.000Z'), 1200, 10, '10+ ¥5', 'demo']);
    await expect(functions.offerHistory(ID, 'colour', undefined, undefined)).rejects.toThrow(
      /field: unknown "colour"; use price, priceMax, moq/,
    );
    await expect(
      functions.offerHistory('https://item.taobao.com/item.htm?id=1', '', null, null),
    ).rejects.toBeInstanceOf(InputError);
    expect(asked).toHaveLength(1);
  });

  it('keeps the snapshots between from and to: Excel dates or text, a whole-day `to` counting to its end', async () => {
    const { functions } = setup();
    const byText = await functions.offerHistory(ID, 'price', '2026-11-21', '2026-12-01');
    expect(byText.slice(1).map((r) => r[1])).toEqual([4.5]);
    // Excel date cells arrive as serial numbers (local time).
    const from = Math.floor(serial('2026-12-01T08:00:00.000Z'));
    const byDate = await functions.offerHistory(ID, 'price', from, from + 4);
    expect(byDate.slice(1).map((r) => r[1])).toEqual([4.5, 4.2]);
    const none = await functions.offerHistory(ID, 'price', '2027-01-01', null);
    expect(none).toEqual([[`no snapshot of offer ${ID} between those dates`]]);
    expect(() => dateBound('next week', 'from')).toThrow(/from: "next week" is not a date/);
  });

  it('says so when the proxy kept nothing yet, and reads again in a pane refresh (history is free)', async () => {
    const { functions, asked, refresh } = setup([]);
    expect(await functions.offerHistory(ID, undefined, undefined, undefined)).toEqual([
      [`no history yet for offer ${ID}: the proxy keeps one snapshot per paid fetch`],
    ]);
    await functions.offerHistory(ID, 'stock', undefined, undefined);
    expect(asked).toHaveLength(1);
    const run = refresh.begin();
    await functions.offerHistory(ID, undefined, undefined, undefined);
    run.end();
    expect(asked).toHaveLength(2);
  });

  it('shows the date-time as a formatted number where the host takes number formats', async () => {
    const client: HistoryClient = { offerHistory: async (ref) => ({ offerId: ref, snapshots: SNAPSHOTS }) };
    const functions = createHistoryFunctions({
      client: () => client,
      cache: new QueryCache({ ttlMs: 60_000, maxEntries: 10 }),
      richCells: () => ({ doubleNumberFormat: true }),
    });
    const rows = await functions.offerHistory(ID, 'price', undefined, undefined);
    expect(rows[1]![0]).toEqual({
      type: 'Double',
      basicValue: serial('2026-11-20T08:00:00.000Z'),
      numberFormat: 'yyyy-mm-dd hh:mm',
    });
    expect(rows[1]![1]).toBe(5);
  });
});
