import { setMaxListeners } from 'node:events';
import {
  MAX_OFFER_REFS,
  OFFER_ROUTES,
  OfferParams,
  OfferRef,
  OfferResult,
  OffersBody,
  OffersResponse,
  Problem,
} from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { startBatchDeadline } from '../../offers/batch-deadline.js';
import { lookupOffers } from '../../offers/lookup-offers.js';
import { offerProblem } from '../../offers/offer-problem.js';
import { ProblemError } from '../../problem.js';
import { createSecretScrubber } from '../../secret-scrubber.js';
import type { SharedOfferLookup } from '../offer-lookup.js';
import { abortOnDisconnect, type RouteOptions, searchErrorResponses } from '../route-helpers.js';
import { streamOffers, wantsNdjson } from './offers-stream.js';

export interface OffersRouteOptions extends RouteOptions {
  /** Shared with the landed-cost routes (app.ts makes one per process). */
  offerLookup: SharedOfferLookup;
}

export default async function offersRoutes(
  app: FastifyInstance,
  { config, offerLookup }: OffersRouteOptions,
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const scrub = createSecretScrubber(config.secrets);
  const deps = (request: { log: FastifyInstance['log'] }, signal: AbortSignal) => {
    // Every lookup of a batch (up to 200, each through limiter, flight and sender) listens to this one signal.
    setMaxListeners(MAX_OFFER_REFS * 4, signal);
    return {
      ...offerLookup,
      fx: app.fx,
      log: request.log,
      signal,
    };
  };

  routes.post(
    OFFER_ROUTES.offers,
    {
      schema: {
        summary: `Details of up to 200 1688 offers by link or id, in input order, priced in \`currency\` if given; each result carries its own error (kind \`deadline\` for offers the batch deadline left unanswered). With \`Accept: application/x-ndjson\` the answer streams: a \`start\` line, one \`result\` line per ref (with its \`index\`) as soon as it is known, an \`end\` line`,
        tags: ['offers'],
        body: OffersBody,
        response: { 200: OffersResponse, ...searchErrorResponses },
      },
    },
    async (request, reply) => {
      const batch = {
        ...deps(request, abortOnDisconnect(reply)),
        batchDeadline: startBatchDeadline(config.offers.batchDeadlineMs),
      };
      if (!wantsNdjson(request.headers.accept)) return lookupOffers(batch, request.body);
      return streamOffers(
        request,
        reply,
        (hooks) => lookupOffers({ ...batch, ...hooks }, request.body),
        scrub,
      );
    },
  );

  routes.get(
    OFFER_ROUTES.offer,
    {
      schema: {
        summary:
          'Details of one 1688 offer by link or id (URL-encode a link), priced at `quantity` and in `currency` if given',
        tags: ['offers'],
        params: z.object({ ref: OfferRef }),
        querystring: OfferParams,
        response: { 200: OfferResult, 404: Problem, 501: Problem, ...searchErrorResponses },
      },
    },
    async (request, reply) => {
      const answer = await lookupOffers(deps(request, abortOnDisconnect(reply)), {
        refs: [request.params.ref],
        ...request.query,
      });
      const result = answer.results[0]!;
      if (result.error) throw new ProblemError(offerProblem(result));
      return result;
    },
  );
}
