import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ChinaDestination,
  DEFAULT_PRODUCT_WEIGHTS,
  DEFAULT_SUPPLIER_WEIGHTS,
  type OperationName,
} from '@yuantou/core';
import type { GatewayOptions, ProviderSettings } from '../gateway/gateway-contract.js';
import { parseRedisAddresses, type RedisAddress } from '../redis-client.js';
import type { WatchListSettings } from '../watch/watch-list.js';
import { type BuyerToken, resolveBuyerTokens } from './buyer-tokens.js';
import { ConfigError } from './config-error.js';
import { readConfigFile } from './config-file.js';
import { DEFAULTS, ProxyConfigInput } from './config-schema.js';
import { resolveDestination, resolveFreightProviders, resolveOfferProviders } from './detail-providers.js';
import { resolveProviders } from './provider-settings.js';
import { mergeSettings, readEnv } from './read-env.js';
import { redisProblems } from './redis-config.js';
import { type StoreConfig, storeConfig } from './store-config.js';

export interface ProxyConfig {
  host: string;
  port: number;
  redisUrl?: string;
  /** A Sentinel-watched master instead of REDIS_URL. */
  redisSentinel?: { sentinels: RedisAddress[]; name: string };
  /** A Redis Cluster's seed nodes instead of REDIS_URL. */
  redisClusterNodes?: RedisAddress[];
  /** Password for the Sentinel master or the Cluster nodes. */
  redisPassword?: string;
  logLevel: string;
  tokens: string[];
  /** Each token with its buyer's name and daily paid-call budget (named tokens, issue 28). */
  buyers: BuyerToken[];
  /** Bearer token for `/metrics` besides the client tokens (only asked for when tokens are configured). */
  metricsToken?: string;
  /** How long a client has to send a whole request (ms). */
  requestTimeoutMs: number;
  corsOrigins: string[];
  /** The https origin buyers reach the service at (YUANTOU_PUBLIC_ORIGIN): the served manifest's host. */
  publicOrigin?: string;
  /** Serve the built add-in from `dir` (YUANTOU_SERVE_ADDIN, YUANTOU_ADDIN_DIR). */
  addin: { enabled: boolean; dir: string };
  /** Only the bundled sample data is served: no real provider is configured. */
  demoMode: boolean;
  /** Enabled providers with their credentials and limits. */
  providers: ProviderSettings[];
  /** Enabled providers with offer details, in the order `/v1/offers` asks them. */
  offerProviders: ProviderSettings[];
  /** Enabled providers with a China-leg freight estimate, in the order `/v1/landed-cost` asks them. */
  freightProviders: ProviderSettings[];
  /** Where the China leg ends: the buyer's agent's warehouse (default Yiwu, 浙江). */
  chinaDestination: ChinaDestination;
  /**
   * Dead links: how long a not-found offer is remembered (s, 0 = off), how many providers a walk may try; the
   * deadline of one `POST /v1/offers` batch (ms).
   */
  offers: { notFoundTtlSeconds: number; notFoundProviders: number; batchDeadlineMs: number };
  cache: GatewayOptions['cache'];
  /** Lifetime of a replayed finished answer (seconds); never longer than the shortest provider-cache TTL. */
  responseTtlSeconds: number;
  retry: GatewayOptions['retry'];
  circuit: GatewayOptions['circuit'];
  ranking: { suppliers: Record<string, number>; products: Record<string, number> };
  rateLimit: { requestsPerMinute: number };
  /** One overall deadline per client request (ms). */
  deadlineMs: number;
  /** Pause after a provider's quota answer that names no reset time (ms). */
  quotaCoolDownMs: number;
  redisCommandTimeoutMs: number;
  bodyLimitBytes: number;
  /** Cap of every upstream body (providers, rate feed, translator): a longer one fails its call. */
  upstreamMaxBodyBytes: number;
  /** Keyword translation: LibreTranslate when `url` is set, else the bundled glossary. */
  translate: { url?: string; apiKey?: string; target: string; ttlSeconds: number; timeoutMs: number };
  /** Rates for `currency=`: `fixed` when configured, else `demo` in demo mode, else the ECB feed. */
  fx: { fixedRates?: Record<string, number>; ecbUrl?: string; timeoutMs: number };
  /**
   * The database of what was paid for: `off` (YUANTOU_STORE=off), a team's Postgres (`DATABASE_URL`), or the
   * embedded PGlite in `dataDir` (absolute, created at start).
   */
  store: StoreConfig;
  /** The watch list: offers re-fetched daily (undefined = off, the default). */
  watch?: WatchListSettings;
  /** Every configured secret value (adapters' `secretFields`), for log and body scrubbing and the secret scan. */
  secrets: string[];
}

