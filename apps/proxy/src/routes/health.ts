import { ROUTES } from '@yuantou/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Health = z.object({ status: z.enum(['ok', 'unavailable']) });
const Readiness = Health.extend({
  /** `degraded` while Redis is unreachable: this instance serves from its own cache, counts and limits. */
  redis: z.enum(['ok', 'degraded', 'off']),
  /**
   * The answer database: `degraded` while it fails (unreachable, disk full) — searches are then served as without
   * it, from the caches and providers — with `storeDetail` saying what failed; `off` with YUANTOU_STORE=off.
   */
  store: z.enum(['ok', 'degraded', 'off']),
  storeDetail: z.string().optional(),
});

/**
 * Liveness (the process answers) and readiness. A Redis outage does not make an instance unready: everything
 * that uses Redis falls back to local behaviour, and taking every instance out of rotation at once would turn
 * a degraded service into no service.
 */
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
        summary:
          'Readiness probe: 200 while the proxy can serve; `redis: degraded` while Redis is unreachable, `store: degraded` (with `storeDetail`) while the answer database fails',
        tags: ['operations'],
        response: { 200: Readiness },
      },
    },
    async () => ({ status: 'ok' as const, ...(await app.gateway.health()), ...app.answerStore.health() }),
  );
}
