import { OFFER_ROUTES } from '@yuantou/core';
import { TMAPI_PATHS } from '@yuantou/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../src/config/load-config.js';
import type { StoreConfig } from '../../src/config/store-config.js';
import { TEST_DATABASES } from '../../src/store/__fixtures__/test-databases.js';
import type { DatabaseTarget } from '../../src/store/open-database.js';
import { fakeConfig, type RunningProxy, searchPath, startProxy, useFakesAndProxy } from './proxy-harness.js';

// The answer store through the real proxy over HTTP, against the TMAPI fake (which counts every paid call), on
// both drivers: what was paid for survives a restart, `maxAge` decides what is reused, an older answer is
// served instead of a budget error, and every offer fetch leaves a snapshot in the history.

const suite = useFakesAndProxy();
const OFFER = '628745190321';
const LINK = `https://detail.1688.com/offer/${OFFER}.html?spm=a26352.13672862`;

const detailCalls = () => suite.fakes.tmapi.calls.count(TMAPI_PATHS.detail);
const searchCalls = () => suite.fakes.tmapi.calls.count(TMAPI_PATHS.items);

const extra: RunningProxy[] = [];
afterEach(async () => {
  await Promise.all(extra.splice(0).map((p) => p.close()));
});

function storeOf(target: DatabaseTarget): StoreConfig {
  return target.kind === 'pglite'
    ? { kind: 'pglite', dataDir: target.dataDir, snapshotRetentionDays: 365 }
    : { kind: 'postgres', databaseUrl: target.databaseUrl, snapshotRetentionDays: 365 };
}

/** The fakes' config with TMAPI alone (offers and searches), the given store, and any overrides. */
function tmapiWith(target: DatabaseTarget, overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  const config = fakeConfig(suite.fakes, { store: storeOf(target) });
  const tmapi = config.providers.filter((p) => p.id === 'tmapi');
  return { ...config, providers: tmapi, offerProviders: tmapi, ...overrides };
}

function withBudget(config: ProxyConfig, dailyCalls: number): ProxyConfig {
  const budgeted = config.providers.map((p) => ({ ...p, dailyCalls }));
  return { ...config, providers: budgeted, offerProviders: budgeted };
}

async function offers(proxy: RunningProxy, body: Record<string, unknown> = {}) {
  const answer = await proxy.post(OFFER_ROUTES.offers, { refs: [LINK], ...body });
  expect(answer.status).toBe(200);
  return answer.body.results[0];
}

