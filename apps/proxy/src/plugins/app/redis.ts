import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's one Redis client (cache, single-flight leases, limits, usage), or undefined without REDIS_URL. */
    redis: Redis | undefined;
  }
}

interface RedisPluginOptions {
  url?: string;
  /** How long one command may take before it fails and the caller falls back to local behaviour. */
  commandTimeoutMs: number;
}

/**
 * Every Redis use in the proxy degrades to local behaviour when a command fails, so the client is tuned to fail
 * fast rather than to wait: no offline queue (while disconnected a command fails at once instead of queueing),
 * a short command timeout (a hung Redis costs each request at most that), no per-command retries, and
 * reconnection in the background.
 */
export function createRedisClient(url: string, commandTimeoutMs: number): Redis {
  return new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: (times) => Math.min(times * 100, 1000),
  });
}

async function redisPlugin(app: FastifyInstance, options: RedisPluginOptions): Promise<void> {
  if (!options.url) {
    app.decorate('redis', undefined);
    return;
  }
  const redis = createRedisClient(options.url, options.commandTimeoutMs);
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
  app.decorate('redis', redis);
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
}

export default fp(redisPlugin, { name: 'redis' });
