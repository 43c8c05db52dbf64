import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import { Counter, Gauge } from 'prom-client';
import { watchRedisOutage } from '../../gateway/redis-outage-watch.js';
import { createRedisClient, type RedisClient, type RedisTarget } from '../../redis-client.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's one Redis client (cache, single-flight leases, limits, usage), or undefined without Redis. */
    redis: RedisClient | undefined;
    /** Where every Redis use reports a failure (the one outage watch), or undefined without Redis. */
    redisOutage: ((error: unknown) => void) | undefined;
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
    app.decorate('redisOutage', undefined);
    return;
  }
  const redis = createRedisClient(options.target, options.commandTimeoutMs);
  // The process's one outage watch, listening before the first connect: the gateway's stores report to it too.
  app.decorate('redisOutage', watchRedisOutage(redis, app.log as unknown as Logger));
  // For the dashboard and the "Redis down" alert (deploy/monitoring): connection state and errors seen.
  const registers = [app.metricsRegistry];
  new Gauge({
    name: 'yuantou_redis_up',
    help: '1 while this instance has a ready connection to Redis (its master, or every Cluster slot), else 0.',
    registers,
    collect() {
      this.set(redis.status === 'ready' ? 1 : 0);
    },
  });
  const errors = new Counter({
    name: 'yuantou_redis_errors_total',
    help: 'Errors the Redis client reported (connection lost, refused, timed out).',
    registers,
  });
  redis.on('error', () => errors.inc());
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

export default fp(redisPlugin, { name: 'redis', dependencies: ['metrics'] });
