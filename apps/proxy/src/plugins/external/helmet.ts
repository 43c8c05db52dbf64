import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

async function helmetPlugin(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    // The add-in runs on another origin and reads our JSON through CORS.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}

export default fp(helmetPlugin, { name: 'helmet' });
