import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/test-app.js';
import { createTokenCheck } from './auth.js';

const TOKEN = 'client-token-aaaaaaaaaaaa-0001';
const OTHER = 'client-token-bbbbbbbbbbbb-0002';
const start = useTestApp();

describe('createTokenCheck', () => {
  it('accepts each configured token and nothing else, whatever the length', () => {
    const check = createTokenCheck([TOKEN, OTHER]);
    expect(check(TOKEN)).toBe(true);
    expect(check(OTHER)).toBe(true);
    expect(check(undefined)).toBe(false);
    expect(check('')).toBe(false);
    expect(check(TOKEN.slice(0, -1))).toBe(false);
    expect(check(`${TOKEN}x`)).toBe(false);
    expect(check('x'.repeat(10_000))).toBe(false);
  });
});

describe('bearer auth', () => {
  const search = '/v1/suppliers?q=toy';

  it('answers 401 without a token, with a wrong one, or with another scheme', async () => {
    const current = await start({ YUANTOU_TOKENS: `${TOKEN},${OTHER}` });
    for (const authorization of [undefined, 'Bearer wrong-token-value-000', `Basic ${TOKEN}`, `Bearer`]) {
      const response = await current.inject({ url: search, headers: authorization ? { authorization } : {} });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.json()).toMatchObject({ status: 401, kind: 'unauthorized' });
    }
    expect(current.calls).toEqual([]);
  });

  it('serves a request with any configured token', async () => {
    const current = await start({ YUANTOU_TOKENS: `${TOKEN},${OTHER}` });
    for (const token of [TOKEN, OTHER]) {
      const response = await current.inject({ url: search, headers: { authorization: `Bearer ${token}` } });
      expect(response.statusCode).toBe(200);
    }
  });

  it('never logs the authorization header', async () => {
    const current = await start({ YUANTOU_TOKENS: TOKEN, LOG_LEVEL: 'trace' });
    await current.inject({ url: search, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(current.scan.lines.length).toBeGreaterThan(0);
    expect(current.scan.lines.join('\n')).not.toContain(TOKEN);
  });

  it('needs no token for probes and the API description', async () => {
    const current = await start({ YUANTOU_TOKENS: TOKEN });
    for (const url of ['/healthz', '/readyz', '/openapi.json', '/docs']) {
      const response = await current.inject(url);
      expect(response.statusCode, url).toBeLessThan(400);
    }
  });

  it('protects /metrics (spend, budgets, 401 counts) when tokens are configured (issue 23)', async () => {
    const METRICS = 'metrics-scrape-token-0000-0003';
    const current = await start({ YUANTOU_TOKENS: TOKEN, YUANTOU_METRICS_TOKEN: METRICS });
    const anonymous = await current.inject('/metrics');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ status: 401, kind: 'unauthorized' });
    for (const token of [TOKEN, METRICS]) {
      const scrape = await current.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });
      expect(scrape.statusCode).toBe(200);
      expect(scrape.body).toContain('yuantou_');
    }
    // The scrape token opens /metrics only.
    const search = await current.inject({
      url: '/v1/suppliers?q=toy',
      headers: { authorization: `Bearer ${METRICS}` },
    });
    expect(search.statusCode).toBe(401);
  });

  it('with no tokens (loopback only) /metrics stays open', async () => {
    const current = await start();
    expect((await current.inject('/metrics')).statusCode).toBe(200);
  });

  it('with no tokens (loopback only) serves without authentication', async () => {
    const current = await start();
    expect((await current.inject(search)).statusCode).toBe(200);
  });
});
