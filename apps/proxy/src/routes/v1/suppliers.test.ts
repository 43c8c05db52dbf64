import { ProviderStatus, SupplierSearchResponse } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { closedPort, useTestApp } from '../../../test/support/test-app.js';

const TMAPI_TOKEN = 'tmapi-route-test-secret-0001';
const start = useTestApp();

const suppliersUrl = (query: Record<string, string>) => `/v1/suppliers?${new URLSearchParams(query)}`;

describe('GET /v1/suppliers', () => {
  it('ranks demo suppliers for 玩具厂 with a score breakdown and labels them as sample data', async () => {
    const t = await start();
    const response = await t.inject(suppliersUrl({ q: '玩具厂' }));
    expect(response.statusCode).toBe(200);
    const body = SupplierSearchResponse.parse(response.json());
    expect(body.sampleData).toBe(true);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items[0]!.breakdown.length).toBeGreaterThan(0);
    const scores = body.items.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(body.providers).toEqual([
      expect.objectContaining({ provider: 'demo', outcome: 'ok', itemCount: body.items.length }),
    ]);
    expect(t.calls).toEqual(['demo.searchSuppliers']);
  });

  it('ranks with the keyword and the provider positions: relevance explained, B/C credit flagged out of the top 5', async () => {
    const t = await start();
    const response = await t.inject(suppliersUrl({ q: '玩具厂', pageSize: '50' }));
    const body = SupplierSearchResponse.parse(response.json());
    const relevance = body.items[0]!.breakdown.find((f) => f.factor === 'relevance');
    // Only a ranking that was given the keyword and positions can show a value and the provider position.
    expect(relevance?.value).toMatch(/%$/);
    expect(relevance?.note).toMatch(/matched 玩具; provider position #\d+/);
    const flagged = body.items.filter((s) => s.creditLevel === 'B' || s.creditLevel === 'C');
    expect(flagged.length).toBeGreaterThan(0);
    for (const s of flagged) expect(s.flags.length).toBeGreaterThan(0);
    for (const s of body.items.slice(0, 5)) expect(s.flags).toEqual([]);
  });

  it('replays an identical request from the response memo without calling the gateway again', async () => {
    const t = await start();
    const first = await t.inject(suppliersUrl({ q: '玩具厂', city: '汕头' }));
    const again = await t.inject(suppliersUrl({ city: '汕头', q: '玩具厂' }));
    expect(again.statusCode).toBe(200);
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(t.calls).toEqual(['demo.searchSuppliers']);
    const [a, b] = [first, again].map((r) => SupplierSearchResponse.parse(r.json()));
    expect(b!.items).toEqual(a!.items);
    expect(b!.providers).toEqual([{ ...a!.providers[0], fromCache: true, durationMs: 0 }]);
    await t.inject(suppliersUrl({ q: '玩具厂', city: '广州' }));
    expect(t.calls).toHaveLength(2);
  });

  it('replays a repeated URL before validation, yet after the rate limit and authentication', async () => {
    const token = 'client-token-replay-0001';
    const t = await start({ YUANTOU_TOKENS: token, YUANTOU_RATE_LIMIT_PER_MINUTE: '3' });
    const url = suppliersUrl({ q: '玩具厂' });
    const authorized = { authorization: `Bearer ${token}` };
    expect((await t.inject({ url, headers: authorized })).statusCode).toBe(200);
    expect((await t.inject({ url, headers: authorized })).statusCode).toBe(200);
    expect(t.calls).toEqual(['demo.searchSuppliers']);
    // The URL is known to the memo: without a token it is still refused (counted on its IP), and the token's
    // replays count against its limit of 3.
    expect((await t.inject(url)).statusCode).toBe(401);
    expect((await t.inject({ url, headers: authorized })).statusCode).toBe(200);
    expect((await t.inject({ url, headers: authorized })).statusCode).toBe(429);
  });

  it('never replays by URL what asks for a fresh answer (maxAge=0) or fails validation', async () => {
    const t = await start();
    const fresh = suppliersUrl({ q: '玩具厂', maxAge: '0' });
    await t.inject(fresh);
    await t.inject(fresh);
    expect(t.calls).toEqual(['demo.searchSuppliers', 'demo.searchSuppliers']);
    const bad = suppliersUrl({ q: '玩具厂', pageSize: '5000' });
    expect((await t.inject(bad)).statusCode).toBe(400);
    expect((await t.inject(bad)).statusCode).toBe(400);
  });

  it('orders by the requested sort instead of the score', async () => {
    const t = await start();
    const response = await t.inject(suppliersUrl({ q: '玩具', sort: 'price_asc', pageSize: '50' }));
    const prices = SupplierSearchResponse.parse(response.json())
      .items.map((s) => s.priceMin)
      .filter((p): p is number => p !== null);
    expect(prices.length).toBeGreaterThan(1);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('answers 400 naming a provider that is known but not enabled, without calling any', async () => {
    const t = await start();
    const response = await t.inject(suppliersUrl({ q: '玩具', provider: 'tmapi' }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'provider', kind: 'validation', status: 400 });
    expect(response.json().detail).toContain('tmapi');
    expect(t.calls).toEqual([]);
  });

  it('reports a failing provider next to the ones that answered', async () => {
    const port = await closedPort();
    const t = await start({
      YUANTOU_TMAPI_API_TOKEN: TMAPI_TOKEN,
      YUANTOU_TMAPI_BASE_URL: `http://127.0.0.1:${port}`,
      YUANTOU_DEMO: 'true',
    });
    const response = await t.inject(suppliersUrl({ q: '玩具厂' }));
    expect(response.statusCode).toBe(200);
    const body = SupplierSearchResponse.parse(response.json());
    const byProvider = Object.fromEntries(body.providers.map((s) => [s.provider, s]));
    expect(byProvider.demo).toMatchObject({ outcome: 'ok' });
    expect(byProvider.tmapi).toMatchObject({ outcome: 'error', itemCount: 0, error: { provider: 'tmapi' } });
    expect(body.items.every((s) => s.sources.includes('demo'))).toBe(true);
  });

  it('answers a problem with every provider status when all selected providers fail', async () => {
    const port = await closedPort();
    const t = await start({
      YUANTOU_TMAPI_API_TOKEN: TMAPI_TOKEN,
      YUANTOU_TMAPI_BASE_URL: `http://127.0.0.1:${port}`,
    });
    const response = await t.inject(suppliersUrl({ q: '玩具厂' }));
    expect(response.statusCode).toBe(502);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body).toMatchObject({ status: 502, kind: 'upstream' });
    expect(ProviderStatus.array().parse(body.providers)).toEqual([
      expect.objectContaining({ provider: 'tmapi', outcome: 'error' }),
    ]);
    expect(t.calls).toEqual(['tmapi.searchSuppliers']);
  });
});
