import { CurrenciesResponse, ROUTES } from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { abortOnDisconnect } from '../route-helpers.js';

/**
 * The currencies prices can be converted into, so a client (the pane's settings) can refuse one before any paid
 * search: the ECB lists about 30, not RUB. Reads the same rate table searches use (cached; no extra feed call
 * while it is fresh).
 */
export default async function currenciesRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    ROUTES.currencies,
    {
      schema: {
        summary: 'The currencies the proxy can convert CNY prices into, with the rates’ source and date',
        tags: ['currency'],
        response: { 200: CurrenciesResponse },
      },
    },
    async (_request, reply) => app.fx.list(abortOnDisconnect(reply)),
  );
}
