import { Problem, ROUTES, UsageResponse } from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { utcDay } from '../../upstream/usage-ledger.js';

/** What the sheet is spending: per provider, paid calls and cache hits today, budget, quota, exhaustion. */
export default async function usageRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    ROUTES.usage,
    {
      schema: {
        summary:
          'Paid calls, budgets, cache hits and quotas per provider today (UTC), across proxy instances',
        tags: ['operations'],
        response: { 200: UsageResponse, 401: Problem, 429: Problem },
      },
    },
    async (request) => {
      const [providers, buyer] = await Promise.all([app.gateway.usage(), app.buyerUsage(request)]);
      const teamCallsToday = providers.reduce((sum, p) => sum + p.callsToday, 0);
      return { day: utcDay(Date.now()), providers, teamCallsToday, ...(buyer ? { buyer } : {}) };
    },
  );
}
