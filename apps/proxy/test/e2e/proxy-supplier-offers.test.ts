import { ONEBOUND_PATHS, TMAPI_PATHS } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { fakeConfig, useFakesAndProxy } from './proxy-harness.js';

// `GET /v1/suppliers/:id/offers` through the real proxy over HTTP to the TMAPI fake (which checks the token): a
// supplier's catalogue page from `shop/items`, ranked like a product search, cached and single-flighted through
// the gateway, every id form, bad ids at no cost — each paid call counted on the fakes. Onebound lists no
// catalogue, so it is never asked for one.

const suite = useFakesAndProxy();
const MEMBER = 'b2b-2208087470531de12c';

const shopItems = () => suite.fakes.tmapi.calls.requests(TMAPI_PATHS.shopItems);
/** Catalogue pages paid for (the card's own shop/items asks for page_size=1, the catalogue size). */
const cataloguePages = () => shopItems().filter((r) => r.query.page_size !== '1').length;
const path = (id: string, query = '') => `/v1/suppliers/${encodeURIComponent(id)}/offers${query}`;

describe('GET /v1/suppliers/:id/offers over HTTP', () => {
  it('a member id: one shop/items page, ranked, every item the supplier’s own', async () => {
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const answer = await proxy.get(path(MEMBER, '?pageSize=8'));
    expect(answer.status).toBe(200);
    const { items, providers, pageSize } = answer.body;
    expect(pageSize).toBe(8);
    expect(items).toHaveLength(8);
    expect(items.every((p: { supplier: { id: string } }) => p.supplier.id === MEMBER)).toBe(true);
    // Ranked like PRODUCTS: a score and a breakdown, best first.
    const scores = items.map((p: { score: number }) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(items[0].breakdown.length).toBeGreaterThan(0);
    expect(providers.map((p: { provider: string; outcome: string }) => `${p.provider}:${p.outcome}`)).toEqual(
      ['tmapi:ok'],
    );
    expect(shopItems().at(-1)?.query).toMatchObject({ member_id: MEMBER, page: '1', page_size: '8' });
    expect(cataloguePages()).toBe(1);
    expect(suite.fakes.onebound.calls.count(ONEBOUND_PATHS.sellerInfo)).toBe(0);
  });

  it('the same page again, or twice at once, costs nothing more (cached, single-flighted)', async () => {
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const [a, b] = await Promise.all([proxy.get(path(MEMBER)), proxy.get(path(MEMBER))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const again = await proxy.get(path(MEMBER));
    expect(again.body.providers[0].fromCache).toBe(true);
    expect(cataloguePages()).toBe(1);
    // Another page is another paid call.
    expect((await proxy.get(path(MEMBER, '?page=2'))).status).toBe(200);
    expect(cataloguePages()).toBe(2);
  });

  it('a shop link is turned into the member id by the card (cached a day), then listed', async () => {
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const link = 'https://shop1432227742358.1688.com';
    const answer = await proxy.get(path(link));
    expect(answer.status).toBe(200);
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.shopInfo)).toBe(1);
    expect(cataloguePages()).toBe(1);
    // The card is cached: the same link again pays neither shop_info nor the page.
    expect((await proxy.get(path(link))).status).toBe(200);
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.shopInfo)).toBe(1);
    expect(cataloguePages()).toBe(1);
  });

  it.each(['b2b-', 'https://detail.1688.com/offer/628745190321.html', 'two words'])(
    'a bad id (%s) is a 400 naming id, at no cost',
    async (id) => {
      const proxy = await suite.start(fakeConfig(suite.fakes));
      const answer = await proxy.get(path(id));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 400, field: 'id' });
      expect(suite.fakes.tmapi.calls.count()).toBe(0);
    },
  );

  it('a provider that lists no catalogue is a 400 naming provider; a bad page size names pageSize; unpaid', async () => {
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const onebound = await proxy.get(path(MEMBER, '?provider=onebound'));
    expect(onebound.status).toBe(400);
    expect(onebound.body).toMatchObject({ field: 'provider' });
    const tooBig = await proxy.get(path(MEMBER, '?pageSize=500'));
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body)).toContain('pageSize');
    expect(suite.fakes.tmapi.calls.count()).toBe(0);
    expect(suite.fakes.onebound.calls.count()).toBe(0);
  });
});
