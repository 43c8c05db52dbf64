import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_PRODUCT_WEIGHTS, DEFAULT_SUPPLIER_WEIGHTS, type OperationName } from '@yuantou/core';
import type { GatewayOptions, ProviderSettings } from '../gateway/gateway-contract.js';
import { ConfigError } from './config-error.js';
import { DEFAULTS, ProxyConfigInput } from './config-schema.js';
import { resolveProviders } from './provider-settings.js';
import { mergeSettings, readEnv } from './read-env.js';

export interface ProxyConfig {
  host: string;
  port: number;
  redisUrl?: string;
  logLevel: string;
  tokens: string[];
  corsOrigins: string[];
  /** Only the bundled sample data is served: no real provider is configured. */
  demoMode: boolean;
  /** Enabled providers with their credentials and limits. */
  providers: ProviderSettings[];
  /** Enabled providers with offer details, in the order `/v1/offers` asks them. */
  offerProviders: ProviderSettings[];
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
  /** Keyword translation: LibreTranslate when `url` is set, else the bundled glossary. */
  translate: { url?: string; apiKey?: string; target: string; ttlSeconds: number; timeoutMs: number };
  /** Rates for `currency=`: `fixed` when configured, else `demo` in demo mode, else the ECB feed. */
  fx: { fixedRates?: Record<string, number>; ecbUrl?: string; timeoutMs: number };
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

function readConfigFile(env: Record<string, string | undefined>, cwd: string): unknown {
  const explicit = env.YUANTOU_CONFIG?.trim();
  const path = explicit
    ? isAbsolute(explicit)
      ? explicit
      : resolve(cwd, explicit)
    : resolve(cwd, 'yuantou.config.json');
  if (!existsSync(path)) {
    if (explicit) throw new ConfigError([`YUANTOU_CONFIG: file not found (${path})`]);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // JSON.parse messages quote the text around the error, which may be a credential.
    throw new ConfigError([`${path}: not valid JSON`]);
  }
}

/** The values of each enabled provider's declared `secretFields` (not every credential), tokens and keys. */
function secretsOf(
  providers: ProviderSettings[],
  tokens: string[],
  redisUrl: string | undefined,
  translateApiKey: string | undefined,
): string[] {
  const secrets = new Set(tokens);
  if (translateApiKey) secrets.add(translateApiKey);
  for (const provider of providers) {
    for (const field of provider.adapter.secretFields) {
      const value = provider.credentials[field];
      if (typeof value === 'string' && value.length > 0) secrets.add(value);
    }
  }
  if (redisUrl) {
    const password = new URL(redisUrl).password;
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

/**
 * The providers `/v1/offers` asks, in order: as configured (each must be enabled and have a detail endpoint:
 * naming one that is not is a mistake worth stopping for), else every enabled provider that has one.
 */
function resolveOfferProviders(
  enabled: ProviderSettings[],
  configured: readonly string[] | undefined,
  problems: string[],
): ProviderSettings[] {
  const withDetails = enabled.filter((p) => p.adapter.getOffer !== undefined);
  if (!configured) return withDetails;
  const order: ProviderSettings[] = [];
  for (const id of new Set(configured)) {
    const settings = enabled.find((p) => p.id === id);
    if (!settings) problems.push(`YUANTOU_OFFER_PROVIDERS: ${id} is not enabled (no credentials configured)`);
    else if (!settings.adapter.getOffer) problems.push(`YUANTOU_OFFER_PROVIDERS: ${id} has no offer details`);
    else order.push(settings);
  }
  return order;
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
  const tokens = input.tokens ?? [];
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
  const ttlSeconds = { ...searchTtlSeconds, getOffer: cache.offerTtlSeconds, getSupplier: 86_400 };
  return {
    host,
    port: input.port ?? DEFAULTS.port,
    redisUrl: input.redisUrl,
    logLevel: input.logLevel ?? DEFAULTS.logLevel,
    tokens,
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
    translate: { ...DEFAULTS.translate, ...input.translate },
    fx: {
      fixedRates: input.fx?.rates,
      ecbUrl: input.fx?.ecbUrl,
      timeoutMs: input.fx?.timeoutMs ?? DEFAULTS.fx.timeoutMs,
    },
    secrets: secretsOf(enabled, tokens, input.redisUrl, input.translate?.apiKey),
  };
}
