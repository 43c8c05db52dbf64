import { describe, expect, it } from 'vitest';
import {
  LANDED_ROUTES,
  LandedCostBatchBody,
  LandedCostBatchResponse,
  LandedCostBody,
  LandedCostResponse,
} from '../api/landed-routes.js';
import { landedCost } from '../landed/landed-cost.js';
import { BASE, demoOffer } from './__fixtures__/client-harness.js';
import { FAKE_TOKEN, fakeProxy, type Handler, json } from './__fixtures__/fake-proxy.js';
import { createClient, ProxyRequestError } from './create-client.js';

const offer = demoOffer();
const FETCHED_AT = '2026-12-05T10:00:00.000Z';

/** The route as the proxy reads it: its own body schema, core's landedCost (in CNY, so no rate is needed). */
const landedRoute: Handler = (request) => {
  const { ref: _ref, ...options } = LandedCostBody.parse(JSON.parse(request.body ?? 'null'));
  return json(200, LandedCostResponse.parse({ ...landedCost(offer, options), fetchedAt: FETCHED_AT }));
};
const batchRoute: Handler = (request) => {
  const { refs, ...options } = LandedCostBatchBody.parse(JSON.parse(request.body ?? 'null'));
  return json(
    200,
    LandedCostBatchResponse.parse({
      results: refs.map((ref) => ({
        ref,
        offerId: offer.id,
        result: { ...landedCost(offer, options), fetchedAt: FETCHED_AT },
      })),
    }),
  );
};

const freight = { method: 'air' as const, perKg: 40, currency: 'CNY' };

describe('createClient landed cost', () => {
  it('posts the body to /v1/landed-cost and returns the validated answer', async () => {
    const proxy = fakeProxy(BASE, { [`POST ${LANDED_ROUTES.landedCost}`]: landedRoute });
    const client = createClient({ baseUrl: BASE, token: FAKE_TOKEN, fetch: proxy.fetch });
    const answer = await client.landedCost({ ref: offer.url, quantity: 50, chinaFreight: 'none', freight });
    expect(answer.offerId).toBe(offer.id);
    expect(answer.lines[0]!.kind).toBe('goods');
    expect(answer.total.amount).toBeCloseTo(
      answer.lines.reduce((s, l) => s + l.amount, 0),
      6,
    );
    expect(JSON.parse(proxy.requests[0]!.body!)).toMatchObject({ ref: offer.url, quantity: 50 });
  });

  it('posts a column of links to the batch route', async () => {
    const proxy = fakeProxy(BASE, { [`POST ${LANDED_ROUTES.landedCostBatch}`]: batchRoute });
    const client = createClient({ baseUrl: BASE, token: FAKE_TOKEN, fetch: proxy.fetch });
    const answer = await client.landedCosts({
      refs: [offer.id, offer.url],
      quantity: 10,
      chinaFreight: 12,
      freight,
    });
    expect(answer.results.map((r) => r.ref)).toEqual([offer.id, offer.url]);
    expect(answer.results[0]!.result?.lines[1]).toMatchObject({
      kind: 'china_freight',
      amount: 12,
      source: 'you',
    });
  });

  it('refuses bad input before sending anything, naming the field', async () => {
    const proxy = fakeProxy(BASE, { [`POST ${LANDED_ROUTES.landedCost}`]: landedRoute });
    const client = createClient({ baseUrl: BASE, token: FAKE_TOKEN, fetch: proxy.fetch });
    const cases = [
      { ref: offer.id, quantity: 0, freight },
      { ref: 'https://item.taobao.com/item.htm?id=123456789', quantity: 1, freight },
      { ref: offer.id, quantity: 1, freight: { ...freight, method: 'boat' } },
      { ref: offer.id, quantity: 1, freight: { ...freight, perKg: -1 } },
      { ref: offer.id, quantity: 1, freight: { ...freight, currency: 'euro' } },
    ];
    const fields: Array<string | null> = [];
    for (const body of cases) {
      const error = await client.landedCost(body as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProxyRequestError);
      fields.push((error as ProxyRequestError).field);
    }
    expect(fields).toEqual(['quantity', 'ref', 'freight', 'freight', 'freight']);
    expect(proxy.requests).toHaveLength(0);
  });
});
