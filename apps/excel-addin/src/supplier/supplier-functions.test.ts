import {
  emptySupplierDetail,
  type SupplierDetailResponse,
  supplierSignals,
  supplierVerdict,
} from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { excelDateTime } from '../cells/as-of.js';
import { RECALC_MAX_AGE_SECONDS, RefreshSwitch } from '../cells/freshness.js';
import { QueryCache } from '../cells/query-cache.js';
import { createSupplierFunctions, type SupplierClient } from './supplier-functions.js';

function answer(): SupplierDetailResponse {
  const detail = {
    ...emptySupplierDetail('demo'),
    memberId: 'b2b-2208087470531de12c',
    companyName: '汕头市澄海区嘉玩玩具厂',
    shopName: '嘉玩玩具厂',
    shopUrl: 'https://shop1.1688.com',
    chatUrl: 'https://amos.alicdn.com/msg.aw?v=2&uid=x',
    catalogueSize: 120,
    badges: { ...emptySupplierDetail('demo').badges, factory: true },
  };
  const signals = supplierSignals(detail);
  return {
    supplier: { ...detail, creditCheckUrl: null },
    signals,
    verdict: supplierVerdict(signals),
    providers: [{ provider: 'demo', outcome: 'ok', fromCache: false, durationMs: 1 }],
    fetchedAt: '2026-12-06T00:00:00.000Z',
  };
}

function setup(rich: boolean) {
  const asked: string[] = [];
  const client: SupplierClient = {
    getSupplier: async (id) => {
      asked.push(id);
      return answer();
    },
  };
  const functions = createSupplierFunctions({
    client: () => client,
    cache: new QueryCache({ ttlMs: 60_000, maxEntries: 10 }),
    richCells: () => (rich ? { doubleNumberFormat: true } : null),
    stalePolicy: () => ({ staleAfterDays: 7, now: () => Date.parse('2026-12-20T00:00:00.000Z') }),
  });
  return { functions, asked };
}

describe('=SUPPLIER', () => {
  it('one row; unknown values blank, never 0; identical ids share one request', async () => {
    const { functions, asked } = setup(false);
    const [a, b] = await Promise.all([
      functions.supplier('b2b-2208087470531DE12C', 'company,catalogue,years,shop,chat'),
      functions.supplier(' b2b-2208087470531de12c ', 'company'),
    ]);
    expect(a).toEqual([
      [
        '汕头市澄海区嘉玩玩具厂',
        120,
        '',
        'https://shop1.1688.com',
        'https://amos.alicdn.com/msg.aw?v=2&uid=x',
        // Every row ends with `as of` (the card's fetchedAt) and `stale` (14 days old by the policy's clock).
        excelDateTime(new Date('2026-12-06T00:00:00.000Z')),
        'older than 7 days',
      ],
    ]);
    expect(b).toEqual([
      ['汕头市澄海区嘉玩玩具厂', excelDateTime(new Date('2026-12-06T00:00:00.000Z')), 'older than 7 days'],
    ]);
    expect(asked).toEqual(['b2b-2208087470531de12c']);
  });

  it('the company cell is an Entity card with the five sections, where the host supports data types', async () => {
    const { functions } = setup(true);
    const [[card]] = (await functions.supplier('b2b-2208087470531de12c', 'company')) as [
      [Excel.EntityCellValue],
    ];
    expect(card.type).toBe('Entity');
    expect(card.text).toBe('汕头市澄海区嘉玩玩具厂');
    const sections = (card.layouts?.card?.sections ?? []).map((s) => s.title);
    expect(sections).toEqual([
      'Identity and registration',
      'Badges and years',
      'Ratings and rates',
      'Signals',
      'Links',
    ]);
    expect(card.properties!['Factory or trader']).toMatchObject({
      basicValue: expect.stringMatching(/^Factory — /),
    });
    expect(card.properties!.Shop).toMatchObject({ basicValue: 'https://shop1.1688.com' });
    // Unknown: left out of the card, never "no".
    expect(card.properties!.Flagship).toBeUndefined();
    // When its values were fetched, and that they are old, beside the providers (issue 22).
    expect(card.properties!['As of']).toMatchObject({
      type: 'Double',
      basicValue: excelDateTime(new Date('2026-12-06T00:00:00.000Z')),
    });
    expect(card.properties!.Stale).toEqual({ type: 'String', basicValue: 'older than 7 days' });
    expect(card.layouts?.card?.sections?.at(-1)?.properties.slice(-3)).toEqual([
      'Providers',
      'As of',
      'Stale',
    ]);
  });

  it('asks with a long maxAge (reuse what was paid for), and maxAge 0 once in a pane refresh', async () => {
    const maxAges: (number | undefined)[] = [];
    const client: SupplierClient = {
      getSupplier: async (_id, options) => {
        maxAges.push(options?.maxAge);
        return answer();
      },
    };
    const refresh = new RefreshSwitch();
    const functions = createSupplierFunctions({
      client: () => client,
      cache: new QueryCache({ ttlMs: 60_000, maxEntries: 10 }),
      refresh,
    });
    await functions.supplier('b2b-2208087470531de12c', 'company');
    const run = refresh.begin();
    await Promise.all([
      functions.supplier('b2b-2208087470531de12c', 'company'),
      functions.supplier('b2b-2208087470531de12c', 'years'),
    ]);
    run.end();
    await functions.supplier('b2b-2208087470531de12c', 'company');
    expect(maxAges).toEqual([RECALC_MAX_AGE_SECONDS, 0]);
  });

  it('a bad id or field is an input error, without a request', async () => {
    const { functions, asked } = setup(false);
    await expect(functions.supplier('https://detail.1688.com/offer/1.html', undefined)).rejects.toThrow(
      /id_or_link/,
    );
    await expect(functions.supplier('b2b-2208087470531de12c', 'company,nope')).rejects.toThrow(/nope/);
    await expect(functions.supplier('tmapi:12345678', undefined)).rejects.toThrow(/id_or_link/);
    expect(asked).toEqual([]);
  });

  it("an official/reseller offer's supplier id (`<provider>:<sellerOpenId>`, as OFFER gives it) asks for its card", async () => {
    const { functions, asked } = setup(false);
    const [row] = await functions.supplier(' dajisaas:BBBL9S1tAqXo7bXlV5DqS0dZw ', 'company');
    expect(row![0]).toBe('汕头市澄海区嘉玩玩具厂');
    expect(asked).toEqual(['dajisaas:BBBL9S1tAqXo7bXlV5DqS0dZw']);
  });
});
