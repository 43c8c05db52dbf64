import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Only the add-in's origins (dev server and production host) may call the API from a browser. */
async function corsPlugin(app: FastifyInstance, options: { origins: string[] }): Promise<void> {
  const allowed = new Set(options.origins);
  // Private Network Access: an https add-in page calling this loopback proxy made older Chromium send
  // `Access-Control-Request-Private-Network: true` on the preflight. "The old Private Network Access
  // preflight was never enforced; answering it is harmless" — so allowed origins get the matching
  // `Access-Control-Allow-Private-Network: true`, others nothing. (Its successor, Local Network Access in
  // Chrome 142+/Edge 143+, is a user permission prompt, not a header: see the add-in README.) Registered
  // before @fastify/cors, whose onRequest hook answers the preflight with the headers set so far.
  app.addHook('onRequest', (request, reply, done) => {
    const origin = request.headers.origin;
    if (
      request.method === 'OPTIONS' &&
      request.headers['access-control-request-private-network'] === 'true' &&
      origin !== undefined &&
      allowed.has(origin)
    ) {
      reply.header('access-control-allow-private-network', 'true');
    }
    done();
  });
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type'],
    exposedHeaders: ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    maxAge: 600,
  });
}

export default fp(corsPlugin, { name: 'cors' });
