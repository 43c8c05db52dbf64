import { ROUTES } from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Health = z.object({ status: z.enum(['ok', 'unavailable']) });

/** Liveness (the process answers) and readiness (its shared store, when configured, is reachable). */
export default async function healthRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    ROUTES.health,
    { schema: { summary: 'Liveness probe', tags: ['operations'], response: { 200: Health } } },
    async () => ({ status: 'ok' as const }),
  );
  routes.get(
    ROUTES.ready,
    {
      schema: {
        summary: 'Readiness probe: 503 while the gateway (Redis, when configured) is not reachable',
        tags: ['operations'],
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const ready = await app.gateway.isReady().catch(() => false);
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable' });
    },
  );
}