describe.each(TEST_DATABASES)(
  'the answer store through the proxy ($driver)',
  { timeout: 120_000 },
  ({ fresh }) => {
    it('serves what was paid for after a restart without Redis, with its original fetchedAt: no second paid call', async () => {
      const target = await fresh();
      suite.proxy = await startProxy(tmapiWith(target));
      const first = await offers(suite.proxy);
      expect(first).toMatchObject({ provider: 'tmapi', fromCache: false, offer: { id: OFFER } });
      expect(Date.parse(first.fetchedAt)).toBeGreaterThan(Date.now() - 60_000);
      const search = await suite.proxy.get(searchPath('/v1/products', '毛绒玩具', 'tmapi'));
      await suite.proxy.close();
      suite.proxy = undefined;
      expect([detailCalls(), searchCalls()]).toEqual([1, 1]);

      suite.proxy = await startProxy(tmapiWith(target));
      const again = await offers(suite.proxy);
      expect(again).toMatchObject({ fromCache: true, fetchedAt: first.fetchedAt, offer: first.offer });
      const searchAgain = await suite.proxy.get(searchPath('/v1/products', '毛绒玩具', 'tmapi'));
      expect(searchAgain.body.providers[0]).toMatchObject({
        fromCache: true,
        fetchedAt: search.body.providers[0].fetchedAt,
      });
      expect([detailCalls(), searchCalls()]).toEqual([1, 1]);
    });

    it('maxAge: a long one reuses an answer past its TTL, 0 buys one fresh answer (coalesced), none follows the TTL', async () => {
      const target = await fresh();
      const config = tmapiWith(target);
      suite.proxy = await startProxy({
        ...config,
        cache: { ...config.cache, ttlSeconds: { ...config.cache.ttlSeconds, getOffer: 1 }, staleSeconds: 0 },
      });
      const first = await offers(suite.proxy);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      // Ordinary recalculation: anything already paid for, whatever its age.
      const reused = await offers(suite.proxy, { maxAge: 86_400 });
      expect(reused).toMatchObject({ fromCache: true, fetchedAt: first.fetchedAt });
      expect(detailCalls()).toBe(1);
      // A deliberate refresh from two cells at once: one paid call. The provider answers slowly, so the second
      // request arrives while the first call is in flight (on a fast machine it could otherwise start after the
      // first had ended, and maxAge=0 would rightly pay again).
      suite.fakes.tmapi.setMode({ kind: 'delay', ms: 400 });
      const [a, b] = await Promise.all([
        offers(suite.proxy, { maxAge: 0 }),
        offers(suite.proxy, { maxAge: 0 }),
      ]);
      suite.fakes.tmapi.setMode({ kind: 'ok' });
      expect(detailCalls()).toBe(2);
      expect(a.fetchedAt).toBe(b.fetchedAt);
      expect(Date.parse(a.fetchedAt)).toBeGreaterThan(Date.parse(first.fetchedAt));
      // GET with maxAge in the query reads the same way.
      const one = await suite.proxy.get(`${OFFER_ROUTES.offers}/${encodeURIComponent(LINK)}?maxAge=3600`);
      expect(one.body).toMatchObject({ fromCache: true, fetchedAt: a.fetchedAt });
      expect(detailCalls()).toBe(2);
      // Without maxAge the 1 s TTL applies: past it, a paid call.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      await offers(suite.proxy);
      expect(detailCalls()).toBe(3);
    });

    it('out of budget: the older answer is served, stale, with the reason and its time — not an error, no paid call', async () => {
      const target = await fresh();
      suite.proxy = await startProxy(withBudget(tmapiWith(target), 2));
      const first = await offers(suite.proxy);
      const search = await suite.proxy.get(searchPath('/v1/products', '毛绒玩具', 'tmapi'));
      expect([detailCalls(), searchCalls()]).toEqual([1, 1]);

      const refreshed = await offers(suite.proxy, { maxAge: 0 });
      expect(refreshed).toMatchObject({ provider: 'tmapi', stale: true, fetchedAt: first.fetchedAt });
      expect(refreshed.staleReason).toMatch(
        /^budget reached — values as of \d{1,2} [A-Z][a-z]{2} \d\d:\d\d UTC$/,
      );
      expect(refreshed.offer).toEqual(first.offer);
      const searchAgain = await suite.proxy.get(
        searchPath('/v1/products', '毛绒玩具', 'tmapi', { maxAge: '0' }),
      );
      expect(searchAgain.status).toBe(200);
      expect(searchAgain.body.providers[0]).toMatchObject({
        outcome: 'ok',
        stale: true,
        fetchedAt: search.body.providers[0].fetchedAt,
      });
      expect(searchAgain.body.providers[0].staleReason).toMatch(/^budget reached — values as of /);
      expect(searchAgain.body.items.length).toBe(search.body.items.length);
      expect([detailCalls(), searchCalls()]).toEqual([1, 1]);
      // An offer never fetched has nothing older: the budget error stands.
      const other = await suite.proxy.post(OFFER_ROUTES.offers, { refs: ['628745190322'] });
      expect(other.body.results[0].error.kind).toBe('quota');
    });

    it("the day's paid calls survive a restart: a spent budget is not given back", async () => {
      const target = await fresh();
      suite.proxy = await startProxy(withBudget(tmapiWith(target), 2));
      await offers(suite.proxy, { maxAge: 0 });
      await offers(suite.proxy, { maxAge: 0 });
      expect(detailCalls()).toBe(2);
      await suite.proxy.close();
      suite.proxy = await startProxy(withBudget(tmapiWith(target), 2));
      const usage = await suite.proxy.get('/v1/usage');
      expect(usage.body.providers[0]).toMatchObject({ provider: 'tmapi', callsToday: 2, dailyBudget: 2 });
      const refused = await offers(suite.proxy, { maxAge: 0 });
      expect(refused).toMatchObject({ stale: true });
      expect(refused.staleReason).toMatch(/^budget reached/);
      expect(detailCalls()).toBe(2);
    });

    it('keeps a snapshot per offer fetch: GET /v1/offers/:ref/history, newest first, without a paid call', async () => {
      const target = await fresh();
      suite.proxy = await startProxy(tmapiWith(target));
      const fetched: string[] = [];
      for (let i = 0; i < 3; i++) fetched.push((await offers(suite.proxy, { maxAge: 0 })).fetchedAt);
      const calls = detailCalls();
      expect(calls).toBe(3);
      const history = await suite.proxy.get(`${OFFER_ROUTES.offers}/${encodeURIComponent(LINK)}/history`);
      expect(history.status).toBe(200);
      expect(history.body.offerId).toBe(OFFER);
      expect(history.body.snapshots.map((s: { fetchedAt: string }) => s.fetchedAt)).toEqual(
        fetched.reverse(),
      );
      const offer = (await offers(suite.proxy)).offer;
      expect(history.body.snapshots[0]).toEqual({
        fetchedAt: fetched[0],
        provider: 'tmapi',
        priceTiers: offer.priceTiers.map((t: { minQuantity: number; price: number }) => ({
          minQuantity: t.minQuantity,
          price: t.price,
        })),
        priceMin: offer.priceMin,
        priceMax: offer.priceMax,
        moq: offer.moq,
        stock: offer.stock,
        skus: offer.skus.map((s: { id: string; price: number | null; stock: number | null }) => ({
          id: s.id,
          price: s.price,
          stock: s.stock,
        })),
      });
      const limited = await suite.proxy.get(`${OFFER_ROUTES.offers}/${OFFER}/history?limit=1`);
      expect(limited.body.snapshots).toHaveLength(1);
      const bad = await suite.proxy.get(
        `${OFFER_ROUTES.offers}/${encodeURIComponent('https://item.taobao.com/item.htm?id=1')}/history`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.field).toBe('ref');
      expect(detailCalls()).toBe(calls);
    });
  },
);
