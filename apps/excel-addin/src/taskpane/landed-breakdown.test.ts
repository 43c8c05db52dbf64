// @vitest-environment happy-dom
import type { LandedCostBatchBodyInput, LandedCostResponse } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import type { AddinRuntime } from '../app/addin-runtime.js';
import { isRangeAddress } from '../cells/cell-address.js';
import { InputError } from '../cells/input-error.js';
import { QueryCache } from '../cells/query-cache.js';
import { createLandedFunctions } from '../landed/landed-functions.js';
import type { LinkLookup } from '../offers/offer-links.js';
import { landedBreakdown, landedForLinks } from './landed-breakdown.js';
import { linkTable } from './links-panel.js';
import { renderLinks } from './links-view.js';

const RATES = [
  ['method', 'per kg', 'currency', 'VAT %'],
  ['air', 38, 'EUR', 19],
];

function answer(offerId: string, quantity: number): LandedCostResponse {
  return {
    offerId,
    quantity,
    currency: 'EUR',
    lines: [
      { kind: 'goods', amount: 50, currency: 'EUR', source: 'demo', rate: 7.8, rateDate: '2026-12-04' },
      { kind: 'international_freight', amount: 30, currency: 'EUR', source: 'rate card' },
      { kind: 'vat', amount: 15.2, currency: 'EUR', source: 'you' },
    ],
    total: { amount: 95.2, currency: 'EUR' },
    perUnit: { amount: 0.952, currency: 'EUR' },
    chargeableWeightKg: 1,
    actualWeightKg: 1,
    volumeCbm: null,
    estimate: true,
    warnings: ['the offer gives no size: charged on the actual weight'],
    fetchedAt: '2026-12-06T00:00:00.000Z',
  };
}

/** Just the runtime parts the Links view's landed cost uses: the landed functions over a fake client. */
function runtime() {
  const bodies: LandedCostBatchBodyInput[] = [];
  const landed = createLandedFunctions({
    client: () => ({
      landedCosts: async (body) => {
        bodies.push(body);
        return {
          results: body.refs.map((ref) =>
            ref === '600000000002'
              ? {
                  ref,
                  offerId: ref,
                  error: { kind: 'no_price' as const, message: 'the offer lists no price' },
                }
              : { ref, offerId: ref, result: answer(ref, body.quantity) },
          ),
        };
      },
    }),
    cache: new QueryCache({ ttlMs: 60_000, maxEntries: 10 }),
    windowMs: 5,
  });
  const rt = {
    landed,
    errorContext: () => ({ proxyUrl: 'http://127.0.0.1:8787', timeoutSeconds: 30 }),
  } as unknown as AddinRuntime;
  return { rt, bodies };
}

const price = (quantity: number) => ({
  quantity,
  unitPrice: 4.5,
  subtotal: 4.5 * quantity,
  tierMinQuantity: 1,
  belowMoq: false,
});
const found: LinkLookup[] = [
  { link: 'a', offer: sampleOffer('600000000001'), price: price(100) },
  { link: 'b', offer: sampleOffer('600000000002'), price: price(100) },
  { link: 'c', error: 'this is a Taobao link' },
  { link: 'd', offer: sampleOffer('600000000003'), price: price(100) },
];

describe('the Links view’s landed cost', () => {
  it('tells a range address from the text form', () => {
    for (const a of ['Rates!F2:N4', '$F$2:$N$4', "'My rates'!A1:I3", 'b7'])
      expect(isRangeAddress(a)).toBe(true);
    for (const t of ['air; perKg=38; currency=EUR', 'air', 'perKg=38']) expect(isRangeAddress(t)).toBe(false);
  });

  it('reads the range from the workbook, prices every found offer in one request, an offer’s failure its own', async () => {
    const { rt, bodies } = runtime();
    const read: string[] = [];
    const results = await landedForLinks(rt, found, 'Rates!F2:I3', async (address) => {
      read.push(address);
      return RATES;
    });
    expect(read).toEqual(['Rates!F2:I3']);
    expect(bodies.map((b) => b.refs)).toEqual([['600000000001', '600000000002', '600000000003']]);
    expect(bodies[0]).toMatchObject({ quantity: 100, freight: { method: 'air', perKg: 38 }, vatPercent: 19 });
    expect(results.get('600000000001')).toMatchObject({ view: { answer: { perUnit: { amount: 0.952 } } } });
    expect(results.get('600000000002')).toEqual({ error: 'the offer lists no price' });
  });

  it('a rate-card mistake is one error for the list, naming the cell; a range outside Excel says to open Excel', async () => {
    const { rt, bodies } = runtime();
    const bad = [RATES[0]!, ['air', 'x', 'EUR', 19]];
    const error = await landedForLinks(rt, found, 'Rates!F2:I3', async () => bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('rates: Rates!G3 "x" is not a number');
    await expect(landedForLinks(rt, found, 'F2:I3', null)).rejects.toThrow(/Open this pane in Excel/);
    expect(bodies).toEqual([]);
  });

  it('renders the per-piece cost and a breakdown with each line’s source under the offer', async () => {
    const { rt } = runtime();
    const results = await landedForLinks(rt, found, 'air; perKg=38; currency=EUR; vat=19', null);
    const container = document.createElement('div');
    renderLinks(container, found, 100, results);
    const first = container.querySelector('li[data-offer-id="600000000001"]')!;
    expect(first.querySelector('.landed-total')?.textContent).toBe(
      'Landed cost: 0.952 EUR per piece, 95.20 EUR for 100 (estimate)',
    );
    const rows = [...first.querySelectorAll('.landed-breakdown tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['line', 'amount (EUR)', 'source'],
      ['goods', '50.00', 'demo'],
      ['international freight', '30.00', 'rate card'],
      ['VAT', '15.20', 'you'],
    ]);
    expect(first.querySelector('.landed-breakdown summary')?.textContent).toBe('Cost breakdown');
    expect(first.querySelector('.warnings')?.textContent).toContain('no size');
    const second = container.querySelector('li[data-offer-id="600000000002"]')!;
    expect(second.querySelector('.landed .error')?.textContent).toBe('Landed cost: the offer lists no price');
    // Without a rate card the view is as before: no landed cost anywhere.
    renderLinks(container, found, 100);
    expect(container.querySelector('.landed')).toBeNull();
    expect(landedBreakdown(document, { error: 'x' }).textContent).toBe('Landed cost: x');
  });

  it('Insert as table: the landed cost per piece and total after the offer columns, the reason where none', async () => {
    const { rt } = runtime();
    const results = await landedForLinks(rt, found, 'air; perKg=38; currency=EUR', null);
    const table = linkTable(found, 100, results);
    const headers = table.columns.map((c) => c.header);
    expect(headers.slice(-3)).toEqual(['link', 'landed cost per piece (EUR)', 'landed cost total (EUR)']);
    expect(table.rows.map((r) => r.slice(-2))).toEqual([
      [0.952, 95.2],
      ['no landed cost: the offer lists no price', ''],
      ['', ''],
      [0.952, 95.2],
    ]);
    expect(linkTable(found, 100).columns.map((c) => c.header)).not.toContain('landed cost total (EUR)');
  });
});
