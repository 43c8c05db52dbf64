import {
  Problem,
  ProductSearchResponse,
  SUPPLIER_ROUTES,
  SupplierDetailResponse,
  SupplierIdParam,
  SupplierOffersParams,
  SupplierParams,
} from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lookupSupplier } from '../../suppliers/lookup-supplier.js';
import { supplierOffers } from '../../suppliers/supplier-offers.js';
import { abortOnDisconnect, type RouteOptions, searchDeps, searchErrorResponses } from '../route-helpers.js';

export default async function supplierDetailRoutes(
  app: FastifyInstance,
  { config }: RouteOptions,
): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    SUPPLIER_ROUTES.supplier,
    {
      schema: {
        summary:
          "One supplier's due-diligence card by member id (b2b-…), shop link (URL-encoded) or login id: details merged across providers, signals with the facts they rest on, the registration check link. An official/reseller offer's seller (`alibaba:`, `dajisaas:` or `pandapon:<sellerOpenId>`) is answered from the seller facts kept from that provider's offer details, never a paid call (404 when none are at hand)",
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
          sellerFacts: app.gateway.sellerFacts,
          providers: config.providers,
          log: request.log,
          signal: abortOnDisconnect(reply),
          maxAge: request.query.maxAge,
        },
        request.params.id,
      ),
  );
  app.withTypeProvider<ZodTypeProvider>().get(
    SUPPLIER_ROUTES.offers,
    {
      schema: {
        summary:
          "One page of a supplier's own catalogue (id as for the card), ranked like GET /v1/products: its breadth is itself a trader signal",
        tags: ['suppliers'],
        params: z.object({ id: SupplierIdParam }),
        querystring: SupplierOffersParams,
        response: { 200: ProductSearchResponse, 404: Problem, ...searchErrorResponses },
      },
    },
    async (request, reply) => {
      const deps = searchDeps(app, config, request, reply, config.ranking.products);
      const lookup = {
        getSupplier: app.gateway.getSupplier,
        sellerFacts: app.gateway.sellerFacts,
        providers: config.providers,
        log: request.log,
        signal: deps.signal!,
      };
      return supplierOffers(deps, lookup, request.params.id, request.query);
    },
  );
}
