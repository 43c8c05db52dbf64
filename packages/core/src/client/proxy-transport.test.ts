import { describe, expect, it } from 'vitest';
import { ROUTES } from '../api/routes.js';
import { BASE, failure, setup } from './__fixtures__/client-harness.js';
import {
  FAKE_TOKEN,
  fakeProxy,
  type Handler,
  json,
  problem,
  SAMPLE_SUPPLIER,
} from './__fixtures__/fake-proxy.js';
import { createClient, ProxyRequestError } from './create-client.js';

// The transport every call goes through (proxy-transport.ts), seen through createClient: how it turns the
// proxy's failures, a timeout, the caller's abort and a bad base URL into errors.

const never: Handler = () => new Promise<Response>(() => {});

const emptyPage = {
  items: [],
  page: 1,
  pageSize: 20,
  total: 0,
  hasNext: false,
  providers: [],
  sampleData: false,
};

describe('createClient errors', () => {
  it('turns a 400 problem into a validation error naming the field', async () => {
    const { client } = setup({
      [`GET ${ROUTES.suppliers}`]: () =>
        problem(400, { kind: 'validation', field: 'city', detail: 'city: unknown city' }),
    });
    const error = await failure(client.searchSuppliers({ q: '玩具厂' }));
    expect(error).toMatchObject({
      kind: 'validation',
      status: 400,
      field: 'city',
      message: 'city: unknown city',
    });
    expect(error.retryable).toBe(false);
  });

  it('reports a wrong token as unauthorized, without the token in the message', async () => {
    const proxy = fakeProxy(BASE);
    const client = createClient({ baseUrl: BASE, token: 'wrong-token-123', fetch: proxy.fetch });
    const error = await failure(client.searchProducts({ q: 'cup' }));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(error.message).not.toContain('wrong-token-123');
  });

  it('passes on a 503 with retryAfterSeconds and the providers that failed', async () => {
    const failed = {
      provider: 'tmapi' as const,
      outcome: 'error' as const,
      fromCache: false,
      stale: false,
      durationMs: 20,
      itemCount: 0,
      ignored: [],
      error: {
        provider: 'tmapi',
        kind: 'rate_limited' as const,
        retryable: true,
        status: 503,
        providerCode: '503',
        retryAfterMs: 30_000,
        message: 'TMAPI concurrency limit exceeded',
      },
    };
    const { client } = setup({
      [`GET ${ROUTES.suppliers}`]: () =>
        problem(503, {
          kind: 'rate_limited',
          detail: 'every provider failed: tmapi rate limited',
          retryAfterSeconds: 30,
          providers: [failed],
        }),
    });
    const error = await failure(client.searchSuppliers({ q: '玩具厂' }));
    expect(error).toMatchObject({
      kind: 'rate_limited',
      status: 503,
      retryAfterSeconds: 30,
      retryable: true,
    });
    expect(error.providers).toEqual([failed]);
  });

  it('does not call a spent quota retryable, whatever the status', async () => {
    const { client } = setup({
      [`GET ${ROUTES.products}`]: () =>
        problem(503, { kind: 'quota', detail: 'every provider is out of quota' }),
    });
    const error = await failure(client.searchProducts({ q: 'cup' }));
    expect(error).toMatchObject({ kind: 'quota', status: 503, retryable: false, retryAfterSeconds: null });
  });

  it('reads an error that is not a problem document by its status and Retry-After header', async () => {
    const { client } = setup({
      [`GET ${ROUTES.products}`]: () =>
        new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'retry-after': '12' } }),
    });
    const error = await failure(client.searchProducts({ q: 'cup' }));
    expect(error).toMatchObject({ kind: 'upstream', status: 502, retryAfterSeconds: 12, retryable: true });
    expect(error.message).toBe('the proxy answered HTTP 502: 502 Bad Gateway');
  });

  it('rejects a 200 that is not JSON or not the documented shape as invalid_response', async () => {
    const notJson = setup({ [`GET ${ROUTES.providers}`]: () => new Response('<html>login</html>') });
    const first = await failure(notJson.client.listProviders());
    expect(first).toMatchObject({ kind: 'invalid_response', status: 200 });
    expect(first.message).toContain('not JSON');

    const badScore = { ...emptyPage, items: [{ ...SAMPLE_SUPPLIER, score: 140 }] };
    const wrongShape = setup({ [`GET ${ROUTES.suppliers}`]: () => json(200, badScore) });
    const second = await failure(wrongShape.client.searchSuppliers({ q: '玩具厂' }));
    expect(second).toMatchObject({ kind: 'invalid_response' });
    expect(second.message).toContain('items.0.score');
  });

  it('reports a fetch rejection as unreachable, naming the base URL', async () => {
    const client = createClient({
      baseUrl: 'http://user:secret@localhost:8787',
      token: FAKE_TOKEN,
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    const error = await failure(client.searchSuppliers({ q: '玩具厂' }));
    expect(error).toMatchObject({ kind: 'unreachable', status: null, retryable: true });
    expect(error.message).toContain('http://localhost:8787');
    expect(error.message).not.toContain('secret');
    expect(error.message).not.toContain(FAKE_TOKEN);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('ends a call that outlives timeoutMs with kind timeout', async () => {
    const { client } = setup({ [`GET ${ROUTES.providers}`]: never }, { timeoutMs: 30 });
    const error = await failure(client.listProviders());
    expect(error).toMatchObject({ kind: 'timeout', status: null });
    expect(error.message).toContain('30 ms');
  });
});

describe('createClient abort', () => {
  it("rethrows the caller's abort as the AbortError fetch gave, not a ProxyRequestError", async () => {
    const { client, requests } = setup({ [`GET ${ROUTES.suppliers}`]: never }, { timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = client.searchSuppliers({ q: '玩具厂' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    const error = await pending.catch((e: unknown) => e);
    expect(ProxyRequestError.isInstance(error)).toBe(false);
    expect((error as Error).name).toBe('AbortError');
    expect(requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { client, requests } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(client.listProviders({ signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(requests).toHaveLength(0);
  });
});

describe('ProxyRequestError.isInstance', () => {
  it('recognises the error by its marker, as a second copy of the package would create it', () => {
    const fromOtherCopy = { [Symbol.for('yuantou.ProxyRequestError')]: true, kind: 'internal' };
    expect(ProxyRequestError.isInstance(fromOtherCopy)).toBe(true);
    expect(
      ProxyRequestError.isInstance(new ProxyRequestError({ kind: 'internal', url: BASE, message: 'x' })),
    ).toBe(true);
    expect(ProxyRequestError.isInstance(new Error('x'))).toBe(false);
    expect(ProxyRequestError.isInstance(null)).toBe(false);
  });
});

describe('createClient base URL', () => {
  it.each(['127.0.0.1:8787', 'localhost:8787/yuantou', '/v1', 'ftp://proxy.test', ''])(
    'rejects %j at construction, naming the field and an example',
    (baseUrl) => {
      const make = () => createClient({ baseUrl });
      expect(make).toThrow(ProxyRequestError);
      expect(make).toThrow(expect.objectContaining({ kind: 'validation', field: 'baseUrl', status: null }));
      expect(make).toThrow(/http:\/\/127\.0\.0\.1:8787/);
    },
  );

  it('rejects a non-string from plain JavaScript', () => {
    expect(() => createClient({ baseUrl: undefined as unknown as string })).toThrow(/baseUrl must be/);
  });

  it('never echoes credentials written into the URL', () => {
    expect(() => createClient({ baseUrl: 'user:secret-pass@proxy.test' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-pass') }),
    );
  });
});
