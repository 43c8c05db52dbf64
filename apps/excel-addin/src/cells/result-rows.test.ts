import { type ProductResult, RankedProduct, RankedSupplier, type SupplierResult } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import productsJson from '../data-types/__fixtures__/ranked-products.json' with { type: 'json' };
import suppliersJson from '../data-types/__fixtures__/ranked-suppliers.json' with { type: 'json' };
import {
  PRODUCT_COLUMNS,
  PRODUCT_TABLE,
  resultRows,
  SUPPLIER_COLUMNS,
  SUPPLIER_TABLE,
} from './result-rows.js';

const supplierRows = (items: readonly SupplierResult[]) => resultRows(SUPPLIER_TABLE, items);
const productRows = (items: readonly ProductResult[]) => resultRows(PRODUCT_TABLE, items);

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
    ]);
  });

  it('leaves unknown values blank and falls back to nick and province', () => {
    expect(rows[2]).toEqual([2, 41, '义乌小商品', '浙江', '', '', '', '', '', '', 'onebound', '', '', '']);
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
    expect(flagged[1]?.at(-2)).toBe('诚信等级 C: 较低信用; 退货率 15%');
  });

  it('every row is as wide as the header', () => {
    for (const row of rows) expect(row).toHaveLength(SUPPLIER_COLUMNS.length + 1);
  });

  it('says "no suppliers found" in one cell when the search found nothing', () => {
    expect(supplierRows([])).toEqual([['no suppliers found']]);
  });
});

describe('productRows', () => {
  it('lists the product columns', () => {
    const rows = productRows(products);
    expect(rows[0]).toEqual([...PRODUCT_COLUMNS.map((c) => c.header), 'member id']);
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
    ]);
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
