import { ONEBOUND_PATHS, TMAPI_PATHS } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { fakeConfig, useFakesAndProxy } from './proxy-harness.js';

// `GET /v1/suppliers/:id` through the real proxy over HTTP to the TMAPI and Onebound fakes (which check the
// token and the MD5 sign themselves): every id form, bad ids at no cost, the merge, the day-long cache and
// single flight — each paid call counted on the fakes.

const suite = useFakesAndProxy();
const MEMBER = 'b2b-2208087470531de12c';

const paid = () => ({
  shopInfo: suite.fakes.tmapi.calls.count(TMAPI_PATHS.shopInfo),
  shopItems: suite.fakes.tmapi.calls.count(TMAPI_PATHS.shopItems),
  sellerInfo: suite.fakes.onebound.calls.count(ONEBOUND_PATHS.sellerInfo),
});
const path = (id: string) => `/v1/suppliers/${encodeURIComponent(id)}`;

describe('GET /v1/suppliers/:id over HTTP', () => {
  it('a member id: TMAPI shop_info + shop/items and Onebound seller_info, merged, with signals and the check link', async () => {
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const answer = await proxy.get(path(MEMBER));
    expect(answer.status).toBe(200);
    const { supplier, signals, verdict, providers, fetchedAt } = answer.body;
    expect(supplier).toMatchObject({
      memberId: MEMBER,
      // TMAPI first (config order) wins the names; registration comes from Onebound alone.
      companyName: '汕头市澄海区嘉玩玩具厂',
      catalogueSize: 57,
      badges: { factory: true },
      registration: { creditCode: '92330281MA2EP3DC93', businessType: '个体经营', selfDeclared: true },
      creditCheckUrl: 'https://www.gsxt.gov.cn/corp-query-search-1.html?searchword=92330281MA2EP3DC93',
    });
    expect(signals).toContainEqual({
      kind: 'factory',
      reason: '1688 lists it as a factory',
      evidence: 'is_factory: true',
    });
    expect(signals).toContainEqual({
      kind: 'trader',
      reason: 'declares no manufacture type',
      evidence: 'manufactureType: empty',
    });
    expect(verdict.verdict).toBe('unclear');
    const outcomes = providers.map(
      (p: { provider: string; outcome: string }) => `${p.provider}:${p.outcome}`,
    );
    expect(outcomes).toContain('tmapi:ok');
    expect(outcomes).toContain('onebound:ok');
    expect(Date.parse(fetchedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(paid()).toEqual({ shopInfo: 1, shopItems: 1, sellerInfo: 1 });
  });

  it('the same supplier again, or twice at once, costs nothing more (cached a day, single-flighted)', async () => {
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const [a, b] = await Promise.all([proxy.get(path(MEMBER)), proxy.get(path(MEMBER))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const again = await proxy.get(path(`https://winport.m.1688.com/page/index.html?memberId=${MEMBER}`));
    expect(again.status).toBe(200);
    expect(again.body.providers.every((p: { fromCache: boolean }) => p.fromCache)).toBe(true);
    expect(paid()).toEqual({ shopInfo: 1, shopItems: 1, sellerInfo: 1 });
  });

  it('maxAge: a long one reuses what was paid for, 0 pays once more (single-flighted), a bad one is a 400', async () => {
    const proxy = await suite.start(fakeConfig(suite.fakes));
    expect((await proxy.get(path(MEMBER))).status).toBe(200);
    expect((await proxy.get(`${path(MEMBER)}?maxAge=315360000`)).status).toBe(200);
    expect(paid()).toEqual({ shopInfo: 1, shopItems: 1, sellerInfo: 1 });
    const [a, b] = await Promise.all([
      proxy.get(`${path(MEMBER)}?maxAge=0`),
      proxy.get(`${path(MEMBER)}?maxAge=0`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(paid()).toEqual({ shopInfo: 2, shopItems: 2, sellerInfo: 2 });
    const bad = await proxy.get(`${path(MEMBER)}?maxAge=soon`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('maxAge');
    expect(paid()).toEqual({ shopInfo: 2, shopItems: 2, sellerInfo: 2 });
  });

  it('a shop link goes to TMAPI only (Onebound is skipped, unpaid)', async () => {
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const answer = await proxy.get(path('https://shop1432227742358.1688.com/?spm=a2615'));
    expect(answer.status).toBe(200);
    const onebound = answer.body.providers.find((p: { provider: string }) => p.provider === 'onebound');
    expect(onebound.outcome).toBe('skipped');
    expect(suite.fakes.tmapi.calls.last(TMAPI_PATHS.shopInfo)?.query.shop_url).toBe(
      'https://shop1432227742358.1688.com',
    );
    expect(paid()).toEqual({ shopInfo: 1, shopItems: 1, sellerInfo: 0 });
  });

  it('a login id no enabled provider can look up is a 400 naming id, unpaid', async () => {
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const answer = await proxy.get(path('jiawan_toys'));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ field: 'id' });
    expect(answer.body.detail).toContain('login id');
    expect(paid()).toEqual({ shopInfo: 0, shopItems: 0, sellerInfo: 0 });
  });

  it.each([
    'b2b-',
    'https://detail.1688.com/offer/628745190321.html',
    'two words',
    'https://www.taobao.com/shop/1',
  ])('a bad id (%s) is a 400 naming id, at no cost', async (id) => {
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const answer = await proxy.get(path(id));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: 400, field: 'id' });
    expect(paid()).toEqual({ shopInfo: 0, shopItems: 0, sellerInfo: 0 });
  });

  it('a supplier no provider knows is a 404', async () => {
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const answer = await proxy.get(path('b2b-000000'));
    expect(answer.status).toBe(404);
    expect(answer.body.kind).toBe('not_found');
  });

  it('budgeted: the follow-up refused by the daily budget keeps the paid detail; a spent budget is a 503 quota, unpaid', async () => {
    const config = fakeConfig(suite.fakes);
    const proxy = await suite.start({
      ...config,
      providers: config.providers.map((p) => ({ ...p, dailyCalls: 1 })),
    });
    const first = await proxy.get(path(MEMBER));
    expect(first.status).toBe(200);
    // shop_info spent TMAPI's one call: shop/items was refused before it was sent, the detail kept without it.
    expect(first.body.supplier.catalogueSize).toBeNull();
    expect(first.body.supplier.companyName).toBe('汕头市澄海区嘉玩玩具厂');
    expect(first.body.providers.map((p: { outcome: string }) => p.outcome)).toEqual(['ok', 'ok']);
    expect(first.body.signals).toContainEqual({
      kind: 'unknown',
      reason: 'catalogue size not given',
      evidence: null,
    });
    expect(paid()).toEqual({ shopInfo: 1, shopItems: 0, sellerInfo: 1 });
    const other = await proxy.get(path('b2b-2208087470531de12d'));
    expect(other.status).toBe(503);
    expect(other.body.kind).toBe('quota');
    expect(paid()).toEqual({ shopInfo: 1, shopItems: 0, sellerInfo: 1 });
  });
});
