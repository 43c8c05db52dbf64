import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { watchRedisOutage } from '../../gateway/redis-outage-watch.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's one Redis client (cache, single-flight leases, limits, usage), or undefined without REDIS_URL. */
    redis: Redis | undefined;
    /** Where every Redis use reports a failure (the one outage watch), or undefined without REDIS_URL. */
    redisOutage: ((error: unknown) => void) | undefined;
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
    app.decorate('redisOutage', undefined);
    return;
  }
  const redis = createRedisClient(options.url, options.commandTimeoutMs);
  // The process's one outage watch, listening before the first connect: the gateway's stores report to it too.
  app.decorate('redisOutage', watchRedisOutage(redis, app.log as unknown as Logger));
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
