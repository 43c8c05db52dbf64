import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Security headers chosen by `helmet`. Without CSP nonces they are the same for every response, so helmet runs
 * once at start-up and each reply gets the resulting headers in one call. (`@fastify/helmet` re-creates helmet
 * and re-parses its CSP on every request, which cost a cache-hit search more than its serialisation — see
 * `pnpm bench`.)
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({
    // The add-in runs on another origin and reads our JSON through CORS.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  })({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return headers;
}

async function helmetPlugin(app: FastifyInstance): Promise<void> {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

export default fp(helmetPlugin, { name: 'helmet' });
