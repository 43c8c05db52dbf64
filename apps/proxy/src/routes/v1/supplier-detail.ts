import {
  Problem,
  SUPPLIER_ROUTES,
  SupplierDetailResponse,
  SupplierIdParam,
  SupplierParams,
} from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lookupSupplier } from '../../suppliers/lookup-supplier.js';
import { abortOnDisconnect, type RouteOptions, searchErrorResponses } from '../route-helpers.js';

export default async function supplierDetailRoutes(
  app: FastifyInstance,
  { config }: RouteOptions,
): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    SUPPLIER_ROUTES.supplier,
    {
      schema: {
        summary:
          "One supplier's due-diligence card by member id (b2b-…), shop link (URL-encoded) or login id: details merged across providers, signals with the facts they rest on, the registration check link",
        tags: ['suppliers'],
        params: z.object({ id: SupplierIdParam }),
        querystring: SupplierParams,
        response: { 200: SupplierDetailResponse, 404: Problem, ...searchErrorResponses },
      },
    },
    async (request, reply) =>
      lookupSupplier(
        {
          getSupplier: app.gateway.getSupplier,
          providers: config.providers,
          log: request.log,
          signal: abortOnDisconnect(reply),
          maxAge: request.query.maxAge,
        },
        request.params.id,
      ),
  );
}
