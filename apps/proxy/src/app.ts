import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { Registry } from 'prom-client';
import { clientErrorHandler } from './client-error.js';
import { everyCapabilityLeftOut } from './config/capabilities.js';
import type { ProxyConfig } from './config/load-config.js';
import { redisTargetOf } from './config/redis-config.js';
import type { GatewayHooks } from './gateway/create-provider-gateway.js';
import type { ProviderGateway } from './gateway/gateway-contract.js';
import { createLogger } from './logger.js';
import addin from './plugins/app/addin.js';
import answerStore from './plugins/app/answer-store.js';
import auth from './plugins/app/auth.js';
import buyers from './plugins/app/buyers.js';
import gateway from './plugins/app/gateway.js';
import localization from './plugins/app/localization.js';
import metrics from './plugins/app/metrics.js';
import problemHandler, { frameworkProblem } from './plugins/app/problem-handler.js';
import redis from './plugins/app/redis.js';
import requestGuards from './plugins/app/request-guards.js';
import secretScrub from './plugins/app/secret-scrub.js';
import watchList from './plugins/app/watch-list.js';
import cors from './plugins/external/cors.js';
import helmet from './plugins/external/helmet.js';
import rateLimit from './plugins/external/rate-limit.js';
import swagger from './plugins/external/swagger.js';
import { sendProblem } from './problem.js';
import healthRoutes from './routes/health.js';
import { createSharedOfferLookup } from './routes/offer-lookup.js';
import currenciesRoutes from './routes/v1/currencies.js';
import landedCostRoutes from './routes/v1/landed-cost.js';
import offerHistoryRoutes from './routes/v1/offer-history.js';
import offersRoutes from './routes/v1/offers.js';
import productsRoutes from './routes/v1/products.js';
import providersRoutes from './routes/v1/providers.js';
import supplierDetailRoutes from './routes/v1/supplier-detail.js';
import suppliersRoutes from './routes/v1/suppliers.js';
import usageRoutes from './routes/v1/usage.js';

/** 2,000 characters (OfferRef), each at most 9 once URL-encoded. */
const MAX_ENCODED_REF_LENGTH = 2_000 * 9;

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
  const leftOut = everyCapabilityLeftOut(config.providers);
  logger.info(
    { providers: config.providers.map((p) => p.id), capabilitiesLeftOut: leftOut },
    leftOut.length === 0
      ? 'providers configured; together they offer every search, offer details, freight and supplier cards'
      : `providers configured; no configured provider offers: ${leftOut.join(', ')}`,
  );

  const app = Fastify({
    // Typed as Fastify's base logger so the app keeps Fastify's default generics.
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    // Receiving the request only: answers are bounded by the gateway's deadlines. Node checks it every
    // connectionsCheckingInterval (30 s by default) and only until a handler has the request; the body itself is
    // timed by request-guards (issue 23: a body shorter than its Content-Length held the socket 128 s).
    requestTimeout: config.requestTimeoutMs,
    http: { connectionsCheckingInterval: Math.min(1_000, config.requestTimeoutMs) },
    // A pasted link up to 2,000 characters (OfferRef's limit) URL-encodes to up to 18,000 (a Chinese character
    // is 9: %E8%B0%A2); the route's schema, not the router, answers anything longer with a problem naming `ref`.
    routerOptions: { maxParamLength: MAX_ENCODED_REF_LENGTH },
    // Router errors (a malformed %-escape, a parameter past the limit above) answer problem bodies too.
    frameworkErrors: (error, _request, reply) => sendProblem(reply, frameworkProblem(error)),
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
  await app.register(redis, {
    target: redisTargetOf(config),
    commandTimeoutMs: config.redisCommandTimeoutMs,
  });
  await app.register(helmet);
  await app.register(requestGuards, { bodyTimeoutMs: config.requestTimeoutMs });
  await app.register(cors, { origins: config.corsOrigins });
  await app.register(rateLimit, {
    requestsPerMinute: config.rateLimit.requestsPerMinute,
    tokens: config.tokens,
    redis: app.redis,
  });
  await app.register(auth, { tokens: config.tokens, metricsToken: config.metricsToken });
  await app.register(buyers, { buyers: config.buyers });
  await app.register(answerStore, { store: config.store });
  await app.register(gateway, { config, wrapGateway: deps.wrapGateway, hooks: deps.gatewayHooks });
  await app.register(localization, { config });
  await app.register(watchList, { config });

  await app.register(addin, { ...config.addin, publicOrigin: config.publicOrigin });
  await app.register(healthRoutes);
  await app.register(providersRoutes, { config });
  await app.register(suppliersRoutes, { config });
  await app.register(supplierDetailRoutes, { config });
  await app.register(productsRoutes, { config });
  // One dead-link memory and one set of offers in flight for every route that looks offers up.
  const offerLookup = createSharedOfferLookup(app, config, deps.gatewayHooks?.redisKeyPrefix);
  await app.register(offersRoutes, { config, offerLookup });
  await app.register(landedCostRoutes, { config, offerLookup });
  await app.register(offerHistoryRoutes);
  await app.register(usageRoutes);
  await app.register(currenciesRoutes);
  return app;
}
