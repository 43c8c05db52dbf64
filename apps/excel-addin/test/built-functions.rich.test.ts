import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type DemoProxy, startDemoProxy } from './demo-proxy.js';

// The BUILT dist/functions.js with globals as Excel provides them, once on a host that supports data types
// from custom functions (isSetSupported('CustomFunctionsRuntime', '1.4') true) and once on one that does not:
// the same formulas spill cards and pictures on the first and today's plain values on the second.

const KEY = 'yuantou.settings';
const TOKEN = 'rich-test-token-0123456789';
let outDir: string;
let proxy: DemoProxy;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'yuantou-functions-rich-'));
  proxy = await startDemoProxy({ env: { YUANTOU_TOKENS: TOKEN } });
}, 60_000);

afterAll(async () => {
  vi.unstubAllGlobals();
  await proxy?.close();
  rmSync(outDir, { recursive: true, force: true });
});

type Fn = (...args: unknown[]) => Promise<unknown[][]>;

/** Loads a fresh copy of the bundle on a host whose requirement sets are `supported`; returns its functions. */
async function loadOnHost(name: string, supported: Record<string, string>): Promise<Record<string, Fn>> {
  const functions: Record<string, Fn> = {};
  const storage = new Map([[KEY, JSON.stringify({ proxyUrl: proxy.url, token: TOKEN })]]);
  vi.stubGlobal('OfficeRuntime', {
    storage: {
      getItem: async (k: string) => storage.get(k) ?? null,
      setItem: async (k: string, v: string) => void storage.set(k, v),
      removeItem: async (k: string) => void storage.delete(k),
    },
  });
  vi.stubGlobal('CustomFunctions', {
    Error: class extends Error {},
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    associate: (id: string, fn: Fn) => {
      functions[id] = fn;
    },
  });
  const atLeast = (have: string | undefined, want = '1.1') =>
    have !== undefined && Number(have.split('.')[1]) >= Number(want.split('.')[1]);
  vi.stubGlobal('Office', {
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    HostType: { Excel: 'Excel' },
    context: {
      requirements: { isSetSupported: (set: string, version?: string) => atLeast(supported[set], version) },
    },
  });
  const file = path.join(outDir, `${name}.mjs`);
  copyFileSync(path.join(inject('addinDist'), 'functions.js'), file);
  await import(/* @vite-ignore */ pathToFileURL(file).href);
  return functions;
}

