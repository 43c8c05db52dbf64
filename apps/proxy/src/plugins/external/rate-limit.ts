import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { RedisClient } from '../../redis-client.js';
import { bearerToken, createTokenCheck, isMetricsPath, isPublicPath } from '../app/auth.js';
import { fallbackRateLimitStore } from './rate-limit-store.js';

interface RateLimitOptions {
  requestsPerMinute: number;
  tokens: string[];
  /** Shares the counters between proxy instances. */
  redis?: RedisClient;
}

/**
 * Per client: a valid token's hash (never the token itself as a store key), else the IP — so made-up tokens
 * cannot buy fresh buckets. This route-level onRequest hook runs before auth (preParsing), so failed
 * authentications count against their IP's limit.
 */
async function rateLimitPlugin(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  const isValid = createTokenCheck(options.tokens);
  await app.register(rateLimit, {
    max: options.requestsPerMinute,
    timeWindow: 60_000,
    // Shared through Redis; a Redis outage must neither take the API down nor switch the limit off: the store
    // counts locally until Redis is back.
    store: class {
      constructor() {
        // biome-ignore lint/correctness/noConstructorReturn: @fastify/rate-limit instantiates the store class it is given
        return fallbackRateLimitStore(options.redis, 'yuantou:client-rate:');
      }
    } as never,
    allowList: (request) => isPublicPath(request.url) || isMetricsPath(request.url),
    keyGenerator: (request) => {
      const token = bearerToken(request);
      return token && isValid(token)
        ? `token:${createHash('sha256').update(token).digest('hex')}`
        : `ip:${request.ip}`;
    },
  });
}

export default fp(rateLimitPlugin, { name: 'rate-limit' });
