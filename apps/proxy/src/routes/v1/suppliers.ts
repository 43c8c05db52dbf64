import { ROUTES, SearchParams, SupplierSearchResponse } from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { searchSuppliers } from '../../search/search-suppliers.js';
import { type RouteOptions, searchDeps, searchErrorResponses } from '../route-helpers.js';

export default async function suppliersRoutes(app: FastifyInstance, { config }: RouteOptions): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    ROUTES.suppliers,
    {
      schema: {
        summary: 'Search 1688 suppliers (factories) across the enabled providers, merged and ranked',
        tags: ['search'],
        querystring: SearchParams,
        response: { 200: SupplierSearchResponse, ...searchErrorResponses },
      },
    },
    async (request, reply) =>
      searchSuppliers(searchDeps(app, config, request, reply, config.ranking.suppliers), request.query),
  );
}
