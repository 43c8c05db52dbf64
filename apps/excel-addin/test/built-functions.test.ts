import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type DemoProxy, startDemoProxy } from './demo-proxy.js';

// The BUILT dist/functions.js in Excel's start-up order (facts from Microsoft's docs and office.js):
// office.js has defined `Office` and `CustomFunctions` before our script runs; `OfficeRuntime` appears only
// when the host script office.js loads asynchronously has run (185–613 ms later in real runs; ~300 ms here),
// just before `Office.onReady` resolves. Excel may calculate a cell the moment its function is associated.
// That cell must reach the SAVED proxy with the SAVED token — not the default URL without a token.

const TOKEN = 'saved-token-0123456789abcdef';
const KEY = 'yuantou.settings';
let outDir: string;
let proxy: DemoProxy;

beforeAll(async () => {
  // A private copy of the shared build (test/global-build.ts): Node reads .js in a folder without
  // package.json as CommonJS, and the bundle is an ES module.
  outDir = mkdtempSync(path.join(tmpdir(), 'yuantou-functions-'));
  copyFileSync(path.join(inject('addinDist'), 'functions.js'), path.join(outDir, 'functions.mjs'));
  proxy = await startDemoProxy({ env: { YUANTOU_TOKENS: TOKEN } });
}, 60_000);

afterAll(async () => {
  vi.unstubAllGlobals();
  await proxy?.close();
  rmSync(outDir, { recursive: true, force: true });
});

class CellError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

describe('dist/functions.js loaded as Excel loads it', () => {
  it('a cell calculated at association uses the saved proxy URL and token from OfficeRuntime.storage', async () => {
    const officeStorage = new Map([[KEY, JSON.stringify({ proxyUrl: proxy.url, token: TOKEN })]]);
    // What an older build left behind: must neither win nor stay behind.
    const page = new Map([[KEY, JSON.stringify({ proxyUrl: 'http://127.0.0.1:9', token: 'old' })]]);
    const cells: Promise<unknown>[] = [];
    const associated: string[] = [];
    let runtimeDefinedAt = 0;

    vi.stubGlobal('localStorage', {
      getItem: (k: string) => page.get(k) ?? null,
      setItem: (k: string, v: string) => void page.set(k, v),
      removeItem: (k: string) => void page.delete(k),
    });
    let hostReady!: (info: { host: string; platform: string }) => void;
    const ready = new Promise((resolve) => {
      hostReady = resolve;
    });
    let runtimeAtAssociation: unknown = 'not associated';
    // The host script arrives ~300 ms after office.js (and our script) ran: timed from our first associate
    // call, i.e. from when the bundle actually executes.
    const hostScriptLoads = () =>
      setTimeout(() => {
        runtimeDefinedAt = Date.now() - start;
        vi.stubGlobal('OfficeRuntime', {
          storage: {
            getItem: async (k: string) => officeStorage.get(k) ?? null,
            setItem: async (k: string, v: string) => void officeStorage.set(k, v),
            removeItem: async (k: string) => void officeStorage.delete(k),
          },
        });
        setTimeout(() => hostReady({ host: 'Excel', platform: 'PC' }), 20);
      }, 300);
    let start = 0;
    vi.stubGlobal('CustomFunctions', {
      Error: CellError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
      associate(id: string, fn: (...args: unknown[]) => Promise<unknown>) {
        if (associated.length === 0) {
          start = Date.now();
          runtimeAtAssociation = (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime;
          hostScriptLoads();
        }
        associated.push(id);
        // Excel recalculating a saved workbook: the cell runs as soon as its function exists.
        if (id === 'SUPPLIERS') cells.push(fn('玩具厂', [['provider=demo']], 3, {}));
      },
    });
    vi.stubGlobal('Office', {
      onReady: () => ready,
      HostType: { Excel: 'Excel' },
      context: { requirements: { isSetSupported: () => true } },
    });
    expect((globalThis as { OfficeRuntime?: unknown }).OfficeRuntime).toBeUndefined();

    await import(/* @vite-ignore */ pathToFileURL(path.join(outDir, 'functions.mjs')).href);

    expect(associated).toEqual([
      'SUPPLIERS',
      'PRODUCTS',
      'PRODUCTSBYIMAGE',
      'OFFER',
      'OFFERS',
      'PRICEAT',
      'FIELDS',
      'SUPPLIER',
      'LANDED',
      'SUPPLIEROFFERS',
      'OFFERHISTORY',
    ]);
    expect(runtimeAtAssociation).toBeUndefined();
    expect(cells).toHaveLength(1);
    const rows = (await cells[0]) as unknown[][];
    expect(runtimeDefinedAt).toBeGreaterThanOrEqual(290);
    expect(rows[0]).toEqual(expect.arrayContaining(['rank', 'company']));
    expect(rows.length).toBe(4);
    // The proxy requires the token: a request without it would have been a #VALUE! "token rejected".
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]).toMatch(/^\/v1\/suppliers\?/);
    // The stale localStorage copy was not used, and was removed once OfficeRuntime.storage had the settings.
    expect(page.has(KEY)).toBe(false);
    expect(JSON.parse(officeStorage.get(KEY)!)).toMatchObject({ proxyUrl: proxy.url, token: TOKEN });
  });
});
