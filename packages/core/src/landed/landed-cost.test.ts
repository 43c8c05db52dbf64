import { describe, expect, it } from 'vitest';
import type { RateQuote } from '../models/money.js';
import { bareOffer } from '../offers/__fixtures__/offer-arbitraries.js';
import { OfferPriceError } from '../offers/price-at.js';
import { LandedCostError, landedCost } from './landed-cost.js';

// Worked examples, each computed by hand in the comments. Rates: 1 EUR = 8 CNY, 1 USD = 7.2 CNY.
const EUR: RateQuote = { currency: 'EUR', rate: 8, rateDate: '2026-12-04', source: 'ecb', stale: false };
const USD: RateQuote = { currency: 'USD', rate: 7.2, rateDate: '2026-12-03', source: 'ecb', stale: false };
const rates = [EUR, USD];

const offer = (price: number, weightKg: number | null, size: [number, number, number] | null) =>
  bareOffer({
    id: '700000000001',
    provider: 'tmapi',
    moq: 1,
    priceTiers: [{ minQuantity: 1, price }],
    weightKg,
    sizeCm: size ? { length: size[0], width: size[1], height: size[2] } : null,
  });

describe('landedCost: worked examples', () => {
  it('air by weight: 100 pieces of 0.5 kg, 10×10×10 cm, every line', () => {
    // goods 100 × 10 CNY = 1000 CNY / 8 = 125.00 EUR; China leg 40 CNY / 8 = 5.00 EUR;
    // actual 50 kg, volumetric 100 × 1000 cm³ / 6000 = 16.667 kg → 50 kg × 5 EUR = 250.00 EUR;
    // agent 5 % of 125 = 6.25; duty 4.7 % of (125 + 5 + 250 = 380) = 17.86; VAT 19 % of 397.86 = 75.59;
    // total 479.70 EUR, 4.797 per piece.
    const result = landedCost(
      offer(10, 0.5, [10, 10, 10]),
      {
        quantity: 100,
        currency: 'EUR',
        chinaFreight: 40,
        freight: { method: 'air', perKg: 5, currency: 'EUR' },
        agentFeePercent: 5,
        dutyPercent: 4.7,
        vatPercent: 19,
      },
      { rates },
    );
    expect(result.lines).toEqual([
      { kind: 'goods', amount: 125, currency: 'EUR', source: 'tmapi', rate: 8, rateDate: '2026-12-04' },
      { kind: 'china_freight', amount: 5, currency: 'EUR', source: 'you', rate: 8, rateDate: '2026-12-04' },
      { kind: 'international_freight', amount: 250, currency: 'EUR', source: 'rate card' },
      { kind: 'agent_fee', amount: 6.25, currency: 'EUR', source: 'you' },
      { kind: 'duty', amount: 17.86, currency: 'EUR', source: 'you' },
      { kind: 'vat', amount: 75.59, currency: 'EUR', source: 'you' },
    ]);
    expect(result.total).toEqual({ amount: 479.7, currency: 'EUR' });
    expect(result.perUnit).toEqual({ amount: 4.797, currency: 'EUR' });
    expect(result.actualWeightKg).toBe(50);
    expect(result.chargeableWeightKg).toBe(50);
    expect(result.volumeCbm).toBe(0.1);
    expect(result.estimate).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('air by volume: light, bulky pieces are charged on the volumetric weight', () => {
    // 10 pieces of 0.1 kg, 30×20×20 = 12000 cm³ each: actual 1 kg, volumetric 120000 / 6000 = 20 kg;
    // 20 kg × 6 EUR = 120.00 EUR; goods 10 × 10 CNY = 100 CNY / 8 = 12.50 EUR; total 132.50.
    const bulky = offer(10, 0.1, [30, 20, 20]);
    const options = {
      quantity: 10,
      chinaFreight: 'none' as const,
      freight: { method: 'air' as const, perKg: 6, currency: 'EUR' },
    };
    const result = landedCost(bulky, options, { rates });
    expect(result.currency).toBe('EUR');
    expect(result.actualWeightKg).toBe(1);
    expect(result.chargeableWeightKg).toBe(20);
    expect(result.lines.find((l) => l.kind === 'international_freight')?.amount).toBe(120);
    expect(result.lines.find((l) => l.kind === 'china_freight')).toEqual({
      kind: 'china_freight',
      amount: 0,
      currency: 'EUR',
      source: 'you',
    });
    expect(result.total.amount).toBe(132.5);
    // A courier dividing by 5000: 120000 / 5000 = 24 kg × 6 = 144.00 EUR.
    const courier = landedCost(
      bulky,
      { ...options, freight: { ...options.freight, divisor: 5000 } },
      { rates },
    );
    expect(courier.chargeableWeightKg).toBe(24);
    expect(courier.total.amount).toBe(156.5);
  });

  it('sea with a minimum: by CBM, never below the minimum; converted from the card currency', () => {
    // 50×40×30 = 60000 cm³ = 0.06 CBM each. 10 pieces = 0.6 CBM × 150 USD = 90 USD < minimum 100 USD → 100 USD.
    // goods 10 × 36 CNY = 360 CNY / 7.2 = 50.00 USD. Total 150.00 USD.
    const crate = offer(36, 2, [50, 40, 30]);
    const freight = { method: 'sea' as const, perCbm: 150, minimum: 100, currency: 'USD' };
    const small = landedCost(crate, { quantity: 10, chinaFreight: 'none', freight }, { rates });
    expect(small.volumeCbm).toBe(0.6);
    expect(small.chargeableWeightKg).toBeNull();
    expect(small.lines.find((l) => l.kind === 'international_freight')?.amount).toBe(100);
    expect(small.total.amount).toBe(150);
    // 20 pieces = 1.2 CBM × 150 = 180 USD, above the minimum; goods 720 CNY = 100.00 USD.
    const large = landedCost(crate, { quantity: 20, chinaFreight: 'none', freight }, { rates });
    expect(large.lines.find((l) => l.kind === 'international_freight')?.amount).toBe(180);
    expect(large.total.amount).toBe(280);
    // The same card asked in EUR: 100 USD = 100 × 7.2 / 8 = 90.00 EUR; the rate is USD per EUR (8 / 7.2).
    const inEur = landedCost(
      crate,
      { quantity: 10, currency: 'EUR', chinaFreight: 'none', freight },
      { rates },
    );
    expect(inEur.lines.find((l) => l.kind === 'international_freight')).toEqual({
      kind: 'international_freight',
      amount: 90,
      currency: 'EUR',
      source: 'rate card',
      rate: 1.11111,
      rateDate: '2026-12-03',
    });
  });

  it('CIF vs FOB: duty on goods + freight (EU) or on the goods alone (US)', () => {
    // goods 10 × 80 CNY = 800 CNY = 100 EUR; China 80 CNY = 10 EUR; 10 kg × 4 EUR = 40 EUR.
    // CIF: duty 10 % of 150 = 15; VAT 20 % of 165 = 33; total 198.
    // FOB: duty 10 % of 100 = 10; VAT 20 % of 110 = 22; total 182.
    const item = offer(80, 1, null);
    const options = {
      quantity: 10,
      currency: 'EUR',
      chinaFreight: 80,
      freight: { method: 'express' as const, perKg: 4, currency: 'EUR' },
      dutyPercent: 10,
      vatPercent: 20,
    };
    const cif = landedCost(item, options, { rates });
    const fob = landedCost(item, { ...options, dutyBasis: 'fob' }, { rates });
    const amount = (r: typeof cif, kind: string) => r.lines.find((l) => l.kind === kind)?.amount;
    expect([amount(cif, 'duty'), amount(cif, 'vat'), cif.total.amount]).toEqual([15, 33, 198]);
    expect([amount(fob, 'duty'), amount(fob, 'vat'), fob.total.amount]).toEqual([10, 22, 182]);
    // No size given: charged on the actual weight, and said so.
    expect(cif.warnings).toEqual([
      'the offer gives no size: charged on the actual weight; a bulky parcel may be charged more',
    ]);
  });

  it('a missing weight: charged on the volume and said so; nothing known leaves the line out, never a 0', () => {
    // No weight, 30×20×10 = 6000 cm³ → 1 kg volumetric each; 5 pieces × 1 kg × 6 EUR = 30 EUR.
    const noWeight = landedCost(
      offer(8, null, [30, 20, 10]),
      { quantity: 5, chinaFreight: 'none', freight: { method: 'air', perKg: 6, currency: 'EUR' } },
      { rates },
    );
    expect(noWeight.actualWeightKg).toBeNull();
    expect(noWeight.chargeableWeightKg).toBe(5);
    expect(noWeight.lines.find((l) => l.kind === 'international_freight')?.amount).toBe(30);
    expect(noWeight.warnings[0]).toMatch(/no weight: charged on the volumetric weight alone \(5 kg\)/);

    const nothing = landedCost(
      offer(8, null, null),
      { quantity: 5, chinaFreight: 'none', freight: { method: 'air', perKg: 6, currency: 'EUR' } },
      { rates },
    );
    expect(nothing.lines.map((l) => l.kind)).toEqual(['goods', 'china_freight']);
    // goods 40 CNY / 8 = 5.00 EUR is the whole total.
    expect(nothing.total.amount).toBe(5);
    expect(nothing.warnings).toEqual([
      'the offer gives no weight and no size: international freight left out',
    ]);
  });
});

describe('landedCost: sources, warnings and errors', () => {
  const card = { method: 'air' as const, perKg: 0, currency: 'CNY' };

  it('takes the provider estimate of the China leg, and says when there is none', () => {
    const item = offer(10, 1, null);
    const estimated = landedCost(
      item,
      { quantity: 2, freight: card },
      { chinaFreight: { provider: 'demo', amountCny: 12 } },
    );
    expect(estimated.lines[1]).toEqual({
      kind: 'china_freight',
      amount: 12,
      currency: 'CNY',
      source: 'demo',
    });
    const missing = landedCost(
      item,
      { quantity: 2, freight: card },
      { chinaFreightProblem: 'tmapi: quota exhausted' },
    );
    expect(missing.lines.map((l) => l.kind)).not.toContain('china_freight');
    expect(missing.warnings[0]).toBe(
      'no China freight estimate (tmapi: quota exhausted): the China leg is left out',
    );
  });

  it('warns below the MOQ and when the next tier costs less in total', () => {
    const tiered = bareOffer({
      moq: 50,
      priceTiers: [
        { minQuantity: 50, price: 10 },
        { minQuantity: 100, price: 5 },
      ],
    });
    // 90 × 10 = 900 CNY, but 100 × 5 = 500 CNY.
    const result = landedCost(tiered, { quantity: 90, chinaFreight: 'none', freight: card });
    expect(result.total.amount).toBe(900);
    expect(result.warnings).toContain('100 pieces (the next price tier) cost less in total: 500 CNY');
    const few = landedCost(tiered, { quantity: 10, chinaFreight: 'none', freight: card });
    expect(few.warnings).toContain(
      '10 pieces is below the minimum order of 50: the seller may not sell that few',
    );
  });

  it('weighs the variant when one is asked for', () => {
    const variants = bareOffer({
      priceTiers: [{ minQuantity: 1, price: 1 }],
      weightKg: 1,
      skus: [{ id: 's1', attributes: [], price: null, stock: null, imageUrl: null, weightKg: 3 }],
    });
    const freight = { method: 'air' as const, perKg: 1, currency: 'CNY' };
    expect(
      landedCost(variants, { quantity: 2, sku: 's1', chinaFreight: 'none', freight }).actualWeightKg,
    ).toBe(6);
    expect(landedCost(variants, { quantity: 2, chinaFreight: 'none', freight }).actualWeightKg).toBe(2);
  });

  it('measures the variant by its own package size when it has one', () => {
    // Offer 10×10×10 cm; variant s1 50×40×30 cm = 0.06 CBM. 10 pieces by sea at 100 CNY/CBM: 60 vs 1 CNY.
    const sized = bareOffer({
      priceTiers: [{ minQuantity: 1, price: 1 }],
      sizeCm: { length: 10, width: 10, height: 10 },
      skus: [
        {
          id: 's1',
          attributes: [],
          price: null,
          stock: null,
          imageUrl: null,
          weightKg: null,
          sizeCm: { length: 50, width: 40, height: 30 },
        },
      ],
    });
    const freight = { method: 'sea' as const, perCbm: 100, currency: 'CNY' };
    const options = { quantity: 10, chinaFreight: 'none' as const, freight };
    expect(landedCost(sized, { ...options, sku: 's1' }).volumeCbm).toBe(0.6);
    expect(landedCost(sized, options).volumeCbm).toBe(0.01);
  });

  it('refuses bad options naming the field, a missing rate, and an unknown variant', () => {
    const item = offer(10, 1, null);
    const fieldOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof LandedCostError) return `${error.problem} ${error.field}`;
        if (error instanceof OfferPriceError) return error.problem;
        throw error;
      }
      return 'no error';
    };
    expect(fieldOf(() => landedCost(item, { quantity: 0, freight: card }))).toBe('bad_options quantity');
    expect(fieldOf(() => landedCost(item, { quantity: 1, freight: { ...card, perKg: -1 } }))).toBe(
      'bad_options freight.perKg',
    );
    expect(
      fieldOf(() =>
        landedCost(item, { quantity: 1, freight: { method: 'boat', perKg: 1, currency: 'EUR' } as never }),
      ),
    ).toBe('bad_options freight.method');
    expect(fieldOf(() => landedCost(item, { quantity: 1, currency: 'GBP', freight: card }, { rates }))).toBe(
      'missing_rate currency',
    );
    expect(fieldOf(() => landedCost(item, { quantity: 1, sku: 'nope', freight: card }))).toBe('unknown_sku');
  });
});
