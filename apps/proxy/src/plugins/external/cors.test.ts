import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/test-app.js';

const start = useTestApp();

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
    const current = await start({ YUANTOU_TOKENS: 'client-token-for-cors-0001' });
    const response = await current.inject(preflight('https://localhost:3000'));
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://localhost:3000');
    expect(String(response.headers['access-control-allow-headers'])).toContain('authorization');
  });

  it('allows the configured production origin', async () => {
    const current = await start({ YUANTOU_PUBLIC_ORIGIN: 'https://addin.example.com' });
    const response = await current.inject(preflight('https://addin.example.com'));
    expect(response.headers['access-control-allow-origin']).toBe('https://addin.example.com');
  });

  it('answers a Private Network Access preflight for allowed origins only', async () => {
    const current = await start();
    const withPna = (origin: string) => {
      const request = preflight(origin);
      return {
        ...request,
        headers: { ...request.headers, 'access-control-request-private-network': 'true' },
      };
    };
    const allowed = await current.inject(withPna('https://localhost:3000'));
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-private-network']).toBe('true');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://localhost:3000');
    const other = await current.inject(withPna('https://evil.example'));
    expect(other.headers['access-control-allow-private-network']).toBeUndefined();
    // Without the request header, nothing extra is said.
    const plain = await current.inject(preflight('https://localhost:3000'));
    expect(plain.headers['access-control-allow-private-network']).toBeUndefined();
  });

  it('does not allow another origin', async () => {
    const current = await start();
    const response = await current.inject(preflight('https://evil.example'));
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const get = await current.inject({
      url: '/v1/suppliers?q=toy',
      headers: { origin: 'https://evil.example' },
    });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });
});
