import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDir } from '../../test/support/test-app.js';
import { ConfigError } from './config-error.js';
import { providerEnvName, upperSnake } from './env-names.js';
import { isLoopbackHost, loadConfig } from './load-config.js';

const TMAPI_TOKEN = 'tmapi-token-do-not-log-1234';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const load = (env: Record<string, string>, cwd = emptyDir()) => loadConfig({ env, cwd });

describe('env names', () => {
  it.each([
    ['apiToken', 'API_TOKEN'],
    ['appSecret', 'APP_SECRET'],
    ['userId', 'USER_ID'],
    ['baseUrl', 'BASE_URL'],
    ['key', 'KEY'],
    ['requestsPerMinute', 'REQUESTS_PER_MINUTE'],
  ])('%s → %s', (field, expected) => {
    expect(upperSnake(field)).toBe(expected);
  });

  it('prefixes YUANTOU_ and the provider id', () => {
    expect(providerEnvName('tmapi', 'apiToken')).toBe('YUANTOU_TMAPI_API_TOKEN');
    expect(providerEnvName('pandapon', 'userId')).toBe('YUANTOU_PANDAPON_USER_ID');
  });
});

describe('loadConfig', () => {
  it('with no credentials serves only demo data on 127.0.0.1:8787 with the documented cache lifetimes', () => {
    const config = load({});
    expect(config.demoMode).toBe(true);
    expect(config.providers.map((p) => p.id)).toEqual(['demo']);
    expect([config.host, config.port]).toEqual(['127.0.0.1', 8787]);
    expect(config.cache.ttlSeconds).toEqual({
      searchSuppliers: 86_400,
      searchProducts: 600,
      searchProductsByImage: 600,
      // Offer details: prices and stock change during the day (issue 13: default 6 h).
      getOffer: 21_600,
      // A seller's freight template rarely changes within a day (issue 24).
      estimateFreight: 86_400,
      // A supplier's registration, badges and catalogue change slowly (issue 25: a day).
      getSupplier: 86_400,
      // A supplier's catalogue carries prices: as a product search.
      searchSupplierOffers: 600,
    });
    expect(config.offerProviders.map((p) => p.id)).toEqual(['demo']);
    expect(config.cache.staleSeconds).toBe(3_600);
    expect(config.rateLimit.requestsPerMinute).toBe(1_000);
    expect(config.corsOrigins).toEqual(['https://localhost:3000', 'http://localhost:3000']);
  });

  it('enables a provider from YUANTOU_<PROVIDER>_<FIELD> and leaves demo off', () => {
    const config = load({
      YUANTOU_TMAPI_API_TOKEN: TMAPI_TOKEN,
      YUANTOU_TMAPI_BASE_URL: 'http://127.0.0.1:9',
    });
    expect(config.demoMode).toBe(false);
    expect(config.providers.map((p) => p.id)).toEqual(['tmapi']);
    expect(config.providers[0]!.credentials).toEqual({
      apiToken: TMAPI_TOKEN,
      baseUrl: 'http://127.0.0.1:9',
    });
    expect(config.secrets).toContain(TMAPI_TOKEN);
    expect(config.secrets).not.toContain('http://127.0.0.1:9');
  });

  it('derives every provider env name from the adapter credential fields', () => {
    const config = load({
      YUANTOU_ALIBABA_APP_KEY: 'alibaba-app-key-1',
      YUANTOU_ALIBABA_APP_SECRET: 'alibaba-app-secret-1',
      YUANTOU_ALIBABA_ACCESS_TOKEN: 'alibaba-access-token-1',
      YUANTOU_PANDAPON_ACCESS_KEY: 'pandapon-access-1',
      YUANTOU_PANDAPON_SECRET: 'pandapon-secret-1',
      YUANTOU_PANDAPON_USER_ID: 'pandapon-user-1',
      YUANTOU_DEMO: 'true',
    });
    expect(config.providers.map((p) => p.id).sort()).toEqual(['alibaba', 'demo', 'pandapon']);
    expect(config.demoMode).toBe(false);
    // Only the adapters' declared secretFields are secrets: identifiers sent in the clear are not.
    expect(config.secrets).toEqual(
      expect.arrayContaining(['alibaba-app-secret-1', 'alibaba-access-token-1', 'pandapon-secret-1']),
    );
    for (const identifier of ['alibaba-app-key-1', 'pandapon-access-1', 'pandapon-user-1'])
      expect(config.secrets).not.toContain(identifier);
  });

  it('refuses the 1688 Open Platform without the user access token, naming its variable and why', () => {
    const error = configError(() =>
      load({
        YUANTOU_ALIBABA_APP_KEY: 'alibaba-app-key-1',
        YUANTOU_ALIBABA_APP_SECRET: 'alibaba-app-secret-1',
      }),
    );
    expect(error.problems).toEqual([
      expect.stringMatching(
        /^YUANTOU_ALIBABA_ACCESS_TOKEN \(providers\.alibaba\.credentials\.accessToken\): missing/,
      ),
    ]);
    expect(error.message).toContain('product.search.keywordQuery');
    expect(error.message).not.toContain('alibaba-app-secret-1');
  });

  it('names the missing field of a partly configured provider, never the value given', () => {
    const error = configError(() => load({ YUANTOU_PANDAPON_ACCESS_KEY: 'pandapon-access-secret-value' }));
    expect(error.message).toContain('YUANTOU_PANDAPON_SECRET');
    expect(error.message).toContain('YUANTOU_PANDAPON_USER_ID');
    expect(error.message).toContain('partially configured');
    expect(error.message).not.toContain('pandapon-access-secret-value');
  });

  it('names each bad value as path: message', () => {
    const error = configError(() =>
      load({ PORT: 'abc', REDIS_URL: 'http://not-redis', YUANTOU_CORS_ORIGINS: 'not a url' }),
    );
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['corsOrigins.0', 'port', 'redisUrl']);
  });

  it('names a bad provider value by its env var', () => {
    const error = configError(() =>
      load({ YUANTOU_TMAPI_API_TOKEN: TMAPI_TOKEN, YUANTOU_TMAPI_BASE_URL: 'not-a-url' }),
    );
    expect(error.message).toContain('YUANTOU_TMAPI_BASE_URL');
    expect(error.message).not.toContain(TMAPI_TOKEN);
  });

  it('refuses a non-loopback host without tokens, and accepts it with tokens', () => {
    const error = configError(() => load({ HOST: '0.0.0.0' }));
    expect(error.message).toMatch(/HOST: 0\.0\.0\.0 is not a loopback address and YUANTOU_TOKENS is empty/);
    const config = load({
      HOST: '0.0.0.0',
      YUANTOU_TOKENS: 'a-long-client-token-0001, a-long-client-token-0002',
    });
    expect(config.tokens).toEqual(['a-long-client-token-0001', 'a-long-client-token-0002']);
    expect(config.secrets).toEqual(expect.arrayContaining(config.tokens));
  });

  it('reads yuantou.config.json from cwd, with env taking precedence field by field', () => {
    const cwd = emptyDir();
    writeFileSync(
      join(cwd, 'yuantou.config.json'),
      JSON.stringify({
        port: 9000,
        host: '127.0.0.2',
        providers: { tmapi: { credentials: { apiToken: 'from-file-token-123' }, timeoutMs: 1234 } },
        cache: { supplierTtlSeconds: 60 },
        ranking: { suppliers: { credit: 2 } },
        publicOrigin: 'https://addin.example.com/taskpane.html',
      }),
    );
    const config = load({ PORT: '9100', YUANTOU_TMAPI_API_TOKEN: 'from-env-token-456' }, cwd);
    expect(config.port).toBe(9100);
    expect(config.host).toBe('127.0.0.2');
    expect(config.providers[0]).toMatchObject({
      id: 'tmapi',
      credentials: { apiToken: 'from-env-token-456' },
      timeoutMs: 1234,
    });
    expect(config.cache.ttlSeconds.searchSuppliers).toBe(60);
    expect(config.ranking.suppliers).toEqual({ credit: 2 });
    expect(config.corsOrigins).toContain('https://addin.example.com');
  });

  it('rejects unknown keys and unparsable files without quoting their text', () => {
    const cwd = emptyDir();
    writeFileSync(join(cwd, 'yuantou.config.json'), JSON.stringify({ prot: 1 }));
    expect(configError(() => load({}, cwd)).message).toMatch(/\(root\): Unrecognized key: "prot"|prot/);
    writeFileSync(
      join(cwd, 'broken.json'),
      '{"providers": {"tmapi": {"credentials": {"apiToken": "leaky-secret-x"',
    );
    const error = configError(() => load({ YUANTOU_CONFIG: 'broken.json' }, cwd));
    expect(error.message).toContain('not valid JSON');
    expect(error.message).not.toContain('leaky-secret-x');
  });

  it('fails when YUANTOU_CONFIG names a missing file', () => {
    expect(configError(() => load({ YUANTOU_CONFIG: 'nope.json' })).message).toContain('YUANTOU_CONFIG');
  });
});

describe('loadConfig: offers', () => {
  it('asks every enabled provider with offer details by default, and reads the order and TTL from env', () => {
    expect(load({}).offerProviders.map((p) => p.id)).toEqual(['demo']);
    const config = load({ YUANTOU_OFFER_PROVIDERS: ' demo ,demo', YUANTOU_OFFER_TTL_SECONDS: '60' });
    expect(config.offerProviders.map((p) => p.id)).toEqual(['demo']);
    expect(config.cache.ttlSeconds.getOffer).toBe(60);
  });

  it('refuses an offer provider that is not enabled, and a name that is no provider', () => {
    const disabled = configError(() => load({ YUANTOU_OFFER_PROVIDERS: 'tmapi,demo' }));
    expect(disabled.problems).toEqual([
      'YUANTOU_OFFER_PROVIDERS: tmapi is not enabled (no credentials configured)',
    ]);
    const unknown = configError(() => load({ YUANTOU_OFFER_PROVIDERS: 'taobao' }));
    expect(unknown.problems[0]).toMatch(/^offers\.providers\.0:/);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['192.168.1.2', false],
    ['::', false],
    ['example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
