import { type ErrorKind, type OfferQuery, ProviderError, type ProviderId } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createCurrencyConverter } from '../fx/currency-converter.js';
import { constantRates, RatesUnavailableError } from '../fx/ecb-rates.js';
import { fixedRateTable } from '../fx/rate-tables.js';
import type { AnswerFreshness, OfferLookup } from '../gateway/gateway-contract.js';
import { ProblemError } from '../problem.js';
import { lookupOffers, type OfferProvider } from './lookup-offers.js';

const log = pino({ level: 'silent' });
/** Fixed rates: 1 USD = 8 CNY, so conversions are exact and checkable by hand. */
const fx = createCurrencyConverter(constantRates(fixedRateTable({ USD: 8 })));
const ID_A = '612345678901';
const ID_B = '598765432109';

/** A gateway whose providers answer from a script: per provider, offer id → an offer or an error kind. */
const FETCHED_AT = Date.parse('2026-12-03T14:05:00Z');

function scriptedGateway(script: Partial<Record<ProviderId, Record<string, ErrorKind | 'ok' | 'stale'>>>) {
  const calls: { provider: ProviderId; query: OfferQuery }[] = [];
  let active = 0;
  let maxActive = 0;
  const freshness: (AnswerFreshness | undefined)[] = [];
  const getOffer: OfferLookup = async (provider, query, _signal, asked) => {
    calls.push({ provider, query });
    freshness.push(asked);
    active += 1;
    maxActive = Math.max(maxActive, active);
    await new Promise((resolve) => setTimeout(resolve, 5));
    active -= 1;
    const outcome = script[provider]?.[query.id] ?? 'not_found';
    if (outcome === 'ok' || outcome === 'stale') {
      const ignored = query.language === 'ko' ? ['language'] : [];
      return {
        offer: sampleOffer(query.id, provider),
        fromCache: outcome === 'stale',
        stale: outcome === 'stale',
        fetchedAt: FETCHED_AT,
        ...(outcome === 'stale' ? { staleReason: 'budget reached — values as of 3 Dec 14:05 UTC' } : {}),
        durationMs: 5,
        ignored,
      };
    }
    throw new ProviderError({ provider, kind: outcome, message: `${provider} says ${outcome}` });
  };
  return { getOffer, calls, freshness, maxActive: () => maxActive };
}

const order = (...ids: ProviderId[]): OfferProvider[] => ids.map((id) => ({ id, concurrency: 4 }));

