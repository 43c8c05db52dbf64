import type { RankedProduct, RankedSupplier } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import products from './__fixtures__/ranked-products.json' with { type: 'json' };
import suppliers from './__fixtures__/ranked-suppliers.json' with { type: 'json' };
import { PRODUCT_COLUMNS, productRows, SUPPLIER_COLUMNS, supplierRows } from './result-rows.js';

describe('supplierRows', () => {
  const rows = supplierRows(suppliers as RankedSupplier[]);

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
    ]);
  });

  it('leaves unknown values blank and falls back to nick and province', () => {
    expect(rows[2]).toEqual([2, 41, '义乌小商品', '浙江', '', '', '', '', '', '', 'onebound', '']);
  });

  it('every row is as wide as the header', () => {
    for (const row of rows) expect(row).toHaveLength(SUPPLIER_COLUMNS.length);
  });

  it('says "no suppliers found" in one cell when the search found nothing', () => {
    expect(supplierRows([])).toEqual([['no suppliers found']]);
  });
});

describe('productRows', () => {
  it('lists the product columns', () => {
    const rows = productRows(products as RankedProduct[]);
    expect(rows[0]).toEqual(PRODUCT_COLUMNS.map((c) => c.header));
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
    ]);
  });

  it('says "no products found" when empty', () => {
    expect(productRows([])).toEqual([['no products found']]);
  });
});
