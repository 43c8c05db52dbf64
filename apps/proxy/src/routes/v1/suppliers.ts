import { ROUTES, SearchParams, SupplierSearchResponse } from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ResponseMemo } from '../../search/response-memo.js';
import { searchSuppliers } from '../../search/search-suppliers.js';
import { createSecretScrubber } from '../../secret-scrubber.js';
import {
  type RouteOptions,
  replayByUrl,
  replayOrSearch,
  searchDeps,
  searchErrorResponses,
} from '../route-helpers.js';

export default async function suppliersRoutes(app: FastifyInstance, { config }: RouteOptions): Promise<void> {
  const memo = new ResponseMemo(config.responseTtlSeconds, createSecretScrubber(config.secrets));
  app.withTypeProvider<ZodTypeProvider>().get(
    ROUTES.suppliers,
    {
      preValidation: replayByUrl(memo),
      schema: {
        summary: 'Search 1688 suppliers (factories) across the enabled providers, merged and ranked',
        tags: ['search'],
        querystring: SearchParams,
        response: { 200: SupplierSearchResponse, ...searchErrorResponses },
      },
    },
    async (request, reply) =>
      replayOrSearch(memo, request, reply, SupplierSearchResponse, () =>
        searchSuppliers(searchDeps(app, config, request, reply, config.ranking.suppliers), request.query),
      ),
  );
}
