import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createRedisClient, type RedisClient, type RedisTarget } from '../../redis-client.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's one Redis client (cache, single-flight leases, limits, usage), or undefined without Redis. */
    redis: RedisClient | undefined;
  }
}

interface RedisPluginOptions {
  /** REDIS_URL, REDIS_SENTINELS + REDIS_SENTINEL_NAME, or REDIS_CLUSTER_NODES; undefined: no Redis. */
  target?: RedisTarget;
  /** How long one command may take before it fails and the caller falls back to local behaviour. */
  commandTimeoutMs: number;
}

export { createRedisClient };

async function redisPlugin(app: FastifyInstance, options: RedisPluginOptions): Promise<void> {
  if (!options.target) {
    app.decorate('redis', undefined);
    return;
  }
  const redis = createRedisClient(options.target, options.commandTimeoutMs);
  let down = false;
  // The message and code only: ioredis errors never carry the URL, but nothing here needs more.
  redis.on('error', (error: Error & { code?: string }) => {
    if (down) return;
    down = true;
    app.log.warn({ code: error.code }, 'redis unavailable; serving from this instance until it is back');
  });
  redis.on('ready', () => {
    if (down) app.log.info('redis is back');
    down = false;
  });
  try {
    await redis.connect();
  } catch {
    // Start anyway: everything that uses Redis has a local fallback, and ioredis keeps reconnecting.
  }
  app.decorate<RedisClient | undefined>('redis', redis);
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
}

export default fp(redisPlugin, { name: 'redis' });
