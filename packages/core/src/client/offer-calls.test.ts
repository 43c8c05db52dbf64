import { describe, expect, it } from 'vitest';
import { OfferHistoryParams, OfferParams, OffersBody, OffersResponse } from '../api/offer-routes.js';
import { BASE, demoOffer, setup } from './__fixtures__/client-harness.js';
import { type Handler, json, problem } from './__fixtures__/fake-proxy.js';
import { ProxyRequestError } from './create-client.js';

const ID = '612345678901';

/** POST /v1/offers as the proxy reads it back with its own schema; every ref answered as not found. */
const notFoundEverywhere: Handler = (request) => {
  const body = OffersBody.parse(JSON.parse(request.body ?? 'null'));
  return json(
    200,
    OffersResponse.parse({
      results: body.refs.map((ref) => ({
        ref,
        offerId: null,
        attempts: [],
        error: { kind: 'not_found', message: `offer ${ref} not found` },
      })),
      providerOrder: ['demo'],
      sampleData: false,
    }),
  );
};

describe('createClient offers', () => {
  it('posts refs, language and quantity as the proxy reads them and returns per-item results', async () => {
    const { client, requests } = setup({ 'POST /v1/offers': notFoundEverywhere });
    const answer = await client.getOffers({
      refs: [ID, 'https://m.1688.com/offer/1.html'],
      language: 'en',
      quantity: 50,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(requests[0]!.body!)).toEqual({
      refs: [ID, 'https://m.1688.com/offer/1.html'],
      language: 'en',
      quantity: 50,
    });
    expect(answer.results.map((r) => r.error?.kind)).toEqual(['not_found', 'not_found']);
  });

  it('refuses more than 200 refs, or none, without sending anything', async () => {
    const { client, requests } = setup({ 'POST /v1/offers': notFoundEverywhere });
    const tooMany = Array.from({ length: 201 }, (_, i) => String(600000000000 + i));
    for (const refs of [tooMany, []]) {
      const error = await client.getOffers({ refs }).catch((e: unknown) => e);
      expect(ProxyRequestError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'validation', field: 'refs' });
    }
    expect(requests).toHaveLength(0);
  });

  it('gets one offer with the link URL-encoded into the path and the quantity in the query', async () => {
    const offer = demoOffer();
    const link = `https://detail.1688.com/offer/${offer.id}.html?spm=a&b=c`;
    const path = `/v1/offers/${encodeURIComponent(link)}`;
    const { client, requests } = setup({
      [`GET ${path}`]: (request) => {
        const query = OfferParams.parse(Object.fromEntries(new URL(request.url).searchParams));
        expect(query).toEqual({ quantity: 20 });
        return json(200, {
          ref: link,
          offerId: offer.id,
          offer,
          provider: 'demo',
          fromCache: false,
          attempts: [],
        });
      },
    });
    const result = await client.getOffer(link, { quantity: 20 });
    expect(requests[0]!.url).toBe(`${BASE}${path}?quantity=20`);
    expect(result.offer).toEqual(offer);
  });

  it('turns a 404 problem into a not_found error; an empty ref fails before sending', async () => {
    const { client, requests } = setup({
      [`GET /v1/offers/${ID}`]: () => problem(404, { kind: 'not_found', detail: `offer ${ID} not found` }),
    });
    await expect(client.getOffer(ID)).rejects.toMatchObject({ kind: 'not_found', status: 404 });
    await expect(client.getOffer('  ')).rejects.toMatchObject({ kind: 'validation', field: 'ref' });
    expect(requests).toHaveLength(1);
  });

  it('sends maxAge with the offers and reads fetchedAt, stale and staleReason back', async () => {
    const offer = demoOffer();
    const { client, requests } = setup({
      'POST /v1/offers': (request) => {
        const body = OffersBody.parse(JSON.parse(request.body ?? 'null'));
        expect(body.maxAge).toBe(0);
        return json(200, {
          results: [
            {
              ref: offer.id,
              offerId: offer.id,
              offer,
              provider: 'demo',
              fromCache: true,
              fetchedAt: '2026-12-03T14:05:00.000Z',
              stale: true,
              staleReason: 'budget reached — values as of 3 Dec 14:05 UTC',
              attempts: [],
            },
          ],
          providerOrder: ['demo'],
          sampleData: true,
        });
      },
    });
    const answer = await client.getOffers({ refs: [offer.id], maxAge: 0 });
    expect(JSON.parse(requests[0]!.body!)).toMatchObject({ maxAge: 0 });
    expect(answer.results[0]).toMatchObject({
      fetchedAt: '2026-12-03T14:05:00.000Z',
      stale: true,
      staleReason: 'budget reached — values as of 3 Dec 14:05 UTC',
    });
    await expect(client.getOffers({ refs: [offer.id], maxAge: -1 })).rejects.toMatchObject({
      kind: 'validation',
      field: 'maxAge',
    });
    expect(requests).toHaveLength(1);
  });

  it('gets an offer history by link, with the limit in the query, and validates the answer', async () => {
    const link = `https://detail.1688.com/offer/${ID}.html`;
    const path = `/v1/offers/${encodeURIComponent(link)}/history`;
    const snapshot = {
      fetchedAt: '2026-12-03T14:05:00.000Z',
      provider: 'tmapi',
      priceTiers: [{ minQuantity: 2, price: 3.5 }],
      priceMin: 3.5,
      priceMax: 4,
      moq: 2,
      stock: 100,
      skus: [{ id: 's1', price: 3.5, stock: null }],
    };
    const { client, requests } = setup({
      [`GET ${path}`]: (request) => {
        const query = OfferHistoryParams.parse(Object.fromEntries(new URL(request.url).searchParams));
        expect(query).toEqual({ limit: 5 });
        return json(200, { offerId: ID, snapshots: [snapshot] });
      },
    });
    const history = await client.offerHistory(link, { limit: 5 });
    expect(requests[0]!.url).toBe(`${BASE}${path}?limit=5`);
    expect(history).toEqual({ offerId: ID, snapshots: [snapshot] });
    await expect(client.offerHistory(' ')).rejects.toMatchObject({ kind: 'validation', field: 'ref' });
    await expect(client.offerHistory(ID, { limit: 0 })).rejects.toMatchObject({ field: 'limit' });
    expect(requests).toHaveLength(1);
  });
});
