import { describe, expect, it } from 'vitest';
import { emptyDir } from '../../test/support/test-app.js';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

// The China leg's destination (the buyer's agent's warehouse) and the providers asked for it (issue 24).

const load = (env: Record<string, string>) => loadConfig({ env, cwd: emptyDir() });
const problemsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('China freight settings', () => {
  it('defaults to Yiwu (浙江, 金华 330700, 义乌 330782) and to the providers that price freight', () => {
    const config = load({});
    expect(config.chinaDestination).toEqual({ province: '浙江', cityCode: '330700', districtCode: '330782' });
    expect(config.freightProviders.map((p) => p.id)).toEqual(['demo']);
  });

  it('reads the province from the env, with or without 省, and drops the default codes of another province', () => {
    expect(load({ YUANTOU_CHINA_FREIGHT_PROVINCE: '广东省' }).chinaDestination).toEqual({ province: '广东' });
    expect(
      load({ YUANTOU_CHINA_FREIGHT_PROVINCE: '广东', YUANTOU_CHINA_FREIGHT_CITY_CODE: '440100' })
        .chinaDestination,
    ).toEqual({ province: '广东', cityCode: '440100' });
  });

  it('orders the freight providers as configured (offer providers first otherwise)', () => {
    const config = load({
      YUANTOU_TMAPI_API_TOKEN: 'token-for-a-config-test',
      YUANTOU_DAJISAAS_APP_KEY: 'key',
      YUANTOU_DAJISAAS_APP_SECRET: 'secret-for-a-config-test',
      YUANTOU_OFFER_PROVIDERS: 'dajisaas,tmapi',
    });
    expect(config.freightProviders.map((p) => p.id)).toEqual(['dajisaas', 'tmapi']);
    const ordered = load({
      YUANTOU_TMAPI_API_TOKEN: 'token-for-a-config-test',
      YUANTOU_CHINA_FREIGHT_PROVIDERS: 'tmapi',
    });
    expect(ordered.freightProviders.map((p) => p.id)).toEqual(['tmapi']);
  });

  it('refuses a place that is no province, a bad code, and a provider that is not enabled, naming the env var', () => {
    expect(problemsOf(() => load({ YUANTOU_CHINA_FREIGHT_PROVINCE: 'Yiwu' }))).toEqual([
      'YUANTOU_CHINA_FREIGHT_PROVINCE: a mainland province such as 浙江 or 广东',
    ]);
    expect(problemsOf(() => load({ YUANTOU_CHINA_FREIGHT_CITY_CODE: '3307' }))[0]).toMatch(
      /^YUANTOU_CHINA_FREIGHT_CITY_CODE: a six-digit/,
    );
    expect(problemsOf(() => load({ YUANTOU_CHINA_FREIGHT_PROVIDERS: 'tmapi' }))).toEqual([
      'YUANTOU_CHINA_FREIGHT_PROVIDERS: tmapi is not enabled (no credentials configured)',
    ]);
  });
});
