import type { ProviderId } from '@yuantou/core';

/** `apiToken` → `API_TOKEN`, `userId` → `USER_ID`, `baseUrl` → `BASE_URL`. */
export function upperSnake(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** The env var that carries one provider setting, e.g. `YUANTOU_TMAPI_API_TOKEN`. */
export function providerEnvName(provider: ProviderId, field: string): string {
  return `YUANTOU_${provider.toUpperCase()}_${upperSnake(field)}`;
}

/** Settings read from plain (non-provider) env vars, and where they go in the config. */
export const GLOBAL_ENV = {
  HOST: 'host',
  PORT: 'port',
  REDIS_URL: 'redisUrl',
  REDIS_SENTINELS: 'redisSentinels',
  REDIS_SENTINEL_NAME: 'redisSentinelName',
  REDIS_CLUSTER_NODES: 'redisClusterNodes',
  REDIS_PASSWORD: 'redisPassword',
  LOG_LEVEL: 'logLevel',
  YUANTOU_TOKENS: 'tokens',
  YUANTOU_TOKEN_DAILY_CALLS: 'tokenDailyCalls',
  YUANTOU_METRICS_TOKEN: 'metricsToken',
  YUANTOU_REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  YUANTOU_CORS_ORIGINS: 'corsOrigins',
  YUANTOU_PUBLIC_ORIGIN: 'publicOrigin',
  YUANTOU_DEMO: 'demo',
  YUANTOU_SERVE_ADDIN: 'serveAddin',
  YUANTOU_ADDIN_DIR: 'addinDir',
  YUANTOU_RATE_LIMIT_PER_MINUTE: 'rateLimit.requestsPerMinute',
  YUANTOU_OFFER_PROVIDERS: 'offers.providers',
  YUANTOU_OFFER_TTL_SECONDS: 'cache.offerTtlSeconds',
  YUANTOU_FREIGHT_TTL_SECONDS: 'cache.freightTtlSeconds',
  YUANTOU_CHINA_FREIGHT_PROVINCE: 'chinaFreight.province',
  YUANTOU_CHINA_FREIGHT_CITY_CODE: 'chinaFreight.cityCode',
  YUANTOU_CHINA_FREIGHT_DISTRICT_CODE: 'chinaFreight.districtCode',
  YUANTOU_CHINA_FREIGHT_PROVIDERS: 'chinaFreight.providers',
  YUANTOU_OFFER_NOT_FOUND_TTL_SECONDS: 'offers.notFoundTtlSeconds',
  YUANTOU_OFFER_NOT_FOUND_PROVIDERS: 'offers.notFoundProviders',
  YUANTOU_OFFER_BATCH_DEADLINE_MS: 'offers.batchDeadlineMs',
  YUANTOU_DEADLINE_MS: 'deadlineMs',
  YUANTOU_QUOTA_COOL_DOWN_SECONDS: 'quotaCoolDownSeconds',
  YUANTOU_CACHE_MAX_BYTES: 'cache.maxBytes',
  YUANTOU_REDIS_COMMAND_TIMEOUT_MS: 'redisCommandTimeoutMs',
  YUANTOU_UPSTREAM_MAX_BODY_BYTES: 'upstreamMaxBodyBytes',
  YUANTOU_TRANSLATE_URL: 'translate.url',
  YUANTOU_TRANSLATE_API_KEY: 'translate.apiKey',
  YUANTOU_TRANSLATE_TARGET: 'translate.target',
  YUANTOU_FX_RATES: 'fx.rates',
  YUANTOU_FX_ECB_URL: 'fx.ecbUrl',
  YUANTOU_STORE: 'store.enabled',
  YUANTOU_DATA_DIR: 'store.dataDir',
  DATABASE_URL: 'store.databaseUrl',
  YUANTOU_SNAPSHOT_RETENTION_DAYS: 'store.snapshotRetentionDays',
  YUANTOU_WATCH_OFFERS: 'watch.offers',
  YUANTOU_WATCH_AT: 'watch.dailyAt',
  YUANTOU_WATCH_BUDGET_SHARE: 'watch.budgetShare',
} as const;

export const LIST_SETTINGS = new Set<string>([
  'tokens',
  'corsOrigins',
  'offers.providers',
  'redisSentinels',
  'redisClusterNodes',
  'chinaFreight.providers',
  'watch.offers',
]);
export const BOOLEAN_SETTINGS = new Set<string>(['demo', 'serveAddin', 'store.enabled']);
