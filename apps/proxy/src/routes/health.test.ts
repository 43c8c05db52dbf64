import { describe, expect, it } from 'vitest';
import { closedPort, useTestApp } from '../../test/support/test-app.js';

const start = useTestApp();

describe('operations routes', () => {
  it('healthz and readyz answer without a token even when tokens are configured', async () => {
    const current = await start({ YUANTOU_TOKENS: 'client-token-for-health-01' });
    expect((await current.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await current.inject('/readyz');
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ok', redis: 'off', store: 'off' }]);
  });

  it('readyz stays 200 while Redis is unreachable, saying redis: degraded', async () => {
    const current = await start({ REDIS_URL: 'redis://127.0.0.1:9' });
    const ready = await current.inject('/readyz');
    expect([ready.statusCode, ready.json()]).toEqual([
      200,
      { status: 'ok', redis: 'degraded', store: 'off' },
    ]);
  });

  it('an unreachable answer database: readyz 200 with store: degraded and the reason; searches still answer', async () => {
    const current = await start({
      YUANTOU_STORE: 'on',
      DATABASE_URL: `postgres://yuantou:db-secret-pw@127.0.0.1:${await closedPort()}/yuantou`,
    });
    const search = await current.inject('/v1/products?q=%E7%8E%A9%E5%85%B7');
    expect(search.statusCode).toBe(200);
    expect(search.json().providers[0]).toMatchObject({ provider: 'demo', outcome: 'ok' });
    const ready = await current.inject('/readyz');
    expect([ready.statusCode, ready.json()]).toEqual([
      200,
      {
        status: 'ok',
        redis: 'off',
        store: 'degraded',
        storeDetail: 'open failed: ECONNREFUSED connection refused',
      },
    ]);
    expect(JSON.stringify(current.scan.logs())).toMatch(
      /answer database unavailable .*serving from caches only/,
    );
  });

  it('metrics count requests by route template and status', async () => {
    const current = await start();
    await current.inject('/v1/suppliers?q=toy');
    await current.inject('/v1/suppliers?q=');
    const metrics = await current.inject('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(
      /http_requests_total\{method="GET",route="\/v1\/suppliers",status="200"\} 1/,
    );
    expect(metrics.body).toMatch(
      /http_requests_total\{method="GET",route="\/v1\/suppliers",status="400"\} 1/,
    );
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
  });
});