describe('lookupOffers', () => {
  it('answers one result per ref in input order, duplicates and spellings of one offer costing one call', async () => {
    const gateway = scriptedGateway({ demo: { [ID_A]: 'ok', [ID_B]: 'ok' } });
    const refs = [
      `https://detail.1688.com/offer/${ID_A}.html?spm=abc`,
      ID_B,
      `看这个 https://m.1688.com/offer/${ID_A}.html`,
      ID_A,
    ];
    const answer = await lookupOffers(
      { getOffer: gateway.getOffer, providers: order('demo'), log, fx },
      { refs },
    );
    expect(answer.results.map((r) => [r.ref, r.offerId, r.offer?.id])).toEqual([
      [refs[0], ID_A, ID_A],
      [refs[1], ID_B, ID_B],
      [refs[2], ID_A, ID_A],
      [refs[3], ID_A, ID_A],
    ]);
    expect(gateway.calls.map((c) => c.query.id).sort()).toEqual([ID_B, ID_A].sort());
    expect(answer.sampleData).toBe(true);
  });

  it('a bad link fails only its own result, naming the site, and costs no call', async () => {
    const gateway = scriptedGateway({ demo: { [ID_A]: 'ok' } });
    const answer = await lookupOffers(
      { getOffer: gateway.getOffer, providers: order('demo'), log, fx },
      { refs: ['https://item.taobao.com/item.htm?id=612345678901', ID_A, ''] },
    );
    expect(answer.results[0]).toMatchObject({ offerId: null, error: { kind: 'invalid_ref' } });
    expect(answer.results[0]!.error!.message).toContain('Taobao');
    expect(answer.results[1]!.offer?.id).toBe(ID_A);
    expect(answer.results[2]).toMatchObject({ offerId: null, error: { kind: 'invalid_ref' } });
    expect(gateway.calls).toHaveLength(1);
  });

  it.each(['not_found', 'upstream', 'timeout', 'quota', 'rate_limited'] as const)(
    'falls back to the next provider on %s and says what each one said',
    async (kind) => {
      const gateway = scriptedGateway({ tmapi: { [ID_A]: kind }, onebound: { [ID_A]: 'ok' } });
      const answer = await lookupOffers(
        { getOffer: gateway.getOffer, providers: order('tmapi', 'onebound', 'demo'), log, fx },
        { refs: [ID_A] },
      );
      const result = answer.results[0]!;
      expect(result.provider).toBe('onebound');
      expect(result.attempts.map((a) => [a.provider, a.outcome, a.error?.kind])).toEqual([
        ['tmapi', 'error', kind],
        ['onebound', 'ok', undefined],
      ]);
      expect(gateway.calls.map((c) => c.provider)).toEqual(['tmapi', 'onebound']);
      expect(answer.providerOrder).toEqual(['tmapi', 'onebound', 'demo']);
    },
  );

  it.each(['auth', 'bad_request', 'invalid_response'] as const)(
    'stops at %s: the next provider is not asked',
    async (kind) => {
      const gateway = scriptedGateway({ tmapi: { [ID_A]: kind }, onebound: { [ID_A]: 'ok' } });
      const answer = await lookupOffers(
        { getOffer: gateway.getOffer, providers: order('tmapi', 'onebound'), log, fx },
        { refs: [ID_A] },
      );
      expect(answer.results[0]).toMatchObject({ error: { kind } });
      expect(answer.results[0]!.offer).toBeUndefined();
      expect(gateway.calls.map((c) => c.provider)).toEqual(['tmapi']);
    },
  );

  it('not_found only when every provider said so; otherwise the first other failure, with every message', async () => {
    const gateway = scriptedGateway({ tmapi: { [ID_A]: 'not_found', [ID_B]: 'quota' } });
    const answer = await lookupOffers(
      { getOffer: gateway.getOffer, providers: order('tmapi', 'onebound'), log, fx },
      { refs: [ID_A, ID_B] },
    );
    expect(answer.results[0]!.error).toEqual({
      kind: 'not_found',
      message: `offer ${ID_A} not found (tmapi: tmapi says not_found; onebound: onebound says not_found)`,
    });
    expect(answer.results[1]!.error).toEqual({
      kind: 'quota',
      message: `offer ${ID_B} unavailable (tmapi: tmapi says quota; onebound: onebound says not_found)`,
    });
  });

  it('an older answer served instead of an error is used only when no later provider has a fresh one', async () => {
    const gateway = scriptedGateway({
      tmapi: { [ID_A]: 'stale', [ID_B]: 'stale' },
      onebound: { [ID_A]: 'ok', [ID_B]: 'quota' },
    });
    const answer = await lookupOffers(
      { getOffer: gateway.getOffer, providers: order('tmapi', 'onebound'), log, fx },
      { refs: [ID_A, ID_B], maxAge: 0 },
    );
    const [fresh, older] = answer.results;
    expect(fresh).toMatchObject({ provider: 'onebound', fetchedAt: new Date(FETCHED_AT).toISOString() });
    expect(fresh!.stale).toBeUndefined();
    expect(older).toMatchObject({
      provider: 'tmapi',
      stale: true,
      staleReason: 'budget reached — values as of 3 Dec 14:05 UTC',
      fetchedAt: '2026-12-03T14:05:00.000Z',
    });
    expect(older!.error).toBeUndefined();
    expect(older!.attempts.map((a) => [a.provider, a.outcome])).toEqual([
      ['tmapi', 'ok'],
      ['onebound', 'error'],
    ]);
    // maxAge reaches the gateway with every lookup.
    expect(gateway.freshness.every((f) => f?.maxAgeSeconds === 0)).toBe(true);
  });

  it('prices each offer at the quantity, and says why when it cannot', async () => {
    const gateway = scriptedGateway({ demo: { [ID_A]: 'ok' } });
    const answer = await lookupOffers(
      { getOffer: gateway.getOffer, providers: order('demo'), log, fx },
      { refs: [ID_A], quantity: 150 },
    );
    expect(answer.results[0]!.price).toEqual({
      quantity: 150,
      unitPrice: 4.5,
      subtotal: 675,
      tierMinQuantity: 100,
      belowMoq: false,
      nextTier: { minQuantity: 1000, unitPrice: 3.9 },
    });
  });

  it('keeps at most `concurrency` lookups at one provider at a time', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => String(600000000000 + i));
    const gateway = scriptedGateway({ demo: Object.fromEntries(ids.map((id) => [id, 'ok' as const])) });
    const answer = await lookupOffers(
      { getOffer: gateway.getOffer, providers: [{ id: 'demo', concurrency: 3 }], log, fx },
      { refs: ids },
    );
    expect(answer.results.every((r) => r.offer)).toBe(true);
    expect(gateway.maxActive()).toBe(3);
  });

  it('with no provider offering details every result says so', async () => {
    const gateway = scriptedGateway({});
    const answer = await lookupOffers(
      { getOffer: gateway.getOffer, providers: [], log, fx },
      { refs: [ID_A] },
    );
    expect(answer.results[0]!.error?.kind).toBe('no_provider');
    expect(gateway.calls).toHaveLength(0);
  });
});