describe('dist/functions.js on hosts with and without data types', () => {
  it('spills entity cards and pictures where CustomFunctionsRuntime 1.4 is supported', async () => {
    const fns = await loadOnHost('rich', { CustomFunctionsRuntime: '1.5', ExcelApi: '1.19' });
    const products = await fns.PRODUCTS!('毛绒玩具', [['provider=demo']], 5, {});
    const header = products[0]!;
    const [title, image, price] = ['title', 'image URL', 'price (CNY)'].map((h) => header.indexOf(h)) as [
      number,
      number,
      number,
    ];
    const rows = products.slice(1);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row[title]).toMatchObject({
        type: 'Entity',
        layouts: { card: { title: { property: 'Title' } } },
      });
      expect(typeof row[price] === 'number' || row[price] === '').toBe(true);
    }
    expect(rows.some((row) => (row[image] as { type?: string }).type === 'WebImage')).toBe(true);

    const suppliers = await fns.SUPPLIERS!('玩具厂', [['provider=demo']], 3, {});
    const company = suppliers[0]!.indexOf('company');
    const card = suppliers[1]![company] as Excel.EntityCellValue;
    expect(card.type).toBe('Entity');
    expect(card.properties?.Score).toMatchObject({ type: 'Double', numberFormat: '0.0' });
    expect(JSON.stringify(suppliers)).not.toContain(TOKEN);
  });

  it('spills plain values where it is not, and FormattedNumber where Double has no numberFormat', async () => {
    const plain = await loadOnHost('plain', { CustomFunctionsRuntime: '1.3', ExcelApi: '1.19' });
    const rows = await plain.PRODUCTS!('毛绒玩具', [['provider=demo']], 5, {});
    for (const row of rows) for (const cell of row) expect(typeof cell).not.toBe('object');

    const older = await loadOnHost('older', { CustomFunctionsRuntime: '1.4', ExcelApi: '1.16' });
    const suppliers = await older.SUPPLIERS!('玩具厂', [['provider=demo']], 3, {});
    const company = suppliers[0]!.indexOf('company');
    expect(suppliers[1]![company]).toMatchObject({ properties: { Score: { type: 'FormattedNumber' } } });
  });

  /** Three demo offer links, read from a plain PRODUCTS spill of the same bundle. */
  async function demoLinks(fns: Record<string, Fn>): Promise<string[]> {
    const rows = await fns.PRODUCTS!('毛绒玩具', [['provider=demo; rich=off']], 3, {});
    const link = rows[0]!.indexOf('link');
    return rows.slice(1).map((row) => String(row[link]));
  }

  it('OFFER and OFFERS spill an offer card and a picture where data types are supported', async () => {
    const fns = await loadOnHost('rich-offers', { CustomFunctionsRuntime: '1.4', ExcelApi: '1.19' });
    const links = await demoLinks(fns);
    const table = await fns.OFFERS!(
      links.map((l) => [l]),
      'title,image,price,moq',
      [['quantity=500']],
      {},
    );
    expect(table[0]).toEqual(['title', 'image URL', 'price (CNY)', 'MOQ', 'as of', 'stale']);
    expect(table).toHaveLength(4);
    for (const [title, image, price, moq, asOf] of table.slice(1)) {
      // `as of`: a date-time number with its format on a host with ExcelApi 1.19 (issue 22).
      expect(asOf).toMatchObject({ type: 'Double', numberFormat: 'yyyy-mm-dd hh:mm' });
      expect(title).toMatchObject({
        type: 'Entity',
        layouts: { card: { title: { property: 'Title' } } },
        properties: { Quantity: { type: 'Double', basicValue: 500 }, 'Unit price': { basicValue: price } },
      });
      if (image !== '') expect(image).toMatchObject({ type: 'WebImage', address: /^https:\/\// });
      expect(typeof price).toBe('number');
      expect(typeof moq === 'number' || moq === '').toBe(true);
    }
    expect(table.slice(1).some((row) => (row[1] as { type?: string }).type === 'WebImage')).toBe(true);

    const one = await fns.OFFER!(links[0], 'id,title', undefined, {});
    expect(one).toHaveLength(1);
    expect(typeof one[0]![0]).toBe('string');
    expect(one[0]![1]).toMatchObject({
      type: 'Entity',
      properties: { Link: { basicValue: expect.any(String) } },
    });
    // Cards are saved in the workbook: the token and the proxy's address must not be in one.
    const text = JSON.stringify([table, one]);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(new URL(proxy.url).host);
  });

  it('OFFER and OFFERS spill plain values on a host without data types, and with rich=off', async () => {
    const plainHost = await loadOnHost('plain-offers', { CustomFunctionsRuntime: '1.3', ExcelApi: '1.19' });
    const links = await demoLinks(plainHost);
    const plain = await plainHost.OFFERS!([[links[0]], [links[1]]], 'title,image,price', undefined, {});
    const plainOne = await plainHost.OFFER!(links[0], 'title,image', undefined, {});

    const richHost = await loadOnHost('off-offers', { CustomFunctionsRuntime: '1.4', ExcelApi: '1.19' });
    const off = await richHost.OFFERS!([[links[0]], [links[1]]], 'title,image,price', [['rich=off']], {});
    const offOne = await richHost.OFFER!(links[0], 'title,image', [['rich', 'off']], {});

    for (const rows of [plain, plainOne, off, offOne])
      for (const row of rows) for (const cell of row) expect(typeof cell).not.toBe('object');
    expect(plain[1]![0]).toEqual(expect.any(String));
    expect(off).toEqual(plain);
    expect(offOne).toEqual(plainOne);
  });

  it('SUPPLIER spills its company card (five sections) where supported, and plain values where not', async () => {
    const fns = await loadOnHost('rich-supplier', { CustomFunctionsRuntime: '1.4', ExcelApi: '1.19' });
    const list = await fns.SUPPLIERS!('玩具厂', [['provider=demo; rich=off']], 1, {});
    const link = String(list[1]![list[0]!.indexOf('link')]);
    const [row] = await fns.SUPPLIER!(link, 'company,verdict,catalogue', {});
    const card = row![0] as Excel.EntityCellValue;
    expect(card.type).toBe('Entity');
    expect(card.layouts?.card?.sections?.map((s) => s.title)).toEqual([
      'Identity and registration',
      'Badges and years',
      'Ratings and rates',
      'Signals',
      'Links',
    ]);
    expect(card.properties?.Catalogue).toMatchObject({ type: 'Double', numberFormat: '#,##0' });
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    const plainHost = await loadOnHost('plain-supplier', { CustomFunctionsRuntime: '1.3', ExcelApi: '1.19' });
    const [plain] = await plainHost.SUPPLIER!(link, 'company,verdict,catalogue', {});
    for (const cell of plain!) expect(typeof cell).not.toBe('object');
    expect(plain![0]).toBe(card.text);
  });
});