export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The values of each enabled provider's declared `secretFields` (not every credential), tokens and keys. */
function secretsOf(
  providers: ProviderSettings[],
  tokens: string[],
  redisUrl: string | undefined,
  translateApiKey: string | undefined,
  redisPassword?: string,
  databaseUrl?: string,
): string[] {
  const secrets = new Set(tokens);
  if (redisPassword) secrets.add(redisPassword);
  if (translateApiKey) secrets.add(translateApiKey);
  for (const provider of providers) {
    for (const field of provider.adapter.secretFields) {
      const value = provider.credentials[field];
      if (typeof value === 'string' && value.length > 0) secrets.add(value);
    }
  }
  for (const url of [redisUrl, databaseUrl]) {
    const password = url ? new URL(url).password : '';
    if (password) secrets.add(decodeURIComponent(password));
  }
  return [...secrets];
}

/** Ranking would throw on an unknown weight at request time; say so at start-up instead. */
function unknownWeights(path: string, given: Record<string, number> | undefined, known: object): string[] {
  return Object.keys(given ?? {})
    .filter((name) => !(name in known))
    .map((name) => `${path}.${name}: unknown ranking weight (expected ${Object.keys(known).join(', ')})`);
}

/** The one config loader: optional JSON file, then env on top, validated once; throws ConfigError. */
export function loadConfig(options: LoadConfigOptions = {}): ProxyConfig {
  const env = options.env ?? process.env;
  const merged = mergeSettings(readConfigFile(env, options.cwd ?? process.cwd()), readEnv(env));
  const parsed = ProxyConfigInput.safeParse(merged ?? {});
  if (!parsed.success) throw ConfigError.fromZod(parsed.error);
  const input = parsed.data;

  const { enabled, problems } = resolveProviders(input.providers ?? {}, input.demo);
  const host = input.host ?? DEFAULTS.host;
  const buyers = resolveBuyerTokens(input, problems);
  const tokens = buyers.map((buyer) => buyer.token);
  if (tokens.length === 0 && !isLoopbackHost(host)) {
    problems.push(
      `HOST: ${host} is not a loopback address and YUANTOU_TOKENS is empty — refusing to serve without authentication (set YUANTOU_TOKENS or bind to 127.0.0.1)`,
    );
  }
  problems.push(
    ...unknownWeights('ranking.suppliers', input.ranking?.suppliers, DEFAULT_SUPPLIER_WEIGHTS),
    ...unknownWeights('ranking.products', input.ranking?.products, DEFAULT_PRODUCT_WEIGHTS),
  );
  const offerProviders = resolveOfferProviders(enabled, input.offers?.providers, problems);
  problems.push(...redisProblems(input));
  const freightProviders = resolveFreightProviders(
    enabled,
    offerProviders,
    input.chinaFreight?.providers,
    problems,
  );
  const chinaDestination = resolveDestination(input.chinaFreight, problems);
  if (enabled.length === 0 && problems.length === 0) {
    problems.push(
      'YUANTOU_DEMO: sample data is switched off and no provider has credentials — nothing to serve',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const cache = { ...DEFAULTS.cache, ...input.cache };
  const searchTtlSeconds: Record<OperationName, number> = {
    searchSuppliers: cache.supplierTtlSeconds,
    searchProducts: cache.productTtlSeconds,
    searchProductsByImage: cache.imageTtlSeconds,
  };
  // A supplier's registration, badges and catalogue change slowly: a day (issue 25).
  const ttlSeconds = {
    ...searchTtlSeconds,
    getOffer: cache.offerTtlSeconds,
    estimateFreight: cache.freightTtlSeconds,
    getSupplier: 86_400,
    // A supplier's catalogue carries prices: as long as a product search's answer.
    searchSupplierOffers: cache.productTtlSeconds,
  };
  return {
    host,
    port: input.port ?? DEFAULTS.port,
    redisUrl: input.redisUrl,
    ...(input.redisSentinels && input.redisSentinelName
      ? {
          redisSentinel: {
            sentinels: parseRedisAddresses(input.redisSentinels),
            name: input.redisSentinelName,
          },
        }
      : {}),
    ...(input.redisClusterNodes ? { redisClusterNodes: parseRedisAddresses(input.redisClusterNodes) } : {}),
    ...(input.redisPassword ? { redisPassword: input.redisPassword } : {}),
    logLevel: input.logLevel ?? DEFAULTS.logLevel,
    tokens,
    buyers,
    ...(input.publicOrigin ? { publicOrigin: new URL(input.publicOrigin).origin } : {}),
    addin: {
      enabled: input.serveAddin ?? true,
      dir: input.addinDir
        ? resolve(options.cwd ?? process.cwd(), input.addinDir)
        : fileURLToPath(new URL('../../../excel-addin/dist', import.meta.url)),
    },
    metricsToken: input.metricsToken,
    requestTimeoutMs: input.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    corsOrigins: [
      ...new Set(
        [
          ...(input.corsOrigins ?? DEFAULTS.corsOrigins),
          ...(input.publicOrigin ? [input.publicOrigin] : []),
        ].map((url) => new URL(url).origin),
      ),
    ],
    demoMode: enabled.every((p) => p.id === 'demo'),
    providers: enabled,
    offerProviders,
    freightProviders,
    chinaDestination,
    offers: {
      notFoundTtlSeconds: input.offers?.notFoundTtlSeconds ?? DEFAULTS.offers.notFoundTtlSeconds,
      notFoundProviders: input.offers?.notFoundProviders ?? DEFAULTS.offers.notFoundProviders,
      batchDeadlineMs: input.offers?.batchDeadlineMs ?? DEFAULTS.offers.batchDeadlineMs,
    },
    cache: { ttlSeconds, staleSeconds: cache.staleSeconds, maxBytes: cache.maxBytes },
    responseTtlSeconds: Math.min(cache.responseTtlSeconds, ...Object.values(searchTtlSeconds)),
    retry: { ...DEFAULTS.retry, ...input.retry },
    circuit: { ...DEFAULTS.circuit, ...input.circuit },
    ranking: { suppliers: input.ranking?.suppliers ?? {}, products: input.ranking?.products ?? {} },
    rateLimit: {
      requestsPerMinute: input.rateLimit?.requestsPerMinute ?? DEFAULTS.rateLimit.requestsPerMinute,
    },
    deadlineMs: input.deadlineMs ?? DEFAULTS.deadlineMs,
    quotaCoolDownMs: (input.quotaCoolDownSeconds ?? DEFAULTS.quotaCoolDownSeconds) * 1000,
    redisCommandTimeoutMs: input.redisCommandTimeoutMs ?? DEFAULTS.redisCommandTimeoutMs,
    bodyLimitBytes: DEFAULTS.bodyLimitBytes,
    upstreamMaxBodyBytes: input.upstreamMaxBodyBytes ?? DEFAULTS.upstreamMaxBodyBytes,
    translate: { ...DEFAULTS.translate, ...input.translate },
    fx: {
      fixedRates: input.fx?.rates,
      ecbUrl: input.fx?.ecbUrl,
      timeoutMs: input.fx?.timeoutMs ?? DEFAULTS.fx.timeoutMs,
    },
    store: storeConfig(input.store, options.cwd ?? process.cwd()),
    ...(input.watch?.offers?.length
      ? {
          watch: {
            offerIds: [...new Set(input.watch.offers)],
            dailyAt: input.watch.dailyAt ?? DEFAULTS.watch.dailyAt,
            budgetShare: input.watch.budgetShare ?? DEFAULTS.watch.budgetShare,
          },
        }
      : {}),
    secrets: secretsOf(
      enabled,
      input.metricsToken ? [...tokens, input.metricsToken] : tokens,
      input.redisUrl,
      input.translate?.apiKey,
      input.redisPassword,
      input.store?.databaseUrl,
    ),
  };
}
