import type { LandedCostBatchBodyInput, LandedCostBatchResponse, LandedCostResponse } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { NotAvailableError } from '../cells/cell-error.js';
import { InputError } from '../cells/input-error.js';
import { QueryCache } from '../cells/query-cache.js';
import { LANDED_DOC } from './landed-docs.js';
import { amountFormat, createLandedFunctions } from './landed-functions.js';
import { LANDED_OPTION_DOCS, parseLandedOptions } from './landed-options.js';

// =LANDED with a fake client: what body the rate card and options become, how a recalculation's cells are
// grouped into requests, what the cell shows. The real proxy's numbers are in test/landed-proxy.integration.test.ts.

const ID = '610947572360';
const RATES = [
  ['method', 'per kg', 'currency', 'duty %', 'VAT %'],
  ['air', 38, 'EUR', 4.7, 19],
  ['express', 52, 'USD', '', ''],
];

function answer(quantity: number): LandedCostResponse {
  return {
    offerId: ID,
    quantity,
    currency: 'EUR',
    lines: [
      { kind: 'goods', amount: 100, currency: 'EUR', source: 'demo', rate: 7.8, rateDate: '2026-12-04' },
      { kind: 'international_freight', amount: 40, currency: 'EUR', source: 'rate card' },
      { kind: 'duty', amount: 6.58, currency: 'EUR', source: 'you' },
    ],
    total: { amount: 146.58, currency: 'EUR' },
    perUnit: { amount: 1.4658, currency: 'EUR' },
    chargeableWeightKg: 1,
    actualWeightKg: 1,
    volumeCbm: null,
    estimate: true,
    warnings: ['no China freight estimate: the China leg is left out'],
    fetchedAt: '2026-12-06T00:00:00.000Z',
  };
}

function setup(rich = false) {
  const bodies: LandedCostBatchBodyInput[] = [];
  const flushes: (() => void)[] = [];
  const functions = createLandedFunctions({
    client: () => ({
      landedCosts: async (body): Promise<LandedCostBatchResponse> => {
        bodies.push(body);
        return {
          results: body.refs.map((ref) =>
            ref === '123456789'
              ? { ref, offerId: ref, error: { kind: 'not_found', message: 'offer 123456789 not found' } }
              : { ref, offerId: ref, result: answer(body.quantity) },
          ),
        };
      },
    }),
    cache: new QueryCache({ ttlMs: 60_000, maxEntries: 100 }),
    setTimer: (run) => flushes.push(run),
    richCells: () => (rich ? { doubleNumberFormat: true } : null),
  });
  const flush = () => {
    for (const run of flushes.splice(0)) run();
  };
  return { functions, bodies, flush };
}

describe('=LANDED', () => {
  it('sends the rate card’s first row with its percentages, the cell’s options over them; one request per body', async () => {
    const { functions, bodies, flush } = setup();
    const cells = [
      functions.landed(ID, 100, RATES, undefined),
      functions.landed(`https://detail.1688.com/offer/${ID}.html`, 100, RATES, undefined),
      functions.landed(ID, 100, RATES, 'method=express; duty=2; currency=eur'),
    ];
    flush();
    const rows = await Promise.all(cells);
    expect(rows).toEqual([[[1.4658]], [[1.4658]], [[1.4658]]]);
    expect(bodies).toEqual([
      {
        refs: [ID],
        quantity: 100,
        freight: { method: 'air', perKg: 38, currency: 'EUR' },
        dutyPercent: 4.7,
        vatPercent: 19,
      },
      {
        refs: [ID],
        quantity: 100,
        freight: { method: 'express', perKg: 52, currency: 'USD' },
        currency: 'EUR',
        dutyPercent: 2,
      },
    ]);
  });

  it('with detail: one row of the documented columns (header with `header`); blank for a line left out', async () => {
    const { functions, flush } = setup();
    const cell = functions.landed(ID, 100, RATES, 'detail; header');
    flush();
    const [header, row] = await cell;
    expect(header).toEqual([
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
      'chargeable kg',
      'actual kg',
      'CBM',
      'sources',
      'exchange rates',
      'warnings',
    ]);
    expect(LANDED_DOC.columns.map((c) => c.name)).toEqual([
      'perPiece',
      'total',
      'currency',
      'quantity',
      'goods',
      'chinaFreight',
      'internationalFreight',
      'agentFee',
      'duty',
      'vat',
      'chargeableKg',
      'actualKg',
      'cbm',
      'sources',
      'rates',
      'warnings',
    ]);
    expect(row).toEqual([
      1.4658,
      146.58,
      'EUR',
      100,
      100,
      '',
      40,
      '',
      6.58,
      '',
      1,
      1,
      '',
      'goods: demo; international freight: rate card; duty: you',
      '1 EUR = 7.8 CNY (2026-12-04)',
      'no China freight estimate: the China leg is left out',
    ]);
  });

  it('where Excel formats cells, the number carries its currency format (rich=off: plain)', async () => {
    const { functions, flush } = setup(true);
    const cells = [functions.landed(ID, 100, RATES, undefined), functions.landed(ID, 100, RATES, 'rich=off')];
    flush();
    const [rich, plainRows] = await Promise.all(cells);
    const formatted = rich![0]![0];
    const plain = plainRows![0]![0];
    expect(formatted).toEqual({ type: 'Double', basicValue: 1.4658, numberFormat: amountFormat('EUR') });
    expect(plain).toBe(1.4658);
  });

  it('a link the proxy could not find is #N/A; input mistakes are #VALUE! before any request', async () => {
    const { functions, bodies, flush } = setup();
    const missing = functions.landed('123456789', 100, RATES, undefined);
    flush();
    await expect(missing).rejects.toBeInstanceOf(NotAvailableError);
    bodies.length = 0;
    for (const [link, quantity, options] of [
      ['', 100, undefined],
      [ID, 0, undefined],
      [ID, '12 pcs', undefined],
      [ID, 100, 'speed=fast'],
      [ID, 100, 'chinaFreight=cheap'],
      [ID, 100, 'vat=-1'],
    ] as const) {
      await expect(functions.landed(link, quantity, RATES, options)).rejects.toBeInstanceOf(InputError);
    }
    flush();
    expect(bodies).toEqual([]);
  });
});

describe('parseLandedOptions', () => {
  it('reads every documented option by its name or alias, checked by core’s schema', () => {
    expect(
      parseLandedOptions(
        'method=SEA; ccy=usd; chinaFreight=12.5; sku=5001; agent=3%; duty=4; vat=20; basis=FOB',
      ),
    ).toEqual({
      method: 'sea',
      body: {
        currency: 'USD',
        chinaFreight: 12.5,
        sku: '5001',
        agentFeePercent: 3,
        dutyPercent: 4,
        vatPercent: 20,
        dutyBasis: 'fob',
      },
    });
    expect(
      parseLandedOptions([
        ['chinaFreight', 'None'],
        ['detail', 'yes'],
        ['header', '否'],
      ]),
    ).toEqual({
      body: { chinaFreight: 'none' },
      detail: true,
      header: false,
    });
    expect(() => parseLandedOptions('bogus')).toThrow(
      `option "bogus": unknown option (use ${Object.keys(LANDED_OPTION_DOCS).join(', ')})`,
    );
    expect(() => parseLandedOptions('method=boat')).toThrow(
      'option "method": "boat" is not air, express, sea, rail',
    );
    expect(LANDED_DOC.options.map((o) => o.name)).toEqual(Object.keys(LANDED_OPTION_DOCS));
  });
});
