import { ProductResult, type RateQuote, SupplierResult } from '@yuantou/core';
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

// Issue 21: "Optional columns are appended at the end of a spill, never inserted in the middle; the column order
// of each function is documented and tested." The README's "Column order" lists exactly these headers.

const EUR: RateQuote = { currency: 'EUR', rate: 7.7, rateDate: '2026-12-04', source: 'ecb', stale: false };
const eur = (amount: number) => ({ ...EUR, amount });

/** The product of the fixture priced at 500 pieces, with its EUR figures (as the proxy answers). */
const product = ProductResult.parse({
  ...productsJson[0],
  memberId: 'b2b-2201234567',
  priceConverted: eur(1.623377),
  priceAtQuantity: {
    quantity: 500,
    basis: 'tiers',
    unitPrice: 17.2,
    subtotal: 8600,
    tierMinQuantity: 100,
    belowMoq: false,
    nextTier: { minQuantity: 610, unitPrice: 12.98 },
    cheaperTotalAt: { quantity: 610, subtotal: 7917.8 },
  },
  priceAtQuantityConverted: {
    unitPrice: eur(2.233766),
    subtotal: eur(1116.883117),
    cheaperTotalAt: eur(1028.285714),
  },
});
const supplier = SupplierResult.parse({
  ...suppliersJson[0],
  memberId: 'b2b-2201234567',
  priceMinConverted: eur(0.364778),
});

const BASE_PRODUCT = PRODUCT_COLUMNS.map((c) => c.header);
const BASE_SUPPLIER = SUPPLIER_COLUMNS.map((c) => c.header);
/** Every spill closes with when its values were fetched (as-of.ts); these answers name no provider time. */
const CLOSING = ['as of', 'stale'];
const NO_AGE = ['', ''];

describe('PRODUCTS column order', () => {
  it('plain: the base columns, then member id', () => {
    expect(resultRows(PRODUCT_TABLE, [product])[0]).toEqual([...BASE_PRODUCT, 'member id', ...CLOSING]);
  });

  it('quantity=500 and currency=EUR append, in this order, after the base columns and member id', () => {
    const [header, row] = resultRows(PRODUCT_TABLE, [product], { quantity: 500, currency: EUR });
    expect(header).toEqual([
      ...BASE_PRODUCT,
      'member id',
      'price at 500 (CNY)',
      'subtotal at 500 (CNY)',
      'at 500: note',
      'price (EUR)',
      'price at 500 (EUR)',
      'subtotal at 500 (EUR)',
      'rate date',
      ...CLOSING,
    ]);
    // Every base column is where it is without options: INDEX(spill,,n) means the same column.
    expect(header!.slice(0, BASE_PRODUCT.length)).toEqual(BASE_PRODUCT);
    expect(row!.slice(BASE_PRODUCT.length)).toEqual([
      'b2b-2201234567',
      17.2,
      8600,
      'cheaper at 610: ¥7,917.80 (€1,028.29) in total',
      1.62,
      2.23,
      1116.88,
      '2026-12-04',
      ...NO_AGE,
    ]);
  });

  it('a result without quantity prices says so in the note rather than pretending', () => {
    const lowest = ProductResult.parse({
      ...product,
      priceAtQuantity: {
        quantity: 50,
        basis: 'lowestPrice',
        unitPrice: 12.5,
        subtotal: null,
        tierMinQuantity: null,
        belowMoq: true,
        belowMoqReason: '50 is below the minimum order of 100 pieces (起订量 100)',
        note: 'price at 50 unknown: lowest price shown (this result has no quantity prices)',
      },
      priceAtQuantityConverted: undefined,
    });
    const [header, row] = resultRows(PRODUCT_TABLE, [lowest], { quantity: 50 });
    expect(row![header!.indexOf('at 50: note')]).toBe(
      '50 is below the minimum order of 100 pieces (起订量 100); price at 50 unknown: lowest price shown (this result has no quantity prices)',
    );
    expect(row![header!.indexOf('subtotal at 50 (CNY)')]).toBe('');
  });
});

