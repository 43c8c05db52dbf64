import { tmpdir } from 'node:os';
import { ROUTES } from '@yuantou/core';
import { type FakeServer, startAlibabaFake, startOneboundFake } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { type RunningProxy, TEST_CIRCUIT, TEST_RETRY, useFakesAndProxy } from './proxy-harness.js';

// The provider layer seen from the proxy's clients: declared secrets only are scrubbed (ids containing a numeric
// appKey come back intact) and a secret echoed by an upstream in any encoding never reaches a body or a log. The
// official platform's two-step image search (upload, then search) is in photo-search.test.ts.

// Two tests need a fake with credentials of their own (started here, closed after the proxy); the image search
// runs on the file's shared fakes.
let fake: FakeServer | undefined;
const suite = useFakesAndProxy({
  afterClose: async () => {
    await fake?.close();
    fake = undefined;
  },
});

async function proxyFor(env: Record<string, string>): Promise<RunningProxy> {
  const config = loadConfig({
    env: {
      ...env,
      YUANTOU_DEMO: 'false',
      LOG_LEVEL: 'debug',
      YUANTOU_RATE_LIMIT_PER_MINUTE: '100000',
      YUANTOU_STORE: 'off',
    },
    cwd: tmpdir(),
  });
  return suite.start({ ...config, retry: TEST_RETRY, circuit: TEST_CIRCUIT });
}

/** Every spelling a secret may take: raw, URL-encoded three ways, JSON-escaped. */
function spellings(secret: string): string[] {
  const strict = encodeURIComponent(secret).replace(
    /[!'()*~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return [
    secret,
    encodeURIComponent(secret),
    strict,
    strict.replace(/%20/g, '+').replace(/%7E/g, '~'),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ];
}

describe('the provider layer through the proxy', () => {
  it('returns product ids intact when the numeric appKey (an identifier, not a secret) occurs inside them', async () => {
    // Every id the fake serves is 62874519032x: the app key 87451903 sits inside each of them.
    const appKey = '87451903';
    fake = await startAlibabaFake({
      appKey,
      appSecret: 'alibaba-secret-value-77',
      accessToken: 'alibaba-token-value-88',
    });
    const proxy = await proxyFor({
      YUANTOU_ALIBABA_APP_KEY: appKey,
      YUANTOU_ALIBABA_APP_SECRET: 'alibaba-secret-value-77',
      YUANTOU_ALIBABA_ACCESS_TOKEN: 'alibaba-token-value-88',
      YUANTOU_ALIBABA_BASE_URL: fake.credentials.baseUrl!,
    });
    expect(proxy.config.secrets).not.toContain(appKey);
    const answer = await proxy.get(`${ROUTES.products}?q=T恤&provider=alibaba&pageSize=5`);
    expect(answer.status).toBe(200);
    const ids = answer.body.items.map((item: { id: string }) => item.id);
    expect(ids.length).toBe(5);
    for (const id of ids) expect(id).toMatch(/^62874519032\d$/);
    expect(proxy.bodies.join('\n')).not.toContain('[redacted]');
  });

  it('never lets a secret with !()~* and a space, echoed back by the upstream, reach a body or a log line', async () => {
    // Onebound's `key` and `secret` are both declared secrets and travel in the query string.
    const key = 'k!(e)~* y-1';
    const secret = 's!ec(ret)~* 2';
    fake = await startOneboundFake({ key, secret });
    fake.setMode({ kind: 'echo' });
    const proxy = await proxyFor({
      YUANTOU_ONEBOUND_KEY: key,
      YUANTOU_ONEBOUND_SECRET: secret,
      YUANTOU_ONEBOUND_BASE_URL: fake.url,
    });
    const answer = await proxy.get(`${ROUTES.products}?q=${encodeURIComponent('杯子')}&provider=onebound`);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    // The upstream really echoed the key back, and the proxy passed the provider's text on — scrubbed.
    expect(fake.calls.count()).toBeGreaterThan(0);
    const texts = [...proxy.bodies, ...proxy.logLines];
    expect(texts.join('\n')).toContain('[redacted]');
    for (const spelling of [...spellings(key), ...spellings(secret)])
      for (const text of texts) expect(text).not.toContain(spelling);
  });
});
