import type { UsageResponse } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { FUNCTION_CATALOG } from '../app/function-catalog.js';
import { formulaCellsOf } from '../excel/yuantou-cells.js';
import { budgetLine, budgetWarnings, paidProviders } from './refresh-budget.js';
import { estimateRefresh, lookupsOf, sourceKey, sourcesOf } from './refresh-estimate.js';

// Sheets as Range.formulas reads them (the real catalog's names, the YUANTOU namespace), counted before paying.

const names = { names: new Set(FUNCTION_CATALOG.map((f) => f.name)), namespace: 'YUANTOU' };
const block = (address: string, formulas: string[][]) =>
  formulaCellsOf({ address, formulas, valueTypes: formulas.map((row) => row.map(() => 'String')) }, names);
const LINK = (id: number) => `https://detail.1688.com/offer/${id}.html`;

describe('counting yuantou formulas and distinct lookups', () => {
  it('a filled-down OFFER column with the same links twice and two fields: one call per distinct offer', () => {
    const cells = block('Quote!B2:C5', [
      ['=YUANTOU.OFFER(A2,"price")', '=YUANTOU.OFFER(A2,"moq")'],
      ['=YUANTOU.OFFER(A3,"price")', '=YUANTOU.OFFER(A3,"moq")'],
      ['=YUANTOU.OFFER(A4,"price")', '=SUM(B2:B4)'],
      ['=IFERROR(YUANTOU.PRICEAT(A2,500),"")', 'plain text'],
    ]);
    expect(cells.map((c) => c.address)).toEqual([
      'Quote!B2',
      'Quote!C2',
      'Quote!B3',
      'Quote!C3',
      'Quote!B4',
      'Quote!B5',
    ]);
    const lookups = lookupsOf(cells);
    expect(lookups).toHaveLength(6);
    const sourceValues = new Map([
      [sourceKey({ sheet: 'Quote', reference: 'A2' }), [[LINK(612345678901)]]],
      [sourceKey({ sheet: 'Quote', reference: 'A3' }), [['612345678902']]],
      [sourceKey({ sheet: 'Quote', reference: 'A4' }), [[`see ${LINK(612345678901)}?spm=x`]]],
    ]);
    expect(sourcesOf(lookups).map((s) => s.reference)).toEqual(['A2', 'A3', 'A4']);
    expect(estimateRefresh({ cells, sourceValues, paidProviders: 3 })).toEqual({
      formulas: 6,
      lookups: 6,
      paidCalls: 2,
      searches: 0,
      offers: 2,
      suppliers: 0,
      others: 0,
    });
  });

  it('an OFFERS over a links range: the distinct valid links in it, not the rows', () => {
    const cells = block("'Link pricing'!B6", [['=YUANTOU.OFFERS(A7:A56,"title,price,subtotal,moq",A2:B3)']]);
    expect(cells[0]!.address).toBe("'Link pricing'!B6");
    const links = [
      [LINK(612345678901)],
      [LINK(612345678901)],
      [''],
      ['https://item.taobao.com/item.htm?id=1'],
      ['612345678903'],
    ];
    const sourceValues = new Map([[sourceKey({ sheet: 'Link pricing', reference: 'A7:A56' }), links]]);
    expect(estimateRefresh({ cells, sourceValues, paidProviders: 2 })).toMatchObject({
      formulas: 1,
      lookups: 1,
      offers: 2,
      paidCalls: 2,
    });
    // Links the pane could not read count one call per lookup: still an upper bound.
    expect(estimateRefresh({ cells, sourceValues: new Map(), paidProviders: 2 }).paidCalls).toBe(1);
    // A proxy serving only demo data pays nothing; one that did not say counts each lookup once.
    expect(estimateRefresh({ cells, sourceValues, paidProviders: 0 }).paidCalls).toBe(0);
    expect(estimateRefresh({ cells, sourceValues, paidProviders: null }).paidCalls).toBe(2);
  });

  it('searches pay once per paid provider; identical searches on two sheets once; FIELDS nothing', () => {
    const cells = [
      ...block('Sheet1!A1:B1', [
        ['=YUANTOU.SUPPLIERS("玩具厂","factoryOnly",5)', '=YUANTOU.FIELDS("OFFERS")'],
      ]),
      ...block('Sheet2!A1:A2', [
        ['=yuantou.suppliers( "玩具厂" , "factoryOnly" , 5 )'],
        ['=YUANTOU.PRODUCTS(B2)'],
      ]),
      ...block('Sheet3!A1', [['=YUANTOU.PRODUCTS(B2)']]),
      ...block('Sheet3!C1', [['=YUANTOU.SUPPLIER("b2b-1234",)']]),
    ];
    expect(estimateRefresh({ cells, sourceValues: new Map(), paidProviders: 2 })).toEqual({
      formulas: 6,
      lookups: 5,
      paidCalls: 3 * 2 + 1,
      searches: 3,
      offers: 0,
      suppliers: 1,
      others: 0,
    });
  });
});

describe('the budget before a refresh', () => {
  const usage = (callsToday: number): UsageResponse => ({
    day: '2026-12-06',
    providers: [
      {
        provider: 'tmapi',
        day: '2026-12-06',
        callsToday,
        dailyBudget: 500,
        cacheHitsToday: 40,
        upstreamQuota: null,
        exhaustedUntil: null,
      },
      {
        provider: 'demo',
        day: '2026-12-06',
        callsToday: 0,
        dailyBudget: null,
        cacheHitsToday: 3,
        upstreamQuota: null,
        exhaustedUntil: null,
      },
    ],
  });

  it('says what is left, and searches go to the paid providers only', () => {
    expect(budgetLine(usage(40))).toBe('Budget left today: tmapi 460 of 500.');
    expect(paidProviders(usage(40))).toBe(1);
    expect(budgetWarnings(usage(40), 100)).toEqual([]);
  });

  it('warns from 80 % spent, when spent, and when the refresh may not fit', () => {
    expect(budgetWarnings(usage(399))).toEqual([]);
    expect(budgetWarnings(usage(400))).toEqual(['tmapi: only 100 of 500 paid calls left today.']);
    expect(budgetWarnings(usage(500))).toEqual(['tmapi: the daily budget of 500 paid calls is spent.']);
    expect(budgetWarnings(usage(450), 51)[0]).toMatch(
      /^This refresh may need up to 51 paid calls but tmapi has 50 left today/,
    );
  });
});
