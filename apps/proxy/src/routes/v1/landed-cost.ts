import { setMaxListeners } from 'node:events';
import {
  LANDED_ROUTES,
  LandedCostBatchBody,
  LandedCostBatchResponse,
  LandedCostBody,
  LandedCostResponse,
  MAX_OFFER_REFS,
  Problem,
} from '@yuantou/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { computeLandedCosts } from '../../landed/landed-costs.js';
import { startBatchDeadline } from '../../offers/batch-deadline.js';
import { offerProblem } from '../../offers/offer-problem.js';
import { ProblemError, problem } from '../../problem.js';
import type { SharedOfferLookup } from '../offer-lookup.js';
import { abortOnDisconnect, type RouteOptions, searchErrorResponses } from '../route-helpers.js';

export interface LandedCostRouteOptions extends RouteOptions {
  /** Shared with the offers routes (app.ts makes one per process): dead links, offers in flight, the peek. */
  offerLookup: SharedOfferLookup;
}

export default async function landedCostRoutes(
  app: FastifyInstance,
  { config, offerLookup }: LandedCostRouteOptions,
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const freightProviders = config.freightProviders.map((p) => p.id);
  const deps = (request: FastifyRequest, reply: FastifyReply) => {
    const signal = abortOnDisconnect(reply);
    setMaxListeners(MAX_OFFER_REFS * 8, signal);
    return {
      ...offerLookup,
      estimateFreight: app.gateway.estimateFreight,
      freightProviders,
      destination: config.chinaDestination,
      fx: app.fx,
      log: request.log,
      signal,
    };
  };

  routes.post(
    LANDED_ROUTES.landedCost,
    {
      schema: {
        summary:
          'What `quantity` pieces of one 1688 offer cost delivered: goods, China freight (the provider’s estimate to the configured province, your amount, or none), international freight from your rate card, agent fee, duty and VAT, in `currency`',
        tags: ['landed cost'],
        body: LandedCostBody,
        response: {
          200: LandedCostResponse,
          404: Problem,
          422: Problem,
          501: Problem,
          ...searchErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const { ref, ...options } = request.body;
      const { items, attempts } = await computeLandedCosts(deps(request, reply), [ref], options);
      const item = items[0]!;
      if (item.result) return item.result;
      const error = item.error!;
      if (error.kind === 'unknown_sku') {
        throw new ProblemError(problem(400, error.message, { kind: 'validation', field: 'sku' }));
      }
      if (error.kind === 'no_price' || error.kind === 'missing_rate' || error.kind === 'bad_request') {
        throw new ProblemError(problem(422, error.message, { kind: 'invalid_response' }));
      }
      throw new ProblemError(
        offerProblem({ ...attempts[0]!, error: { kind: error.kind, message: error.message } }),
      );
    },
  );

  routes.post(
    LANDED_ROUTES.landedCostBatch,
    {
      schema: {
        summary: `Landed cost of up to ${MAX_OFFER_REFS} 1688 links with one set of options (a column of links), in input order; each result carries its own error (kind \`deadline\` for lines the batch deadline left unpriced, as in \`POST /v1/offers\`)`,
        tags: ['landed cost'],
        body: LandedCostBatchBody,
        response: { 200: LandedCostBatchResponse, ...searchErrorResponses },
      },
    },
    async (request, reply) => {
      const { refs, ...options } = request.body;
      // The offers batch's one deadline, started now: lines not priced by then are answered `deadline`.
      const batchDeadline = startBatchDeadline(config.offers.batchDeadlineMs);
      const { items } = await computeLandedCosts({ ...deps(request, reply), batchDeadline }, refs, options);
      return { results: items };
    },
  );
}
