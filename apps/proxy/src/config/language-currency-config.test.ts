import { describe, expect, it } from 'vitest';
import { emptyDir } from '../../test/support/test-app.js';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const load = (env: Record<string, string | undefined>) => loadConfig({ env, cwd: emptyDir() });

describe('translation and exchange-rate settings', () => {
  it('default to the glossary, a day of caching, and no fixed rates', () => {
    const config = load({});
    expect(config.translate).toEqual({ target: 'zh', ttlSeconds: 86_400, timeoutMs: 5_000 });
    expect(config.fx.fixedRates).toBeUndefined();
  });

  it('read YUANTOU_TRANSLATE_* and keep the API key among the secrets', () => {
    const config = load({
      YUANTOU_TRANSLATE_URL: 'http://127.0.0.1:5000',
      YUANTOU_TRANSLATE_API_KEY: 'libre-key-never-logged-77',
      YUANTOU_TRANSLATE_TARGET: 'zh-Hans',
    });
    expect(config.translate).toMatchObject({ url: 'http://127.0.0.1:5000', target: 'zh-Hans' });
    expect(config.secrets).toContain('libre-key-never-logged-77');
  });

  it('read YUANTOU_FX_RATES as CNY per unit', () => {
    const config = load({
      YUANTOU_FX_RATES: 'USD:7.12, eur:7.74',
      YUANTOU_FX_ECB_URL: 'http://127.0.0.1:9/x.xml',
    });
    expect(config.fx).toMatchObject({
      fixedRates: { USD: 7.12, EUR: 7.74 },
      ecbUrl: 'http://127.0.0.1:9/x.xml',
    });
  });

  it('name a bad rate or URL', () => {
    const bad: Record<string, string>[] = [
      { YUANTOU_FX_RATES: 'USD:abc' },
      { YUANTOU_FX_RATES: 'DOLLAR:7' },
      // Issue 23: rates no currency has, that turn every converted amount into Infinity or 0 (a 500).
      { YUANTOU_FX_RATES: 'USD:1e-320' },
      { YUANTOU_FX_RATES: 'USD:1e308' },
      { YUANTOU_TRANSLATE_URL: 'ftp://x' },
    ];
    for (const env of bad) {
      let error: unknown;
      try {
        load(env);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join(' ')).toMatch(/fx\.rates|translate\.url/);
    }
  });
});
