import { OFFER_ROUTES, type ProviderId } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../src/config/load-config.js';
import { TEST_DATABASES } from '../../src/store/__fixtures__/test-databases.js';
import { fakeConfig, startProxy, useFakesAndProxy } from './proxy-harness.js';

// Issue 25, the official platform's seller facts: alibaba, DajiSaaS and PandaPon name a seller only by an encrypted
// `sellerOpenId` and have no seller call, but every offer detail carries the seller's facts. Through the real
// proxy over HTTP to the providers' fakes (which verify signatures), counting every call on every fake: one paid
// offer detail, then the card for `<provider>:<openId>` with no further upstream call, from the cache and, after a
// restart, from the store; without facts at hand a clear 404, never a paid walk.

const suite = useFakesAndProxy();
const LINK = 'https://detail.1688.com/offer/628745190321.html';

/** Every request any fake received (every provider's, paid or refused). */
const upstreamCalls = () => Object.values(suite.fakes).reduce((sum, fake) => sum + fake.calls.count(), 0);
const cardPath = (id: string) => `/v1/suppliers/${encodeURIComponent(id)}`;

/** Every fake's provider enabled (TMAPI and Onebound look suppliers up), offers asked of `provider` only. */
function offersFrom(provider: ProviderId, overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  const config = fakeConfig(suite.fakes, overrides);
  return { ...config, offerProviders: config.providers.filter((p) => p.id === provider) };
}

describe('the seller card of an official/reseller offer', () => {
  it.each(['dajisaas', 'alibaba'] as const)(
    '%s: offer detail fetched once → the card from its seller facts, 0 further upstream calls',
    async (provider) => {
      const proxy = await suite.start(offersFrom(provider));
      const offer = await proxy.get(`${OFFER_ROUTES.offers}/${encodeURIComponent(LINK)}`);
      expect(offer.status).toBe(200);
      expect(offer.body.provider).toBe(provider);
      const openId: string = offer.body.offer.sellerOpenId;
      expect(offer.body.offer.supplier.id).toBe(`${provider}:${openId}`);
      expect(upstreamCalls()).toBe(1);

      const card = await proxy.get(cardPath(`${provider}:${openId}`));
      expect(card.status).toBe(200);
      expect(card.body.supplier).toMatchObject({
        provider,
        memberId: null,
        // The fakes' model: `offerIdentities: ["powerful_merchants"]`, `sellerDataInfo.repeatPurchasePercent`.
        badges: { powerMerchant: true, superFactory: false },
        repurchaseRate: 0.6236,
      });
      expect(card.body.supplier.shopRatings).toContainEqual({
        title: 'compositeServiceScore',
        type: 'sellerDataInfo',
        score: 4,
      });
      expect(card.body.providers).toEqual([
        expect.objectContaining({ provider, outcome: 'ok', fromCache: true }),
      ]);
      // The card is as old as the offer answer it came with.
      expect(card.body.fetchedAt).toBe(offer.body.fetchedAt);
      expect(card.body.signals).toContainEqual({
        kind: 'unknown',
        reason: 'fulfilment and pickup rates not given',
        evidence: null,
      });
      expect(upstreamCalls()).toBe(1);
    },
  );

  it('a seller with no facts at hand: a 404 saying it is known only from an offer, no call to any provider', async () => {
    const proxy = await suite.start(offersFrom('dajisaas'));
    const card = await proxy.get(cardPath('dajisaas:BBBnever0seen0here'));
    expect(card.status).toBe(404);
    expect(card.body.detail).toContain('known only from an offer');
    expect(card.body.detail).toContain('dajisaas');
    // Facts kept from one provider's offers are that provider's: another provider's prefix finds none.
    await proxy.get(`${OFFER_ROUTES.offers}/${encodeURIComponent(LINK)}`);
    expect(upstreamCalls()).toBe(1);
    const openId = 'BBBL9S1tAqXo7bXlV5DqS0dZw';
    expect((await proxy.get(cardPath(`dajisaas:${openId}`))).status).toBe(200);
    expect((await proxy.get(cardPath(`pandapon:${openId}`))).status).toBe(404);
    expect(upstreamCalls()).toBe(1);
  });

  it('maxAge: facts older than asked for are not at hand (a 404), since only another offer refreshes them', async () => {
    const proxy = await suite.start(offersFrom('dajisaas'));
    await proxy.get(`${OFFER_ROUTES.offers}/${encodeURIComponent(LINK)}`);
    const id = 'dajisaas:BBBL9S1tAqXo7bXlV5DqS0dZw';
    expect((await proxy.get(`${cardPath(id)}?maxAge=3600`)).status).toBe(200);
    const fresh = await proxy.get(`${cardPath(id)}?maxAge=0`);
    expect(fresh.status).toBe(404);
    expect(fresh.body.detail).toContain('maxAge');
    expect(upstreamCalls()).toBe(1);
  });

  it('after a restart without Redis the card comes from the store, still with no upstream call', async () => {
    const target = await TEST_DATABASES.find((d) => d.driver === 'pglite')!.fresh();
    if (target.kind !== 'pglite') throw new Error('expected a PGlite target');
    const store = { kind: 'pglite' as const, dataDir: target.dataDir, snapshotRetentionDays: 365 };
    const first = await startProxy(offersFrom('dajisaas', { store }));
    const offer = await first.get(`${OFFER_ROUTES.offers}/${encodeURIComponent(LINK)}`);
    await first.close();
    expect(upstreamCalls()).toBe(1);

    const proxy = await suite.start(offersFrom('dajisaas', { store }));
    const card = await proxy.get(cardPath(`dajisaas:${offer.body.offer.sellerOpenId}`));
    expect(card.status).toBe(200);
    expect(card.body.supplier).toMatchObject({ provider: 'dajisaas', badges: { powerMerchant: true } });
    expect(card.body.fetchedAt).toBe(offer.body.fetchedAt);
    expect(upstreamCalls()).toBe(1);
  }, 120_000);
});
