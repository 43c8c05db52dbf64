import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { Registry } from 'prom-client';
import { clientErrorHandler } from './client-error.js';
import type { ProxyConfig } from './config/load-config.js';
import type { GatewayHooks } from './gateway/create-provider-gateway.js';
import type { ProviderGateway } from './gateway/gateway-contract.js';
import { createLogger } from './logger.js';
import auth from './plugins/app/auth.js';
import gateway from './plugins/app/gateway.js';
import localization from './plugins/app/localization.js';
import metrics from './plugins/app/metrics.js';
import problemHandler from './plugins/app/problem-handler.js';
import redis from './plugins/app/redis.js';
import requestGuards from './plugins/app/request-guards.js';
import secretScrub from './plugins/app/secret-scrub.js';
import cors from './plugins/external/cors.js';
import helmet from './plugins/external/helmet.js';
import rateLimit from './plugins/external/rate-limit.js';
import swagger from './plugins/external/swagger.js';
import healthRoutes from './routes/health.js';
import offersRoutes from './routes/v1/offers.js';
import productsRoutes from './routes/v1/products.js';
import providersRoutes from './routes/v1/providers.js';
import supplierDetailRoutes from './routes/v1/supplier-detail.js';
import suppliersRoutes from './routes/v1/suppliers.js';
import usageRoutes from './routes/v1/usage.js';

export const DEMO_MODE_MESSAGE =
  'demo mode: serving bundled sample data (no provider credentials configured)';

export interface AppDeps {
  /** Wraps the gateway built from config, e.g. to count calls in tests. */
  wrapGateway?: (gateway: ProviderGateway) => ProviderGateway;
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: DestinationStream;
  registry?: Registry;
  /** Serve https with this certificate (server.ts reads it: HTTPS_CERT/HTTPS_KEY or PROXY_HTTPS=1). */
  https?: { cert: Buffer; key: Buffer };
  /** Test seams for the gateway (single-flight lease length, Redis key prefix). */
  gatewayHooks?: GatewayHooks;
}

/** Builds the proxy without listening: server.ts listens, tests call `inject`. */
export async function buildApp(config: ProxyConfig, deps: AppDeps = {}): Promise<FastifyInstance> {
  const logger = createLogger({ level: config.logLevel, secrets: config.secrets, stream: deps.logStream });
  if (config.demoMode) logger.warn(DEMO_MODE_MESSAGE);

  const app = Fastify({
    // Typed as Fastify's base logger so the app keeps Fastify's default generics.
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    // Search routes answer in one piece; a slow upstream is bounded by the gateway's own timeouts.
    requestTimeout: 120_000,
    trustProxy: false,
    // Requests Node's HTTP parser rejects (raw UTF-8 in the URL) get a problem body saying how to encode.
    clientErrorHandler,
    // Fastify types an https server differently; the app's routes and hooks are the same either way.
    ...((deps.https ? { https: { cert: deps.https.cert, key: deps.https.key } } : {}) as object),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Swagger first: it documents the routes registered after it, /metrics included.
  await app.register(swagger);
  await app.register(problemHandler);
  await app.register(secretScrub, { secrets: config.secrets });
  await app.register(metrics, { registry: deps.registry ?? new Registry() });
  await app.register(redis, { url: config.redisUrl, commandTimeoutMs: config.redisCommandTimeoutMs });
  await app.register(helmet);
  await app.register(requestGuards);
  await app.register(cors, { origins: config.corsOrigins });
  await app.register(rateLimit, {
    requestsPerMinute: config.rateLimit.requestsPerMinute,
    tokens: config.tokens,
    redis: app.redis,
  });
  await app.register(auth, { tokens: config.tokens });
  await app.register(gateway, { config, wrapGateway: deps.wrapGateway, hooks: deps.gatewayHooks });
  await app.register(localization, { config });

  await app.register(healthRoutes);
  await app.register(providersRoutes, { config });
  await app.register(suppliersRoutes, { config });
  await app.register(supplierDetailRoutes, { config });
  await app.register(productsRoutes, { config });
  await app.register(offersRoutes, { config });
  await app.register(usageRoutes);
  return app;
}
