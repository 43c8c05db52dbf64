import { demoAdapter, ProductQuery, type ProviderRequest, tmapiAdapter } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { createHarness, metricValue } from './__fixtures__/gateway-harness.js';

// getOffer goes through the same chain as a search: cache per provider + offer + language, one call for
// identical lookups in flight, counted in the upstream metrics.

function demoGateway(offerTtlSeconds = 60) {
  const sent: ProviderRequest[] = [];
  const counted = {
    ...demoAdapter,
    respond(request: ProviderRequest) {
      sent.push(request);
      return demoAdapter.respond(request);
    },
  };
  const { gateway, registry } = createHarness({
    providers: [
      {
        id: 'demo',
        adapter: counted,
        credentials: {},
        requestsPerMinute: 6000,
        concurrency: 4,
        timeoutMs: 2000,
        dailyCalls: null,
      },
      {
        id: 'tmapi',
        adapter: { ...tmapiAdapter, getOffer: undefined },
        credentials: { apiToken: 'x'.repeat(20) },
        requestsPerMinute: 60,
        concurrency: 1,
        timeoutMs: 2000,
        dailyCalls: null,
      },
    ],
    gateway: {
      cache: {
        ttlSeconds: {
          searchSuppliers: 60,
          searchProducts: 60,
          searchProductsByImage: 60,
          getOffer: offerTtlSeconds,
        },
        staleSeconds: 0,
        maxBytes: 1_000_000,
      },
      retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
    },
  });
  const offerCalls = () => sent.filter((r) => r.url.includes('offer')).length;
  return { gateway, registry, offerCalls };
}

async function demoOfferId(gateway: ReturnType<typeof demoGateway>['gateway']): Promise<string> {
  const { page } = await gateway.search('demo', 'searchProducts', ProductQuery.parse({ keyword: '玩具' }));
  return page.items[0]!.id;
}

describe('gateway.getOffer', () => {
  it('keys the cache on the params sent: languages the provider maps alike cost one call', async () => {
    const { gateway, offerCalls } = demoGateway();
    const id = await demoOfferId(gateway);
    // Demo has Chinese and English only: zh, none, ru and ko all send `{ id }`.
    const zh = await gateway.getOffer('demo', { id, language: 'zh' });
    const ru = await gateway.getOffer('demo', { id, language: 'ru' });
    const none = await gateway.getOffer('demo', { id });
    const ko = await gateway.getOffer('demo', { id, language: 'ko' });
    expect(offerCalls()).toBe(1);
    expect([zh.fromCache, ru.fromCache, none.fromCache, ko.fromCache]).toEqual([false, true, true, true]);
    expect([zh.ignored, ru.ignored, ko.ignored]).toEqual([[], ['language'], ['language']]);
    const en = await gateway.getOffer('demo', { id, language: 'en' });
    expect(offerCalls()).toBe(2);
    expect(en.offer.translationLanguage).toBe('en');
  });

  it('makes one upstream call for identical lookups in flight, then answers from the cache', async () => {
    const { gateway, registry, offerCalls } = demoGateway();
    const id = await demoOfferId(gateway);
    const first = await Promise.all(Array.from({ length: 5 }, () => gateway.getOffer('demo', { id })));
    expect(offerCalls()).toBe(1);
    expect(first.every((r) => r.offer.id === id)).toBe(true);
    const again = await gateway.getOffer('demo', { id });
    expect(again).toMatchObject({ fromCache: true, stale: false, offer: { id } });
    expect(offerCalls()).toBe(1);
    expect(
      await metricValue(registry, 'yuantou_upstream_requests_total', {
        operation: 'getOffer',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(await metricValue(registry, 'yuantou_cache_total', { operation: 'getOffer', result: 'hit' })).toBe(
      1,
    );
    await gateway.close();
  });

  it('keeps one entry per language', async () => {
    const { gateway, offerCalls } = demoGateway();
    const id = await demoOfferId(gateway);
    await gateway.getOffer('demo', { id });
    await gateway.getOffer('demo', { id, language: 'en' });
    await gateway.getOffer('demo', { id, language: 'en' });
    expect(offerCalls()).toBe(2);
    await gateway.close();
  });

  it('does not cache a failure: an unknown offer is asked again', async () => {
    const { gateway, offerCalls } = demoGateway();
    await expect(gateway.getOffer('demo', { id: '999999999999' })).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(gateway.getOffer('demo', { id: '999999999999' })).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect(offerCalls()).toBe(2);
    await gateway.close();
  });

  it('refuses a provider without offer details, and one that is not configured, without any call', async () => {
    const { gateway, offerCalls } = demoGateway();
    await expect(gateway.getOffer('tmapi', { id: '612345678901' })).rejects.toMatchObject({
      kind: 'bad_request',
    });
    await expect(gateway.getOffer('onebound', { id: '612345678901' })).rejects.toMatchObject({
      kind: 'bad_request',
      message: 'onebound is not configured on this proxy',
    });
    expect(offerCalls()).toBe(0);
    await gateway.close();
  });
});
