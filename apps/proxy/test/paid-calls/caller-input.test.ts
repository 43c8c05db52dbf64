import { ROUTES } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { smallPhoto } from '../../src/image/__fixtures__/test-photos.js';
import { fakeConfig, startProxy, useFakesAndProxy } from '../e2e/proxy-harness.js';

// Issue 10's table, the rows about what callers send: every one is answered before a single paid call. Counted
// on the fakes' side of real sockets.

const suite = useFakesAndProxy();

const paidCalls = () => Object.values(suite.fakes).reduce((sum, fake) => sum + fake.calls.count(), 0);

describe('caller input that must cost nothing', () => {
  it.each([
    ['%E0%A4%A', 'q'],
    ['%E0%A4%41', 'q'],
    ['%ZZ', 'q'],
    ['%C3%28', 'q'],
    ['%', 'q'],
  ])('malformed percent-encoding q=%s → 400 naming %s, no call', async (raw, field) => {
    suite.proxy = await startProxy(fakeConfig(suite.fakes));
    for (const route of [ROUTES.suppliers, ROUTES.products]) {
      const answer = await suite.proxy.get(`${route}?q=${raw}&provider=tmapi,onebound`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 400, field, kind: 'validation' });
    }
    expect(paidCalls()).toBe(0);
  });

  it('a malformed escape in another field names that field', async () => {
    suite.proxy = await startProxy(fakeConfig(suite.fakes));
    const answer = await suite.proxy.get(`${ROUTES.products}?q=toy&city=%E6%B1%95%E5`);
    expect(answer.body).toMatchObject({ status: 400, field: 'city' });
    expect(paidCalls()).toBe(0);
  });

  it.each(['%00', 'toy%00', '%E7%8E%A9%00%E5%85%B7', '%1B[31m'])(
    'a control character in q (%s) → 400, no call',
    async (q) => {
      suite.proxy = await startProxy(fakeConfig(suite.fakes));
      const answer = await suite.proxy.get(`${ROUTES.suppliers}?q=${q}&provider=tmapi,onebound`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ field: 'q' });
      expect(paidCalls()).toBe(0);
    },
  );

  it.each([
    'http://127.0.0.1/a.jpg',
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://localhost/a.jpg',
    'http://[::1]/a.jpg',
    'http://10.1.2.3/a.jpg',
    'http://192.168.0.1/a.jpg',
    'http://172.16.5.4/a.jpg',
    'https://user:pass@img.alicdn.com/a.jpg',
    `https://img.alicdn.com/${'x'.repeat(2100)}.jpg`,
  ])('imageUrl %s → 400 naming imageUrl, no call', async (imageUrl) => {
    suite.proxy = await startProxy(fakeConfig(suite.fakes));
    const answer = await suite.proxy.post(ROUTES.productsByImage, { imageUrl });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: 400, field: 'imageUrl' });
    expect(paidCalls()).toBe(0);
  });

  it('HEAD of a search route makes no upstream call', async () => {
    suite.proxy = await startProxy(fakeConfig(suite.fakes));
    for (const route of [ROUTES.suppliers, ROUTES.products]) {
      const response = await fetch(`${suite.proxy.url}${route}?q=toy&provider=tmapi`, { method: 'HEAD' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
    }
    expect((await fetch(`${suite.proxy.url}${ROUTES.health}`, { method: 'HEAD' })).status).toBe(200);
    expect(paidCalls()).toBe(0);
  });

  it('a photo sent only to a provider that takes URLs (TMAPI) is the caller’s error: 400, no call', async () => {
    suite.proxy = await startProxy(fakeConfig(suite.fakes));
    const answer = await suite.proxy.post(ROUTES.productsByImage, {
      imageBase64: (await smallPhoto()).toString('base64'),
      provider: 'tmapi',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.kind).toBe('bad_request');
    expect(answer.body.providers.map((p: { provider: string }) => p.provider)).toEqual(['tmapi']);
    expect(paidCalls()).toBe(0);
  });

  it('failed authentication counts against the client’s rate limit', async () => {
    const good = 'a-good-client-token-0001';
    suite.proxy = await startProxy({
      ...fakeConfig(suite.fakes),
      tokens: [good],
      rateLimit: { requestsPerMinute: 20 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await fetch(`${suite.proxy.url}${ROUTES.providers}`, {
        headers: { authorization: `Bearer wrong-token-guess-${i}-xxxxxxxx` },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array.from({ length: 20 }, () => 401));
    expect(statuses.slice(20)).toEqual(Array.from({ length: 10 }, () => 429));
    // The client with the right token has its own bucket.
    const ok = await fetch(`${suite.proxy.url}${ROUTES.providers}`, {
      headers: { authorization: `Bearer ${good}` },
    });
    expect(ok.status).toBe(200);
  });
});
