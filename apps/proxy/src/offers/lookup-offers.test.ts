import { type ErrorKind, type OfferQuery, ProviderError, type ProviderId } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { OfferLookup } from '../gateway/gateway-contract.js';
import { lookupOffers, type OfferProvider } from './lookup-offers.js';

const log = pino({ level: 'silent' });
const ID_A = '612345678901';
const ID_B = '598765432109';

/** A gateway whose providers answer from a script: per provider, offer id → an offer or an error kind. */
function scriptedGateway(script: Partial<Record<ProviderId, Record<string, ErrorKind | 'ok'>>>) {
  const calls: { provider: ProviderId; query: OfferQuery }[] = [];
  let active = 0;
  let maxActive = 0;
  const getOffer: OfferLookup = async (provider, query) => {
    calls.push({ provider, query });
    active += 1;
    maxActive = Math.max(maxActive, active);
    await new Promise((resolve) => setTimeout(resolve, 5));
    active -= 1;
    const outcome = script[provider]?.[query.id] ?? 'not_found';
    if (outcome === 'ok') {
      return { offer: sampleOffer(query.id, provider), fromCache: false, stale: false, durationMs: 5 };
    }
    throw new ProviderError({ provider, kind: outcome, message: `${provider} says ${outcome}` });
  };
  return { getOffer, calls, maxActive: () => maxActive };
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
      { getOffer: gateway.getOffer, providers: order('demo'), log },
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
      { getOffer: gateway.getOffer, providers: order('demo'), log },
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
        { getOffer: gateway.getOffer, providers: order('tmapi', 'onebound', 'demo'), log },
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
        { getOffer: gateway.getOffer, providers: order('tmapi', 'onebound'), log },
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
      { getOffer: gateway.getOffer, providers: order('tmapi', 'onebound'), log },
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

  it('prices each offer at the quantity, and says why when it cannot', async () => {
    const gateway = scriptedGateway({ demo: { [ID_A]: 'ok' } });
    const answer = await lookupOffers(
      { getOffer: gateway.getOffer, providers: order('demo'), log },
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
      { getOffer: gateway.getOffer, providers: [{ id: 'demo', concurrency: 3 }], log },
      { refs: ids },
    );
    expect(answer.results.every((r) => r.offer)).toBe(true);
    expect(gateway.maxActive()).toBe(3);
  });

  it('with no provider offering details every result says so', async () => {
    const gateway = scriptedGateway({});
    const answer = await lookupOffers({ getOffer: gateway.getOffer, providers: [], log }, { refs: [ID_A] });
    expect(answer.results[0]!.error?.kind).toBe('no_provider');
    expect(gateway.calls).toHaveLength(0);
  });
});