describe('lookupOffers with a currency', () => {
  const skus = [
    { id: 's1', attributes: [], price: 6, stock: 1, imageUrl: null, weightKg: null },
    { id: 's2', attributes: [], price: null, stock: 1, imageUrl: null, weightKg: null },
  ];

  it('converts tiers, price range, SKU prices and the price at the quantity, keeping the CNY ones', async () => {
    const gateway = scriptedGateway({ demo: { [ID_A]: 'ok' } });
    const getOffer: OfferLookup = async (provider, query) => {
      const found = await gateway.getOffer(provider, query);
      return { ...found, offer: { ...found.offer, skus } };
    };
    const answer = await lookupOffers(
      { getOffer, providers: order('demo'), log, fx },
      { refs: [ID_A], quantity: 150, currency: 'USD' },
    );
    const rate = { currency: 'USD', rate: 8, rateDate: null, source: 'config', stale: false };
    expect(answer.currency).toEqual(rate);
    const result = answer.results[0]!;
    expect(result.offer!.priceTiers[1]).toEqual({ minQuantity: 100, price: 4.5 });
    expect(result.pricesConverted).toEqual({
      priceMin: { ...rate, amount: 0.4875 },
      priceMax: { ...rate, amount: 0.625 },
      priceTiers: [
        { minQuantity: 10, price: { ...rate, amount: 0.625 } },
        { minQuantity: 100, price: { ...rate, amount: 0.5625 } },
        { minQuantity: 1000, price: { ...rate, amount: 0.4875 } },
      ],
      skus: [
        { id: 's1', price: { ...rate, amount: 0.75 } },
        { id: 's2', price: null },
      ],
    });
    expect(result.price).toMatchObject({
      unitPrice: 4.5,
      subtotal: 675,
      unitPriceConverted: { ...rate, amount: 0.5625 },
      subtotalConverted: { ...rate, amount: 84.375 },
    });
  });

  it('refuses a currency the rates do not list with a 400 naming currency, before any call', async () => {
    const gateway = scriptedGateway({ demo: { [ID_A]: 'ok' } });
    const refused = await lookupOffers(
      { getOffer: gateway.getOffer, providers: order('demo'), log, fx },
      { refs: [ID_A], currency: 'GBP' },
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).problem).toMatchObject({ status: 400, field: 'currency' });
    expect(gateway.calls).toHaveLength(0);
  });

  it('puts the failure in every converted field when no rates can be had, never a CNY amount', async () => {
    const gateway = scriptedGateway({ demo: { [ID_A]: 'ok' } });
    const down = createCurrencyConverter({
      table: async () => {
        throw new RatesUnavailableError('ECB rates could not be fetched');
      },
    });
    const answer = await lookupOffers(
      { getOffer: gateway.getOffer, providers: order('demo'), log, fx: down },
      { refs: [ID_A], quantity: 10, currency: 'USD' },
    );
    const failure = { currency: 'USD', error: 'ECB rates could not be fetched' };
    expect(answer.currency).toEqual(failure);
    const result = answer.results[0]!;
    expect(result.pricesConverted!.priceMin).toEqual(failure);
    expect(result.pricesConverted!.priceTiers.map((t) => t.price)).toEqual([failure, failure, failure]);
    expect(result.price).toMatchObject({
      unitPrice: 5,
      unitPriceConverted: failure,
      subtotalConverted: failure,
    });
  });

  it('reports what the serving provider ignored (a language it cannot give)', async () => {
    const gateway = scriptedGateway({ demo: { [ID_A]: 'ok' } });
    const answer = await lookupOffers(
      { getOffer: gateway.getOffer, providers: order('demo'), log, fx },
      { refs: [ID_A, ID_A], language: 'ko' },
    );
    expect(answer.results[0]!.ignored).toEqual(['language']);
    expect(answer.results[0]!.attempts[0]!.ignored).toEqual(['language']);
    expect(answer.currency).toBeUndefined();
    expect(answer.results[0]!.pricesConverted).toBeUndefined();
  });
});
