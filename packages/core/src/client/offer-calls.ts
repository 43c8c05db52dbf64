import {
  OFFER_ROUTES,
  OfferHistoryParams,
  OfferHistoryResponse,
  OfferParams,
  OfferResult,
  OffersBody,
  OffersResponse,
} from '../api/offer-routes.js';
import { readOffersStream } from './offer-stream.js';
import type { ProxyClient } from './proxy-client.js';
import { type ProxyTransport, refSegment, toQueryString, validated } from './proxy-transport.js';

/** Offer details by link or id: a batch (whole or streamed), one offer, and the snapshots kept of one. */
export function offerCalls({
  call,
  urlOf,
  post,
}: ProxyTransport): Pick<ProxyClient, 'getOffers' | 'streamOffers' | 'getOffer' | 'offerHistory'> {
  return {
    getOffers: (body, opts) => post(OFFER_ROUTES.offers, OffersBody, body, OffersResponse, opts?.signal),
    async streamOffers(body, onResult, opts) {
      const url = urlOf(OFFER_ROUTES.offers);
      const valid = validated(OffersBody, body, url);
      let streamed = false;
      const answer: OffersResponse = await call({
        method: 'POST',
        url,
        body: valid,
        response: OffersResponse,
        signal: opts?.signal,
        stream: (stream, invalid) => {
          streamed = true;
          return readOffersStream(stream, onResult, invalid);
        },
      });
      // A proxy that answers JSON (one that does not stream): the results are handed over now, in order.
      if (!streamed) {
        const { providerOrder, currency } = answer;
        const batch = { providerOrder, ...(currency ? { currency } : {}) };
        for (const [index, result] of answer.results.entries()) onResult(index, result, batch);
      }
      return answer;
    },
    async getOffer(ref, params, opts) {
      const base = urlOf(OFFER_ROUTES.offers);
      const query = toQueryString(validated(OfferParams, params ?? {}, base));
      const url = `${base}/${refSegment(ref, base)}${query ? `?${query}` : ''}`;
      return call({ method: 'GET', url, response: OfferResult, signal: opts?.signal });
    },
    async offerHistory(ref, params, opts) {
      const base = urlOf(OFFER_ROUTES.offers);
      const query = toQueryString(validated(OfferHistoryParams, params ?? {}, base));
      const url = `${base}/${refSegment(ref, base)}/history${query ? `?${query}` : ''}`;
      return call({ method: 'GET', url, response: OfferHistoryResponse, signal: opts?.signal });
    },
  };
}
