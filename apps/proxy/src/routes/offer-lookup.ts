import type { FastifyInstance } from 'fastify';
import type { ProxyConfig } from '../config/load-config.js';
import type { LookupOffersDeps } from '../offers/lookup-offers.js';
import { createNotFoundMemory } from '../offers/not-found-memory.js';
import { createOffersInFlight } from '../offers/offers-in-flight.js';

/**
 * What every route that looks offers up shares within one process — `/v1/offers` and `/v1/landed-cost`: the
 * providers in order, the cache-only peek at every provider, the memory of dead links and the offers being
 * fetched right now. One of each, so a `=LANDED` column pays for an offer that `=OFFERS` just fetched (or found
 * dead) no more than `=OFFERS` would (issue 23: "dead links pay every time", "offers paid again after a
 * fallback").
 */
export type SharedOfferLookup = Pick<
  LookupOffersDeps,
  'getOffer' | 'peekOffer' | 'notFound' | 'inFlight' | 'notFoundProviders' | 'providers'
>;

export function createSharedOfferLookup(
  app: FastifyInstance,
  config: ProxyConfig,
  redisKeyPrefix = 'yuantou:',
): SharedOfferLookup {
  return {
    getOffer: app.gateway.getOffer,
    peekOffer: app.gateway.peekOffer,
    notFound: createNotFoundMemory({
      ttlSeconds: config.offers.notFoundTtlSeconds,
      redis: app.redis,
      prefix: redisKeyPrefix,
    }),
    inFlight: createOffersInFlight(),
    notFoundProviders: config.offers.notFoundProviders,
    // Each provider's own rate and concurrency: a batch's offers are spread over all of them (offer-spread.ts).
    providers: config.offerProviders.map((p) => ({
      id: p.id,
      concurrency: p.concurrency,
      requestsPerMinute: p.requestsPerMinute,
    })),
  };
}
