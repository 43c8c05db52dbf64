import { OFFER_ROUTES, type OfferResult, type ProviderId } from '@yuantou/core';
import { DAJISAAS_PATHS, DEFAULT_TOTAL, ONEBOUND_PATHS, TMAPI_PATHS } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../src/config/load-config.js';
import type { ProviderSettings } from '../../src/gateway/gateway-contract.js';
import { fakeConfig, startProxy, useFakesAndProxy } from './proxy-harness.js';

// Issue 23, offers at scale: a batch's distinct offers spread over every provider with details (each up to its
// own rate and concurrency), a provider's failure moving only its share, one deadline per batch, and the answer
// streamed as NDJSON one line per ref. Calls are counted on the providers' detail fakes, which verify signatures;
// the stream is judged by ordering (calls made when the first line arrived), not by time.

const suite = useFakesAndProxy();

const OFFER = Array.from({ length: DEFAULT_TOTAL }, (_, i) => String(628_745_190_321 + i));
const link = (id: string) => `https://detail.1688.com/offer/${id}.html`;

const detailCalls = () => ({
  tmapi: suite.fakes.tmapi.calls.count(TMAPI_PATHS.detail),
  onebound: suite.fakes.onebound.calls.count(ONEBOUND_PATHS.detail),
  dajisaas: suite.fakes.dajisaas.calls.count(DAJISAAS_PATHS.detail),
});

/** Offer providers in this order, each at `requestsPerMinute` and `concurrency`, with a batch deadline. */
function limited(
  order: ProviderId[],
  limits: { requestsPerMinute: number; concurrency: number },
  overrides: Partial<ProxyConfig> = {},
): ProxyConfig {
  const config = fakeConfig(suite.fakes, overrides);
  const withLimits = (p: ProviderSettings) => ({ ...p, ...limits, timeoutMs: 5_000 });
  const byId = new Map(config.providers.map((p) => [p.id, withLimits(p)]));
  return {
    ...config,
    providers: config.providers.map(withLimits),
    offerProviders: order.map((id) => byId.get(id)!),
  };
}

const servedBy = (results: OfferResult[]) =>
  results.reduce<Record<string, number>>((counts, r) => {
    if (r.provider) counts[r.provider] = (counts[r.provider] ?? 0) + 1;
    return counts;
  }, {});

describe('a batch is spread over every provider with details', () => {
  it('each provider takes offers up to its own rate: 30 offers, each paid once, none waiting on the first', async () => {
    // 600 a minute = one call every 100 ms each: a walk in order would put all 30 on tmapi.
    suite.proxy = await startProxy(
      limited(['tmapi', 'onebound', 'dajisaas'], { requestsPerMinute: 600, concurrency: 2 }),
    );
    const refs = OFFER.slice(0, 30).map(link);
    const answer = await suite.proxy.post(OFFER_ROUTES.offers, { refs });
    expect(answer.status).toBe(200);
    const results: OfferResult[] = answer.body.results;
    expect(results.every((r) => r.offer !== undefined)).toBe(true);
    const calls = detailCalls();
    expect(calls.tmapi + calls.onebound + calls.dajisaas).toBe(30);
    for (const provider of ['tmapi', 'onebound', 'dajisaas'] as const) {
      expect(calls[provider]).toBeGreaterThanOrEqual(6);
      expect(servedBy(results)[provider]).toBe(calls[provider]);
    }
    // Nobody walked: every offer was served by the first provider it was dealt to.
    expect(results.every((r) => r.attempts.length === 1)).toBe(true);
  });

  it('a failing provider moves only its share: the others pay each offer once, most never see the failure', async () => {
    suite.fakes.tmapi.setMode({ kind: 'error', code: '500' });
    suite.proxy = await startProxy(
      limited(['tmapi', 'onebound', 'dajisaas'], { requestsPerMinute: 600, concurrency: 2 }),
    );
    const refs = OFFER.slice(0, 30).map(link);
    const results: OfferResult[] = (await suite.proxy.post(OFFER_ROUTES.offers, { refs })).body.results;
    expect(results.every((r) => r.provider === 'onebound' || r.provider === 'dajisaas')).toBe(true);
    const calls = detailCalls();
    expect(calls.onebound + calls.dajisaas).toBe(30);
    const movedFromTmapi = results.filter((r) => r.attempts.some((a) => a.provider === 'tmapi'));
    for (const result of movedFromTmapi) {
      expect(result.attempts).toHaveLength(2);
      expect(result.attempts[0]).toMatchObject({ provider: 'tmapi', outcome: 'error' });
    }
    // tmapi's share only: a walk in order would have sent all 30 through it first.
    expect(movedFromTmapi.length).toBeGreaterThan(0);
    expect(movedFromTmapi.length).toBeLessThanOrEqual(15);
  });

  it('a provider out of quota gets nothing more in the batch; what it held moves on', async () => {
    suite.fakes.onebound.setMode({ kind: 'error', code: '4013' });
    suite.proxy = await startProxy(
      limited(['tmapi', 'onebound'], { requestsPerMinute: 600, concurrency: 1 }),
    );
    const refs = OFFER.slice(0, 10).map(link);
    const results: OfferResult[] = (await suite.proxy.post(OFFER_ROUTES.offers, { refs })).body.results;
    expect(results.every((r) => r.provider === 'tmapi')).toBe(true);
    expect(detailCalls()).toMatchObject({ tmapi: 10 });
    expect(detailCalls().onebound).toBeLessThanOrEqual(1);
  });
});

