import { type ProductResult, RankedProduct, RankedSupplier, type SupplierResult } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { excelDateTime } from '../cells/as-of.js';
import productsJson from '../data-types/__fixtures__/ranked-products.json' with { type: 'json' };
import suppliersJson from '../data-types/__fixtures__/ranked-suppliers.json' with { type: 'json' };
import {
  type AnswerContext,
  PRODUCT_COLUMNS,
  PRODUCT_TABLE,
  resultRows,
  SUPPLIER_COLUMNS,
  SUPPLIER_TABLE,
} from './result-rows.js';

/** Two providers answered; the rows' `as of` is the older (issue 22: a search is as old as its oldest part). */
const OLDEST = '2026-12-05T08:30:00.000Z';
const CONTEXT: AnswerContext = {
  providers: [
    { outcome: 'ok', fetchedAt: '2026-12-05T09:00:00.000Z' },
    { outcome: 'ok', fetchedAt: OLDEST },
    { outcome: 'error' },
  ],
  stalePolicy: { staleAfterDays: 7, now: () => Date.parse('2026-12-06T00:00:00.000Z') },
};
const AS_OF = [excelDateTime(new Date(OLDEST)), ''];
const supplierRows = (items: readonly SupplierResult[]) => resultRows(SUPPLIER_TABLE, items, CONTEXT);
const productRows = (items: readonly ProductResult[]) => resultRows(PRODUCT_TABLE, items, CONTEXT);

// Parsed as the proxy client parses answers, so fields added later get their defaults.
const suppliers = RankedSupplier.array().parse(suppliersJson);
const products = RankedProduct.array().parse(productsJson);

describe('supplierRows', () => {
  const rows = supplierRows(suppliers);

  it('starts with the header the issue lists', () => {
    expect(rows[0]).toEqual([
      'rank',
      'score',
      'company',
      'city',
      'factory?',
      'credit level',
      'factory level',
      'years',
      'repurchase rate',
      'response rate',
      'providers',
      'link',
      'flags',
      'member id',
      'as of',
      'stale',
    ]);
  });

  it('ranks in order, rounds the score, joins providers', () => {
    expect(rows[1]).toEqual([
      1,
      87.5,
      '汕头市澄海区乐童玩具厂',
      '汕头',
      true,
      'AAAA',
      '金牌制造',
      8,
      0.42,
      0.97,
      'tmapi, onebound',
      'https://shop1234.1688.com',
      '',
      '',
      ...AS_OF,
    ]);
  });

  it('leaves unknown values blank and falls back to nick and province', () => {
    expect(rows[2]).toEqual([
      2,
      41,
      '义乌小商品',
      '浙江',
      '',
      '',
      '',
      '',
      '',
      '',
      'onebound',
      '',
      '',
      '',
      ...AS_OF,
    ]);
  });

  it('lists the red flags that capped a score, with their reasons', () => {
    const flagged = supplierRows([
      {
        ...suppliers[1]!,
        flags: [
          { flag: 'creditC', reason: '诚信等级 C: 较低信用', cap: 30 },
          { flag: 'returnRate', reason: '退货率 15%', cap: 45 },
        ],
      },
    ]);
    expect(flagged[1]?.at(-4)).toBe('诚信等级 C: 较低信用; 退货率 15%');
  });

  it('every row is as wide as the header', () => {
    // The table's columns, `member id`, then `as of` and `stale`.
    for (const row of rows) expect(row).toHaveLength(SUPPLIER_COLUMNS.length + 3);
  });

  it('says "no suppliers found" in one cell when the search found nothing', () => {
    expect(supplierRows([])).toEqual([['no suppliers found']]);
  });
});

describe('productRows', () => {
  it('lists the product columns', () => {
    const rows = productRows(products);
    expect(rows[0]).toEqual([...PRODUCT_COLUMNS.map((c) => c.header), 'member id', 'as of', 'stale']);
    expect(rows[0]).toEqual([
      'rank',
      'score',
      'title',
      'title (translated)',
      'price (CNY)',
      'MOQ',
      'monthly sales',
      'repurchase',
      'supplier',
      'link',
      'image URL',
      'flags',
      'member id',
      'as of',
      'stale',
    ]);
    expect(rows[1]).toEqual([
      1,
      78,
      '毛绒玩具熊 批发',
      '',
      12.5,
      100,
      3400,
      0.31,
      '汕头市澄海区乐童玩具厂',
      'https://detail.1688.com/offer/610947572360.html',
      'https://cbu01.alicdn.com/img/ibank/O1CN01.jpg',
      '',
      '',
      ...AS_OF,
    ]);
  });

  it('says when the values are older than the stale-after days, or why the proxy served older ones', () => {
    const old = { outcome: 'ok', fetchedAt: '2026-11-20T00:00:00.000Z' };
    const rows = resultRows(PRODUCT_TABLE, products, { ...CONTEXT, providers: [old] });
    expect(rows[1]?.at(-1)).toBe('older than 7 days');
    const reason = 'budget reached — values as of 5 Dec 08:30 UTC';
    const served = resultRows(PRODUCT_TABLE, products, {
      ...CONTEXT,
      providers: [{ outcome: 'ok', fetchedAt: OLDEST, staleReason: reason }],
    });
    expect(served[1]?.slice(-2)).toEqual([excelDateTime(new Date(OLDEST)), reason]);
    // An older proxy without fetchedAt: the columns stay, blank.
    expect(resultRows(PRODUCT_TABLE, products)[1]?.slice(-2)).toEqual(['', '']);
  });

  it('says "no products found" when empty', () => {
    expect(productRows([])).toEqual([['no products found']]);
  });
});

describe('what was searched, in the spill', () => {
  it('names the Chinese searched for and the words that could not be translated, in the title header', () => {
    const [header] = productRows(products).slice(0, 1);
    const noted = resultRows(PRODUCT_TABLE, products, {
      searchedAs: '毛绒玩具',
      translation: {
        typed: 'kawaii plush toys',
        searchedAs: '毛绒玩具',
        method: 'glossary',
        untranslated: ['kawaii'],
        providers: ['demo'],
      },
    });
    expect(noted[0]![header!.indexOf('title')]).toBe('title (searched as 毛绒玩具; not translated: kawaii)');
  });
});
