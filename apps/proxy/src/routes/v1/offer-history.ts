import {
  OFFER_ROUTES,
  OfferHistoryParams,
  OfferHistoryResponse,
  OfferRef,
  OfferRefError,
  Problem,
  parseOfferRef,
} from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemError, problem } from '../../problem.js';
import { searchErrorResponses } from '../route-helpers.js';

/**
 * `GET /v1/offers/:ref/history`: the snapshots the proxy kept of one offer, newest first. 1688 has no
 * price-history API (the official platform's change messages carry no price and reach authorised apps only), so
 * history is what this proxy itself fetched. Never calls a provider.
 */
export default async function offerHistoryRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    OFFER_ROUTES.history,
    {
      schema: {
        summary:
          'The snapshots kept of one 1688 offer (one per paid fetch: tiers, price range, MOQ, stock, SKUs), newest first',
        tags: ['offers'],
        params: z.object({ ref: OfferRef }),
        querystring: OfferHistoryParams,
        response: { 200: OfferHistoryResponse, 404: Problem, ...searchErrorResponses },
      },
    },
    async (request) => {
      let offerId: string;
      try {
        offerId = parseOfferRef(request.params.ref);
      } catch (error) {
        if (error instanceof OfferRefError)
          throw new ProblemError(problem(400, error.message, { field: 'ref', kind: 'validation' }));
        throw error;
      }
      const snapshots = await app.answerStore.offerHistory(offerId, request.query.limit);
      if (snapshots === undefined) {
        const { store, storeDetail } = app.answerStore.health();
        const detail =
          store === 'off'
            ? 'no history is kept: the answer store is off (YUANTOU_STORE=off)'
            : `the answer database is unavailable (${storeDetail ?? 'unknown'}); history cannot be read now`;
        throw new ProblemError(problem(503, detail, { kind: 'upstream', retryAfterSeconds: 10 }));
      }
      return { offerId, snapshots };
    },
  );
}
