import { ImageSearchBody, ProductSearchResponse, ROUTES, SearchParams } from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ResponseMemo } from '../../search/response-memo.js';
import { searchProducts, searchProductsByImage } from '../../search/search-products.js';
import { createSecretScrubber } from '../../secret-scrubber.js';
import {
  type RouteOptions,
  replayByUrl,
  replayOrSearch,
  searchDeps,
  searchErrorResponses,
} from '../route-helpers.js';

export default async function productsRoutes(app: FastifyInstance, { config }: RouteOptions): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  // Keyword searches only: an image search's key would hold the whole base64 image.
  const memo = new ResponseMemo(config.responseTtlSeconds, createSecretScrubber(config.secrets));
  routes.get(
    ROUTES.products,
    {
      preValidation: replayByUrl(memo),
      schema: {
        summary: 'Search 1688 products by keyword across the enabled providers, ranked',
        tags: ['search'],
        querystring: SearchParams,
        response: { 200: ProductSearchResponse, ...searchErrorResponses },
      },
    },
    async (request, reply) =>
      replayOrSearch(memo, request, reply, ProductSearchResponse, () =>
        searchProducts(searchDeps(app, config, request, reply, config.ranking.products), request.query),
      ),
  );
  routes.post(
    ROUTES.productsByImage,
    {
      // Room for the largest accepted base64 image plus the other fields; bigger bodies are a 413 problem.
      bodyLimit: config.bodyLimitBytes,
      schema: {
        summary: 'Search 1688 products by image (a public URL or base64), ranked',
        tags: ['search'],
        body: ImageSearchBody,
        response: { 200: ProductSearchResponse, ...searchErrorResponses },
      },
    },
    async (request, reply) =>
      searchProductsByImage(searchDeps(app, config, request, reply, config.ranking.products), request.body),
  );
}
