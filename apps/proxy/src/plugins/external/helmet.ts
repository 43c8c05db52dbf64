import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Security headers from `helmet`, built once. `@fastify/helmet` rebuilds the helmet middleware (and re-parses
 * its CSP) on every request, which cost a cache-hit search more than its JSON serialisation (see `pnpm bench`).
 */
async function helmetPlugin(app: FastifyInstance): Promise<void> {
  const applySecurityHeaders = helmet({
    // The add-in runs on another origin and reads our JSON through CORS.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    applySecurityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}

export default fp(helmetPlugin, { name: 'helmet' });
