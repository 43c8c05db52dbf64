import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import type { ProxyConfig } from '../../config/load-config.js';
import { createProviderGateway, type GatewayHooks } from '../../gateway/create-provider-gateway.js';
import type { ProviderGateway } from '../../gateway/gateway-contract.js';

declare module 'fastify' {
  interface FastifyInstance {
    gateway: ProviderGateway;
  }
}

interface GatewayPluginOptions {
  config: ProxyConfig;
  /** Wraps the gateway built from config (tests count calls through it); the wrapper is closed with the app. */
  wrapGateway?: (gateway: ProviderGateway) => ProviderGateway;
  /** Test seams (lease length, Redis key prefix…). */
  hooks?: GatewayHooks;
}

async function gateway(app: FastifyInstance, options: GatewayPluginOptions): Promise<void> {
  const { config } = options;
  const built = createProviderGateway(
    {
      providers: config.providers,
      cache: config.cache,
      retry: config.retry,
      circuit: config.circuit,
      redis: app.redis,
      onRedisError: app.redisOutage,
      archive: app.answerStore,
      deadlineMs: config.deadlineMs,
      quotaCoolDownMs: config.quotaCoolDownMs,
      secrets: config.secrets,
      maxBodyBytes: config.upstreamMaxBodyBytes,
      // buildApp hands Fastify a pino instance, so its children are pino loggers.
      logger: app.log.child({ module: 'gateway' }) as unknown as Logger,
      registry: app.metricsRegistry,
    },
    options.hooks,
  );
  const instance = options.wrapGateway ? options.wrapGateway(built) : built;
  app.decorate('gateway', instance);
  app.addHook('onClose', async () => instance.close());
}

export default fp(gateway, { name: 'gateway', dependencies: ['metrics', 'redis', 'answer-store'] });
