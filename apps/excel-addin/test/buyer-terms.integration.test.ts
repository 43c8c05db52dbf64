import { createClient } from '@yuantou/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { products, suppliers } from '../src/app/functions.js';
import { sharedRuntime } from '../src/app/shared-runtime.js';
import { PRODUCT_COLUMNS, SUPPLIER_COLUMNS } from '../src/cells/result-rows.js';
import { currencyProblem } from '../src/taskpane/currency-check.js';
import { stubCustomFunctions } from './custom-functions-global.js';
import { type DemoProxy, startDemoProxy } from './demo-proxy.js';

// Issue 21 in the add-in, against the real proxy in demo mode: the buyer's words, quantity and currency.

beforeEach(stubCustomFunctions);
afterEach(() => vi.unstubAllGlobals());

describe("the buyer's words, quantity and currency (demo proxy)", () => {
  let proxy: DemoProxy;
  beforeAll(async () => {
    proxy = await startDemoProxy();
  }, 180_000);
  afterAll(() => proxy.close());
  beforeEach(async () => {
    await sharedRuntime.update({ proxyUrl: proxy.url, token: '', language: '', currency: '', quantity: '' });
    sharedRuntime.cache.clear();
  });

  it('the pane accepts EUR and refuses RUB, saying why (GET /v1/currencies through core’s client)', async () => {
    const client = createClient({ baseUrl: proxy.url });
    expect(await currencyProblem('eur', client)).toBeNull();
    expect(await currencyProblem('RUB', client)).toMatch(
      /^RUB not saved: the proxy cannot convert prices to RUB/,
    );
  });

  it('=PRODUCTS("plush toys", "quantity=500; currency=EUR"): base columns in place, then member id, price at 500, EUR', async () => {
    const rows = await products('plush toys', [['quantity=500; currency=EUR']], 5);
    const header = rows[0]!;
    const base = PRODUCT_COLUMNS.length;
    expect(header[2]).toBe('title (searched as 毛绒玩具)');
    expect(header.slice(3, base)).toEqual(PRODUCT_COLUMNS.slice(3).map((c) => c.header));
    expect(header.slice(base)).toEqual([
      'member id',
      'price at 500 (CNY)',
      'subtotal at 500 (CNY)',
      'at 500: note',
      'price (EUR)',
      'price at 500 (EUR)',
      'subtotal at 500 (EUR)',
      'rate date',
      'as of',
      'stale',
    ]);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(1)) {
      const at = row[base + 1];
      const eurAt = row[base + 5];
      if (typeof at === 'number' && typeof eurAt === 'number') {
        // A number rounded to cents (or 4 decimals below €0.10), never 0.364778.
        expect(Math.round(eurAt * 10_000) / 10_000).toBe(eurAt);
        expect(eurAt).toBeLessThan(at);
      }
    }
    const priced = rows.slice(1).filter((r) => typeof r[base + 1] === 'number');
    expect(priced.length).toBeGreaterThan(0);
  });

  it('member ids join SUPPLIERS and PRODUCTS rows', async () => {
    const found = await suppliers('玩具厂', undefined, 10);
    const items = await products('玩具', undefined, 20);
    const supplierIds = new Set(found.slice(1).map((r) => r[SUPPLIER_COLUMNS.length]));
    const productIds = items.slice(1).map((r) => r[PRODUCT_COLUMNS.length]);
    expect(found[0]![SUPPLIER_COLUMNS.length]).toBe('member id');
    expect(productIds.filter((id) => id !== '').length).toBeGreaterThan(0);
    expect(productIds.some((id) => supplierIds.has(id))).toBe(true);
  });
});
