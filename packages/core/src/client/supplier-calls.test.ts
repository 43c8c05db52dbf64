import { describe, expect, it } from 'vitest';
import { SupplierDetailResponse } from '../api/supplier-routes.js';
import { emptySupplierDetail } from '../models/supplier-detail.js';
import { supplierSignals, supplierVerdict } from '../suppliers/supplier-evidence.js';
import { FAKE_TOKEN, fakeProxy, json, problem } from './__fixtures__/fake-proxy.js';
import { createClient, ProxyRequestError } from './create-client.js';

const BASE = 'http://proxy.test';
const MEMBER = 'b2b-2208087470531de12c';

function card() {
  const detail = { ...emptySupplierDetail('demo'), memberId: MEMBER, companyName: '嘉玩玩具厂' };
  const signals = supplierSignals(detail);
  return SupplierDetailResponse.parse({
    supplier: { ...detail, creditCheckUrl: null },
    signals,
    verdict: supplierVerdict(signals),
    providers: [{ provider: 'demo', outcome: 'ok', fromCache: false, durationMs: 3 }],
    fetchedAt: '2026-12-06T00:00:00.000Z',
  });
}

function setup() {
  const encodedLink = `/v1/suppliers/${encodeURIComponent('https://shop1.1688.com')}`;
  const proxy = fakeProxy(BASE, {
    [`GET /v1/suppliers/${MEMBER}`]: () => json(200, card()),
    [`GET ${encodedLink}`]: () => problem(404, { kind: 'not_found', detail: 'no provider knows it' }),
  });
  return {
    client: createClient({ baseUrl: BASE, token: FAKE_TOKEN, fetch: proxy.fetch }),
    requests: proxy.requests,
  };
}

describe('createClient().getSupplier', () => {
  it('GETs /v1/suppliers/:id and validates the card', async () => {
    const { client, requests } = setup();
    const answer = await client.getSupplier(MEMBER);
    expect(answer.supplier.companyName).toBe('嘉玩玩具厂');
    expect(answer.verdict).toMatchObject({ verdict: 'factory', basis: 'company name says it makes goods' });
    expect(requests.map((r) => r.url)).toEqual([`${BASE}/v1/suppliers/${MEMBER}`]);
  });

  it('sends maxAge when asked (issue 22: recalculation reuses what was paid for, a refresh asks 0)', async () => {
    const { client, requests } = setup();
    await client.getSupplier(MEMBER, { maxAge: 0 });
    await client.getSupplier(MEMBER, { maxAge: 315_360_000 });
    expect(requests.map((r) => r.url)).toEqual([
      `${BASE}/v1/suppliers/${MEMBER}?maxAge=0`,
      `${BASE}/v1/suppliers/${MEMBER}?maxAge=315360000`,
    ]);
    const error = await client.getSupplier(MEMBER, { maxAge: -1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'validation', field: 'maxAge' });
  });

  it('URL-encodes a shop link, and reports the proxy’s not_found', async () => {
    const { client } = setup();
    await expect(client.getSupplier('https://shop1.1688.com')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('refuses an id that names no supplier without a request, naming id', async () => {
    const { client, requests } = setup();
    const error = await client.getSupplier('https://detail.1688.com/offer/1.html').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyRequestError);
    expect(error).toMatchObject({ kind: 'validation', field: 'id' });
    expect(requests).toEqual([]);
  });
});

describe('createClient().supplierOffers', () => {
  const offersPage = () =>
    json(200, {
      items: [],
      page: 2,
      pageSize: 10,
      total: 0,
      hasNext: false,
      providers: [
        {
          provider: 'demo',
          outcome: 'ok',
          fromCache: false,
          stale: false,
          durationMs: 1,
          itemCount: 0,
          ignored: [],
        },
      ],
      sampleData: true,
    });

  it('GETs /v1/suppliers/:id/offers with the paging and currency asked for', async () => {
    const proxy = fakeProxy(BASE, { [`GET /v1/suppliers/${MEMBER}/offers`]: offersPage });
    const client = createClient({ baseUrl: BASE, token: FAKE_TOKEN, fetch: proxy.fetch });
    const answer = await client.supplierOffers(MEMBER, { page: 2, pageSize: 10, currency: 'EUR' });
    expect(answer.page).toBe(2);
    const url = new URL(proxy.requests[0]!.url);
    expect(url.pathname).toBe(`/v1/suppliers/${MEMBER}/offers`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      page: '2',
      pageSize: '10',
      currency: 'EUR',
    });
  });

  it('refuses a bad id or a bad page size without a request', async () => {
    const proxy = fakeProxy(BASE, {});
    const client = createClient({ baseUrl: BASE, token: FAKE_TOKEN, fetch: proxy.fetch });
    await expect(client.supplierOffers('not a supplier/link')).rejects.toMatchObject({ field: 'id' });
    await expect(client.supplierOffers(MEMBER, { pageSize: 1000 })).rejects.toMatchObject({
      kind: 'validation',
    });
    expect(proxy.requests).toEqual([]);
  });
});

describe("createClient().getSupplier: an official/reseller offer's seller", () => {
  it('asks the proxy for `<provider>:<sellerOpenId>`, encoded, and reads its card', async () => {
    const id = 'dajisaas:BBBL9S1tA+q/Xo=';
    const proxy = fakeProxy(BASE, {
      [`GET /v1/suppliers/${encodeURIComponent(id)}`]: () => json(200, card()),
    });
    const client = createClient({ baseUrl: BASE, token: FAKE_TOKEN, fetch: proxy.fetch });
    expect((await client.getSupplier(id)).supplier.companyName).toBe('嘉玩玩具厂');
    expect(proxy.requests).toHaveLength(1);
    // Another provider's prefix names nothing: refused without a request.
    const error = await client.getSupplier('tmapi:12345678').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyRequestError);
    expect(proxy.requests).toHaveLength(1);
  });
});
