import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RateQuote } from '../models/money.js';
import type { Offer } from '../models/offer.js';
import { bareOffer } from '../offers/__fixtures__/offer-arbitraries.js';
import { landedCost } from './landed-cost.js';
import type { LandedCostOptions, RateCard } from './landed-options.js';

const RATES: RateQuote[] = [
  { currency: 'EUR', rate: 7.83, rateDate: '2026-12-04', source: 'ecb', stale: false },
  { currency: 'USD', rate: 7.19, rateDate: '2026-12-04', source: 'ecb', stale: false },
];

const money = fc.double({ min: 0, max: 500, noNaN: true, noDefaultInfinity: true });
const side = fc.option(fc.double({ min: 0, max: 120, noNaN: true, noDefaultInfinity: true }), { nil: null });

const offerArb: fc.Arbitrary<Offer> = fc
  .record({
    tiers: fc.uniqueArray(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 4 }),
    prices: fc.array(fc.double({ min: 0.01, max: 300, noNaN: true, noDefaultInfinity: true }), {
      minLength: 4,
      maxLength: 4,
    }),
    weightKg: fc.option(fc.double({ min: 0, max: 30, noNaN: true, noDefaultInfinity: true }), { nil: null }),
    size: fc.option(fc.tuple(side, side, side), { nil: null }),
  })
  .map(({ tiers, prices, weightKg, size }) =>
    bareOffer({
      priceTiers: tiers.map((minQuantity, i) => ({ minQuantity, price: prices[i]! })),
      weightKg,
      sizeCm: size ? { length: size[0], width: size[1], height: size[2] } : null,
    }),
  );

const cardArb: fc.Arbitrary<RateCard> = fc
  .record({
    method: fc.constantFrom('air', 'express', 'sea', 'rail'),
    perKg: fc.option(money, { nil: undefined }),
    perCbm: fc.option(money, { nil: undefined }),
    minimum: fc.option(money, { nil: undefined }),
    divisor: fc.option(fc.constantFrom(5000, 6000, 8000), { nil: undefined }),
    currency: fc.constantFrom('EUR', 'USD', 'CNY'),
  })
  .filter((card) => card.perKg !== undefined || card.perCbm !== undefined);

const percent = fc.option(fc.double({ min: 0, max: 40, noNaN: true, noDefaultInfinity: true }), {
  nil: undefined,
});

const optionsArb: fc.Arbitrary<LandedCostOptions> = fc.record({
  quantity: fc.integer({ min: 1, max: 5000 }),
  currency: fc.constantFrom('EUR', 'USD', 'CNY'),
  chinaFreight: fc.oneof(money, fc.constant('none' as const)),
  freight: cardArb,
  agentFeePercent: percent,
  dutyPercent: percent,
  vatPercent: percent,
  dutyBasis: fc.constantFrom('cif' as const, 'fob' as const),
});

const run = (offer: Offer, options: LandedCostOptions) => landedCost(offer, options, { rates: RATES });

describe('landedCost properties', () => {
  it('the total is the sum of the lines, all in the requested currency', () => {
    fc.assert(
      fc.property(offerArb, optionsArb, (offer, options) => {
        const result = run(offer, options);
        const sum = result.lines.reduce((s, line) => s + line.amount, 0);
        expect(result.total.amount).toBeCloseTo(sum, 6);
        for (const line of result.lines) expect(line.currency).toBe(options.currency);
      }),
    );
  });

  it('the chargeable weight is never below the actual weight (air, express, rail)', () => {
    fc.assert(
      fc.property(offerArb, optionsArb, (offer, options) => {
        const result = run(offer, options);
        if (options.freight.method === 'sea' || options.freight.perKg === undefined) return;
        if (result.chargeableWeightKg === null || result.actualWeightKg === null) return;
        expect(result.chargeableWeightKg).toBeGreaterThanOrEqual(result.actualWeightKg);
      }),
    );
  });

  it('per unit × quantity is the total (to the 4-decimal rounding of per unit)', () => {
    fc.assert(
      fc.property(offerArb, optionsArb, (offer, options) => {
        const result = run(offer, options);
        const gap = Math.abs(result.perUnit.amount * options.quantity - result.total.amount);
        expect(gap).toBeLessThanOrEqual(0.00005 * options.quantity + 1e-6);
      }),
    );
  });

  it('a higher rate never lowers the total', () => {
    const bump = fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true });
    const field = fc.constantFrom(
      'perKg',
      'perCbm',
      'minimum',
      'agentFeePercent',
      'dutyPercent',
      'vatPercent',
      'chinaFreight',
    );
    fc.assert(
      fc.property(offerArb, optionsArb, field, bump, (offer, options, name, extra) => {
        const raised = structuredClone(options);
        if (name === 'perKg' || name === 'perCbm' || name === 'minimum') {
          const current = raised.freight[name];
          if (current === undefined) return;
          raised.freight[name] = current + extra;
        } else if (name === 'chinaFreight') {
          if (typeof raised.chinaFreight !== 'number') return;
          raised.chinaFreight += extra;
        } else {
          raised[name] = (raised[name] ?? 0) + extra;
        }
        expect(run(offer, raised).total.amount).toBeGreaterThanOrEqual(run(offer, options).total.amount);
      }),
    );
  });
});
