import { createClient } from '@yuantou/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { landed } from '../src/app/functions.js';
import { sharedRuntime } from '../src/app/shared-runtime.js';
import { LANDED_COLUMNS } from '../src/landed/landed-columns.js';
import { stubCustomFunctions } from './custom-functions-global.js';
import { type DemoProxy, startDemoProxy } from './demo-proxy.js';

// The real =LANDED (functions.ts, as Excel calls it) against the real proxy in demo mode over HTTP: a column of
// cells is ONE POST /v1/landed-cost/batch, the numbers are the proxy's own single-offer answer, the detail row's
// lines add up, and a mistake costs no request.

beforeEach(stubCustomFunctions);
afterEach(() => vi.unstubAllGlobals());

const RATES = [
  ['method', 'per kg', 'per CBM', 'minimum', 'divisor', 'currency', 'agent %', 'duty %', 'VAT %'],
  ['air', 38, '', 60, 6000, 'EUR', 5, 4.7, 19],
  ['sea', '', 180, 120, '', 'EUR', 5, 4.7, 19],
];

const landedRequests = (proxy: DemoProxy) => proxy.requests.filter((u) => u.startsWith('/v1/landed-cost'));
// Excel passes a text cell given to an `any[][]` parameter as a 1×1 matrix.
const link = (id: string, i = 0) => `https://detail.1688.com/offer/${id}.html?spm=a26352.${i}`;

describe('=LANDED against the demo proxy', () => {
  let proxy: DemoProxy;
  let ids: string[];
  beforeAll(async () => {
    proxy = await startDemoProxy();
    const found = await createClient({ baseUrl: proxy.url }).searchProducts({ q: '玩具', pageSize: 30 });
    ids = found.items.filter((p) => p.price !== null).map((p) => p.id);
  });
  afterAll(() => proxy.close());
  beforeEach(async () => {
    await sharedRuntime.update({ proxyUrl: proxy.url, token: '' });
    sharedRuntime.offerCache.clear();
    proxy.requests.length = 0;
  });

  it('30 cells over 10 links, one rate card: one batch request, each number the single-offer answer', async () => {
    expect(ids.length).toBeGreaterThanOrEqual(10);
    const links = ids.slice(0, 10);
    const cells = await Promise.all(
      Array.from({ length: 30 }, (_, i) => landed(link(links[i % 10]!, i), 200, RATES, undefined, {})),
    );
    expect(landedRequests(proxy)).toEqual(['/v1/landed-cost/batch']);
    const client = createClient({ baseUrl: proxy.url });
    for (const [i, id] of links.entries()) {
      const single = await client.landedCost({
        ref: id,
        quantity: 200,
        freight: { method: 'air', perKg: 38, minimum: 60, divisor: 6000, currency: 'EUR' },
        agentFeePercent: 5,
        dutyPercent: 4.7,
        vatPercent: 19,
      });
      expect(cells[i]).toEqual([[single.perUnit.amount]]);
      expect(cells[i + 10]).toEqual(cells[i]);
      expect(typeof cells[i]![0]![0]).toBe('number');
    }
    // Recalculating the same cells asks nothing more (10 minutes in memory).
    proxy.requests.length = 0;
    await Promise.all(links.map((id) => landed(id, 200, RATES, undefined, {})));
    expect(landedRequests(proxy)).toEqual([]);
  });

  it('cells that differ in method or quantity go in one request per distinct body', async () => {
    const links = ids.slice(0, 5);
    const cells = await Promise.all([
      ...links.map((id) => landed(id, 100, RATES, undefined, {})),
      ...links.map((id) => landed(id, 100, RATES, [['method=sea']], {})),
      ...links.map((id) => landed(id, 500, RATES, [['method', 'sea']], {})),
    ]);
    expect(landedRequests(proxy)).toEqual(Array(3).fill('/v1/landed-cost/batch'));
    expect(cells.every((c) => typeof c[0]![0] === 'number' && (c[0]![0] as number) > 0)).toBe(true);
  });

  it('detail: the documented columns in order, lines that add up to the total, each with its source', async () => {
    const [header, row] = await landed(ids[0]!, 300, RATES, [['detail; header; chinaFreight=25']], {});
    expect(header).toEqual(Object.values(LANDED_COLUMNS).map((c) => c.header));
    expect(header!.slice(0, 10)).toEqual([
      'per piece',
      'total',
      'currency',
      'quantity',
      'goods',
      'China freight',
      'international freight',
      'agent fee',
      'duty',
      'VAT',
    ]);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('currency')).toBe('EUR');
    expect(cell('quantity')).toBe(300);
    const lines = ['goods', 'China freight', 'international freight', 'agent fee', 'duty', 'VAT'].map(cell);
    const amounts = lines.filter((v): v is number => typeof v === 'number');
    expect(Math.abs(amounts.reduce((a, b) => a + b, 0) - (cell('total') as number))).toBeLessThan(0.011);
    expect(cell('per piece')).toBeCloseTo((cell('total') as number) / 300, 3);
    expect(String(cell('sources'))).toContain('China freight: you');
    expect(String(cell('sources'))).toMatch(/goods: demo/);
    expect(String(cell('exchange rates'))).toMatch(/^1 EUR = [\d.]+ CNY/);
  });

  it('a bad link, quantity, rate card or option is #VALUE! naming it, without a request', async () => {
    const bad = (text: string) => ({ code: '#VALUE!', message: expect.stringContaining(text) });
    await expect(
      landed('https://item.taobao.com/item.htm?id=1', 10, RATES, undefined, {}),
    ).rejects.toMatchObject(bad('link'));
    await expect(landed(ids[0]!, 2.5, RATES, undefined, {})).rejects.toMatchObject(bad('quantity'));
    const broken = [RATES[0]!, ['air', 'thirty', '', '', '', 'EUR']];
    await expect(landed(ids[0]!, 10, broken, undefined, {})).rejects.toMatchObject(
      bad('column "per kg" "thirty" is not a number'),
    );
    // Where Excel gives the rates range's address (CustomFunctionsRuntime 1.3), the cell is named A1-style.
    const located = { parameterAddresses: ['Quote!A7', 'Quote!B2', 'Rates!F2:N3'] };
    await expect(landed(ids[0]!, 10, broken, undefined, located)).rejects.toMatchObject(
      bad('rates: Rates!G3 "thirty" is not a number'),
    );
    await expect(landed(ids[0]!, 10, RATES, [['method=rail']], {})).rejects.toMatchObject(bad('no rail row'));
    await expect(landed(ids[0]!, 10, RATES, [['dutyBasis=ddp']], {})).rejects.toMatchObject(bad('dutyBasis'));
    expect(landedRequests(proxy)).toEqual([]);
  });

  it('the text form works like the table, and currency= converts every line', async () => {
    const eurCells = await landed(ids[1]!, 100, [['air; perKg=38; currency=EUR']], undefined, {});
    const eur = eurCells[0]![0];
    const usdCells = await landed(ids[1]!, 100, [['air; perKg=38; currency=EUR']], [['currency=USD']], {});
    const usd = usdCells[0]![0];
    expect(eur).toBeGreaterThan(0);
    expect(usd).toBeGreaterThan(0);
    expect(usd).not.toBe(eur);
  });
});