describe('with a language other than Chinese', () => {
  it('appends the English place, factory level and flags after member id, before quantity and currency', () => {
    const english = SupplierResult.parse({
      ...supplier,
      translated: {
        provinceTranslated: 'Guangdong',
        cityTranslated: 'Shantou',
        factoryLevelTranslated: 'Gold manufacturer',
        creditLevelTranslated: null,
        tagsTranslated: [],
      },
      flagsTranslated: [{ flag: 'creditC', label: 'Credit level C: low credit' }],
    });
    const [header, row] = resultRows(SUPPLIER_TABLE, [english], { language: 'en', currency: EUR });
    expect(header!.slice(BASE_SUPPLIER.length)).toEqual([
      'member id',
      'place (translated)',
      'factory level (translated)',
      'flags (translated)',
      'price from (EUR)',
      'rate date',
      ...CLOSING,
    ]);
    expect(row!.slice(BASE_SUPPLIER.length + 1, BASE_SUPPLIER.length + 4)).toEqual([
      'Shantou, Guangdong',
      'Gold manufacturer',
      'Credit level C: low credit',
    ]);
    // Chinese asked (or nothing): no such columns.
    expect(resultRows(SUPPLIER_TABLE, [english], { language: 'zh' })[0]).toEqual([
      ...BASE_SUPPLIER,
      'member id',
      ...CLOSING,
    ]);
    const [products] = resultRows(PRODUCT_TABLE, [product], { language: 'en', quantity: 500 });
    expect(products!.slice(BASE_PRODUCT.length, BASE_PRODUCT.length + 5)).toEqual([
      'member id',
      'place (translated)',
      'factory level (translated)',
      'flags (translated)',
      'price at 500 (CNY)',
    ]);
  });
});

describe('SUPPLIERS column order', () => {
  it('plain: the base columns, then member id; currency=EUR appends price from and rate date', () => {
    expect(resultRows(SUPPLIER_TABLE, [supplier])[0]).toEqual([...BASE_SUPPLIER, 'member id', ...CLOSING]);
    const [header, row] = resultRows(SUPPLIER_TABLE, [supplier], { currency: EUR });
    expect(header).toEqual([...BASE_SUPPLIER, 'member id', 'price from (EUR)', 'rate date', ...CLOSING]);
    expect(row!.slice(BASE_SUPPLIER.length)).toEqual(['b2b-2201234567', 0.36, '2026-12-04', ...NO_AGE]);
  });

  it('the member id joins a supplier row and its product rows (the same value)', () => {
    const [supplierHeader, supplierRow] = resultRows(SUPPLIER_TABLE, [supplier]);
    const [productHeader, productRow] = resultRows(PRODUCT_TABLE, [product]);
    const joined = supplierRow![supplierHeader!.indexOf('member id')];
    expect(joined).toBe('b2b-2201234567');
    expect(productRow![productHeader!.indexOf('member id')]).toBe(joined);
  });
});

describe('number formats of converted prices', () => {
  it('where the host shows data types, each converted amount is a number with the currency format', () => {
    const caps = { doubleNumberFormat: true };
    const [header, row] = resultRows(PRODUCT_TABLE, [product], { quantity: 500, currency: EUR }, caps);
    expect(row![header!.indexOf('price (EUR)')]).toEqual({
      type: 'Double',
      basicValue: 1.62,
      numberFormat: '"€"#,##0.00',
    });
    expect(row![header!.indexOf('subtotal at 500 (EUR)')]).toEqual({
      type: 'Double',
      basicValue: 1116.88,
      numberFormat: '"€"#,##0.00',
    });
    expect(row![header!.indexOf('price at 500 (CNY)')]).toEqual({
      type: 'Double',
      basicValue: 17.2,
      numberFormat: '"¥"#,##0.00',
    });
    // Before ExcelApi 1.19: the documented FormattedNumber fallback, still a number.
    const [, older] = resultRows(
      SUPPLIER_TABLE,
      [supplier],
      { currency: EUR },
      { doubleNumberFormat: false },
    );
    expect(older![BASE_SUPPLIER.length + 1]).toEqual({
      type: 'FormattedNumber',
      basicValue: 0.36,
      numberFormat: '"€"#,##0.00',
    });
  });
});

describe('the README documents this order', () => {
  it('its "Column order" section lists every base and optional header, in the order the spill has them', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(
      readme.indexOf('| `SUPPLIERS(keyword'),
      readme.indexOf('`member id` is the seller'),
    );
    const inOrder = (headers: readonly string[]) => {
      let at = -1;
      for (const header of headers) {
        const found = table.indexOf(header, at + 1);
        expect(found, header).toBeGreaterThan(at);
        at = found;
      }
    };
    const [products] = resultRows(PRODUCT_TABLE, [product], { language: 'en', quantity: 500, currency: EUR });
    inOrder((products as string[]).slice(BASE_PRODUCT.length));
    const [suppliers] = resultRows(SUPPLIER_TABLE, [supplier], { language: 'en', currency: EUR });
    inOrder((suppliers as string[]).slice(BASE_SUPPLIER.length));
    expect(table).toContain(BASE_PRODUCT.join(', '));
    expect(table).toContain(BASE_SUPPLIER.join(', '));
  });
});