describe('two batches holding the same offers at once', () => {
  it('pay each offer once: an offer another batch is asking a provider for joins that call', async () => {
    for (const fake of [suite.fakes.tmapi, suite.fakes.onebound, suite.fakes.dajisaas])
      fake.setMode({ kind: 'delay', ms: 300 });
    suite.proxy = await startProxy(
      limited(['tmapi', 'onebound', 'dajisaas'], { requestsPerMinute: 600, concurrency: 2 }),
    );
    const refs = OFFER.slice(0, 12).map(link);
    // The same links in the opposite order: dealt on their own, the two would send most offers to different
    // providers (two paid calls each).
    const [a, b] = await Promise.all([
      suite.proxy.post(OFFER_ROUTES.offers, { refs }),
      suite.proxy.post(OFFER_ROUTES.offers, { refs: [...refs].reverse() }),
    ]);
    for (const answer of [a, b]) expect(answer.body.results.every((r: OfferResult) => r.offer)).toBe(true);
    const calls = detailCalls();
    expect(calls.tmapi + calls.onebound + calls.dajisaas).toBe(12);
  });
});

describe('one deadline per batch', () => {
  it('answers what was served by then and marks the rest deadline, with why', async () => {
    // One provider, one call every 500 ms, one at a time: 12 offers need 6 s; the deadline is 1.2 s.
    const config = limited(['tmapi'], { requestsPerMinute: 120, concurrency: 1 });
    suite.proxy = await startProxy({ ...config, offers: { ...config.offers, batchDeadlineMs: 1_200 } });
    const refs = OFFER.slice(0, 12).map(link);
    const answer = await suite.proxy.post(OFFER_ROUTES.offers, { refs });
    expect(answer.status).toBe(200);
    const results: OfferResult[] = answer.body.results;
    const served = results.filter((r) => r.offer);
    const late = results.filter((r) => r.error?.kind === 'deadline');
    expect(served.length).toBeGreaterThan(0);
    expect(served.length + late.length).toBe(12);
    expect(late.length).toBeGreaterThan(0);
    for (const result of late) expect(result.error!.message).toMatch(/1\.2 s deadline passed.*ask again/);
    // The answer came before the batch could have finished: not every offer was paid.
    expect(detailCalls().tmapi).toBeLessThan(12);
    // Nothing more is started once the deadline has passed (a call already in flight may still land).
    const after = detailCalls().tmapi;
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(detailCalls().tmapi).toBeLessThanOrEqual(after + 1);
  });
});

interface Line {
  type: string;
  index?: number;
  total?: number;
  result?: OfferResult;
  sampleData?: boolean;
}

/** POSTs with `Accept: application/x-ndjson`, noting the tmapi calls made when each line arrived. */
async function streamed(refs: string[]) {
  const response = await fetch(`${suite.proxy!.url}${OFFER_ROUTES.offers}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
    body: JSON.stringify({ refs }),
  });
  const lines: { line: Line; callsThen: number }[] = [];
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body!) {
    buffered += decoder.decode(chunk, { stream: true });
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const part of parts)
      if (part) lines.push({ line: JSON.parse(part) as Line, callsThen: detailCalls().tmapi });
  }
  return { response, lines };
}

describe('the batch answer streams as NDJSON when asked', () => {
  it('one line per ref as it is done: the first arrives before the last offer has even been asked', async () => {
    suite.proxy = await startProxy(limited(['tmapi'], { requestsPerMinute: 600, concurrency: 1 }));
    const refs = [...OFFER.slice(0, 8).map(link), 'not a link', link(OFFER[0]!)];
    const { response, lines } = await streamed(refs);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    expect(lines[0]!.line).toMatchObject({ type: 'start', total: refs.length, providerOrder: ['tmapi'] });
    expect(lines.at(-1)!.line).toMatchObject({ type: 'end', sampleData: false });
    const results = lines.filter((l) => l.line.type === 'result');
    expect(results.map((l) => l.line.index).sort((a, b) => a! - b!)).toEqual([...refs.keys()]);
    // The bad link is answered first, before any call; the duplicate with its offer.
    expect(results[0]!.line).toMatchObject({ index: 8, result: { error: { kind: 'invalid_ref' } } });
    expect(results[0]!.callsThen).toBe(0);
    const firstOffer = results.find((l) => l.line.result!.offer)!;
    expect(firstOffer.callsThen).toBeLessThan(8);
    expect(detailCalls().tmapi).toBe(8);
    const byIndex = new Map(results.map((l) => [l.line.index, l.line.result!]));
    expect(byIndex.get(9)!.offer!.id).toBe(byIndex.get(0)!.offer!.id);
  });

  it('without the Accept header the answer is JSON as before', async () => {
    suite.proxy = await startProxy(limited(['tmapi'], { requestsPerMinute: 600, concurrency: 1 }));
    const answer = await suite.proxy.post(OFFER_ROUTES.offers, { refs: [link(OFFER[0]!)] });
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(answer.body.results[0].offer.id).toBe(OFFER[0]);
  });

  it('a currency the proxy cannot quote is still a problem answer, not a stream, and costs nothing', async () => {
    const config = limited(['tmapi'], { requestsPerMinute: 600, concurrency: 1 });
    suite.proxy = await startProxy({ ...config, fx: { ...config.fx, fixedRates: { USD: 7.12 } } });
    const response = await fetch(`${suite.proxy.url}${OFFER_ROUTES.offers}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ refs: [link(OFFER[0]!)], currency: 'EUR' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: 'currency' });
    expect(detailCalls().tmapi).toBe(0);
  });
});
