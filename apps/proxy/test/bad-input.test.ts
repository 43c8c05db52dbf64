import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './support/test-app.js';

// Malformed requests must be answered 4xx with a problem body naming the field, before any provider is
// called (the gateway sees zero calls), and must leave the process able to serve the next good request.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

interface BadRequest {
  request: InjectOptions;
  field?: string;
}

const get = (path: string, query: Record<string, string>, field?: string): BadRequest => ({
  request: { method: 'GET', url: `${path}?${new URLSearchParams(query)}` },
  field,
});
const post = (payload: string | object, field?: string, contentType = 'application/json'): BadRequest => ({
  request: {
    method: 'POST',
    url: '/v1/products/by-image',
    headers: { 'content-type': contentType },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  },
  field,
});

const searchPath = fc.constantFrom('/v1/suppliers', '/v1/products');
const blank = fc.constantFrom('', ' ', '   ', '\t', '\u3000 ');
const keyword = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0);
const badPageSize = fc.oneof(
  fc.constantFrom('0', '10000', 'abc', '-1', '1.5', '101', 'NaN', '1e9'),
  fc.integer({ min: 101, max: 1_000_000 }).map(String),
);
const badProvider = fc.oneof(
  fc.constantFrom('nope', 'TMAPI', 'demo,nope', ',', '1688'),
  fc
    .stringMatching(/^[a-z]{3,12}$/)
    .filter((s) => !['tmapi', 'onebound', 'alibaba', 'dajisaas', 'pandapon', 'demo'].includes(s)),
);
const badSort = fc
  .stringMatching(/^[a-z_]{1,12}$/)
  .filter(
    (s) =>
      !['score', 'default', 'price_asc', 'price_desc', 'sales', 'repurchase', 'credit', 'newest'].includes(s),
  );
const invertedPrices = fc
  .tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }))
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => [Math.max(a, b), Math.min(a, b)] as const);
const badBase64 = fc.oneof(
  fc.constantFrom(
    '!!!!!!!!!!!!!!!!!!!!',
    'abc',
    'data:image/png;base64,****************',
    'AAAA====AAAAAAAAAAAAAAA',
  ),
  fc.string({ minLength: 16, maxLength: 40 }).map((s) => `${s}%$#`),
);

const badRequests: fc.Arbitrary<BadRequest> = fc.oneof(
  fc.tuple(searchPath, blank).map(([path, q]) => get(path, { q }, 'q')),
  searchPath.map((path) => get(path, {}, 'q')),
  fc
    .tuple(searchPath, keyword, badPageSize)
    .map(([path, q, pageSize]) => get(path, { q, pageSize }, 'pageSize')),
  fc
    .tuple(searchPath, keyword, badProvider)
    .map(([path, q, provider]) => get(path, { q, provider }, 'provider')),
  fc.tuple(searchPath, keyword, badSort).map(([path, q, sort]) => get(path, { q, sort }, 'sort')),
  fc
    .tuple(searchPath, keyword, invertedPrices)
    .map(([path, q, [min, max]]) =>
      get(path, { q, priceMin: String(min), priceMax: String(max) }, 'priceMin'),
    ),
  fc
    .tuple(searchPath, fc.integer({ min: 201, max: 20_000 }))
    .map(([path, n]) => get(path, { q: 'x'.repeat(n) }, 'q')),
  fc.tuple(searchPath, keyword).map(([path, q]) => get(path, { q, provider: 'tmapi' }, 'provider')),
  badBase64.map((imageBase64) => post({ imageBase64 }, 'imageBase64')),
  fc
    .constantFrom('ftp://x.example/a.jpg', 'not a url', 'javascript:alert(1)')
    .map((imageUrl) => post({ imageUrl }, 'imageUrl')),
  fc.constant(post({}, 'imageUrl')),
  fc.constant(post({ imageUrl: 'https://a.example/a.jpg', imageBase64: 'A'.repeat(32) }, 'imageUrl')),
  fc.constantFrom('{', '{"imageUrl":', 'null', '[]', '"text"').map((payload) => post(payload)),
  fc
    .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml')
    .map((type) => post('imageUrl=https://a.example/a.jpg', undefined, type)),
  fc.constant(post({ imageBase64: 'A'.repeat(5 * 1024 * 1024 + 16) }, 'body')),
);

describe('bad input', () => {
  it('answers every malformed request with a 4xx problem and calls no provider', async () => {
    const seen: number[] = [];
    await fc.assert(
      fc.asyncProperty(badRequests, async ({ request, field }) => {
        const response = await t.inject(request);
        seen.push(response.statusCode);
        expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const body = response.json();
        expect(body).toMatchObject({
          status: response.statusCode,
          title: expect.any(String),
          detail: expect.any(String),
        });
        if (field !== undefined) expect(body.field).toBe(field);
        expect(response.body).not.toMatch(/\bat \S+:\d+:\d+/);
      }),
      { numRuns: 120 },
    );
    expect(seen.length).toBeGreaterThanOrEqual(50);
    expect(t.calls).toEqual([]);
  });

  it('still serves a good request afterwards', async () => {
    const response = await t.inject('/v1/suppliers?q=%E7%8E%A9%E5%85%B7%E5%8E%82');
    expect(response.statusCode).toBe(200);
    expect(t.calls).toEqual(['demo.searchSuppliers']);
    expect(t.scan.leaks()).toEqual([]);
  });
});
