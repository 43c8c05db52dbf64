import { describe, expect, it } from 'vitest';
import { ROUTES } from '../api/routes.js';
import { FAKE_TOKEN, fakeProxy, json } from './__fixtures__/fake-proxy.js';
import { createClient } from './create-client.js';

const BASE = 'http://proxy.test';

describe('client.currencies', () => {
  it('reads GET /v1/currencies, so a pane can refuse a currency the proxy cannot convert', async () => {
    const answer = { currencies: ['CNY', 'EUR', 'USD'], source: 'ecb', rateDate: '2026-12-04', stale: false };
    const proxy = fakeProxy(BASE, { [`GET ${ROUTES.currencies}`]: () => json(200, answer) });
    const client = createClient({ baseUrl: BASE, token: FAKE_TOKEN, fetch: proxy.fetch });
    const listed = await client.currencies();
    expect(listed).toEqual(answer);
    expect(listed.currencies).not.toContain('RUB');
    expect(proxy.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${BASE}/v1/currencies`]);
  });

  it('rejects an answer that is not a currency list', async () => {
    const proxy = fakeProxy(BASE, { [`GET ${ROUTES.currencies}`]: () => json(200, { currencies: 'EUR' }) });
    const client = createClient({ baseUrl: BASE, token: FAKE_TOKEN, fetch: proxy.fetch });
    await expect(client.currencies()).rejects.toMatchObject({ kind: 'invalid_response' });
  });
});
