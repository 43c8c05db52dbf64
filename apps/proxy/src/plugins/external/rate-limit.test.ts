import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/test-app.js';

const A = 'client-token-rate-limit-000a';
const B = 'client-token-rate-limit-000b';
const start = useTestApp();

const as = (token: string) => ({ url: '/v1/providers', headers: { authorization: `Bearer ${token}` } });

describe('client rate limit', () => {
  it('limits each token on its own and answers a 429 problem with Retry-After', async () => {
    const current = await start({ YUANTOU_TOKENS: `${A},${B}`, YUANTOU_RATE_LIMIT_PER_MINUTE: '2' });
    expect((await current.inject(as(A))).statusCode).toBe(200);
    expect((await current.inject(as(A))).statusCode).toBe(200);
    const limited = await current.inject(as(A));
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ status: 429, kind: 'too_many_requests' });
    expect((await current.inject(as(B))).statusCode).toBe(200);
    // Probes are never limited.
    expect((await current.inject('/healthz')).statusCode).toBe(200);
  });

  it('without configured tokens, made-up bearer tokens share their IP bucket instead of getting fresh ones', async () => {
    const current = await start({ YUANTOU_RATE_LIMIT_PER_MINUTE: '2' });
    const statuses = [];
    for (const token of ['made-up-token-1', 'made-up-token-2', 'made-up-token-3']) {
      statuses.push((await current.inject(as(token))).statusCode);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('sets security headers', async () => {
    const current = await start();
    const response = await current.inject('/healthz');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });
});
