import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';

let current: TestApp | undefined;
afterEach(async () => {
  await current?.app.close();
  current = undefined;
});

const preflight = (origin: string) => ({
  method: 'OPTIONS' as const,
  url: '/v1/suppliers?q=toy',
  headers: {
    origin,
    'access-control-request-method': 'GET',
    'access-control-request-headers': 'authorization',
  },
});

describe('CORS', () => {
  it('allows a preflight from the add-in dev server, even with tokens configured', async () => {
    current = await buildTestApp({ YUANTOU_TOKENS: 'client-token-for-cors-0001' });
    const response = await current.inject(preflight('https://localhost:3000'));
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://localhost:3000');
    expect(String(response.headers['access-control-allow-headers'])).toContain('authorization');
  });

  it('allows the configured production origin', async () => {
    current = await buildTestApp({ YUANTOU_PUBLIC_ORIGIN: 'https://addin.example.com' });
    const response = await current.inject(preflight('https://addin.example.com'));
    expect(response.headers['access-control-allow-origin']).toBe('https://addin.example.com');
  });

  it('does not allow another origin', async () => {
    current = await buildTestApp();
    const response = await current.inject(preflight('https://evil.example'));
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const get = await current.inject({
      url: '/v1/suppliers?q=toy',
      headers: { origin: 'https://evil.example' },
    });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });
});
