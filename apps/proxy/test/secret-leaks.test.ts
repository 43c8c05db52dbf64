import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, closedPort, type TestApp } from './support/test-app.js';

// Fake credentials for every real provider, pointed at hosts that fail: one closed port, and one server that
// answers errors quoting the full request (URL, headers, body) back — as a careless upstream might. Neither
// response bodies nor log lines may ever contain a configured secret.

// The declared secrets of every real provider (each adapter's `secretFields`), and the identifiers beside them
// that travel in the clear on every call (an app key, an access key, a user id) and are not scrubbed.
const SECRETS = {
  YUANTOU_TMAPI_API_TOKEN: 'fake-tmapi-token-7f3a9c',
  YUANTOU_ALIBABA_APP_SECRET: 'fake-alibaba-secret-e7d4',
  YUANTOU_ALIBABA_ACCESS_TOKEN: 'fake-alibaba-token-2c9e41',
  YUANTOU_DAJISAAS_APP_SECRET: 'fake-daji-secret-9b20ff',
  YUANTOU_PANDAPON_SECRET: 'fake-panda-secret-88e2',
};
const IDENTIFIERS = {
  YUANTOU_ALIBABA_APP_KEY: 'fake-alibaba-key-51be02',
  YUANTOU_DAJISAAS_APP_KEY: 'fake-daji-key-33c1aa',
  YUANTOU_PANDAPON_ACCESS_KEY: 'fake-panda-access-0c1d',
  YUANTOU_PANDAPON_USER_ID: 'fake-panda-user-4411aa',
};
const TOKEN = 'fake-client-token-a1b2c3d4';

let echo: Server;
let echoUrl: string;
const apps: TestApp[] = [];

beforeAll(async () => {
  echo = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const quoted = `${request.url} ${JSON.stringify(request.headers)} ${body}`;
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ code: 500, msg: quoted, message: quoted, error_message: quoted }));
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of apps) await t.app.close();
  await new Promise((resolve) => echo.close(resolve));
});

function envFor(baseUrl: string): Record<string, string> {
  const env: Record<string, string> = {
    ...SECRETS,
    ...IDENTIFIERS,
    YUANTOU_TOKENS: TOKEN,
    YUANTOU_DEMO: 'true',
    LOG_LEVEL: 'trace',
    // Landed costs ask the failing providers for the China leg (demo still serves the offer): their errors end
    // up in `warnings`.
    YUANTOU_CHINA_FREIGHT_PROVIDERS: 'tmapi,alibaba,dajisaas',
  };
  for (const provider of ['TMAPI', 'ALIBABA', 'DAJISAAS', 'PANDAPON'])
    env[`YUANTOU_${provider}_BASE_URL`] = baseUrl;
  return env;
}

const requests = [
  { method: 'GET' as const, url: '/v1/suppliers?q=toy' },
  { method: 'GET' as const, url: '/v1/suppliers?q=toy&provider=tmapi' },
  { method: 'GET' as const, url: '/v1/products?q=toy' },
  { method: 'GET' as const, url: '/v1/products?q=toy&provider=alibaba,dajisaas,pandapon' },
  {
    method: 'POST' as const,
    url: '/v1/products/by-image',
    payload: { imageUrl: 'https://cbu01.alicdn.com/a.jpg' },
  },
  {
    method: 'POST' as const,
    url: '/v1/products/by-image',
    payload: { imageUrl: 'https://cbu01.alicdn.com/a.jpg', provider: ['pandapon', 'dajisaas'] },
  },
  { method: 'GET' as const, url: '/v1/providers' },
  {
    method: 'POST' as const,
    url: '/v1/landed-cost',
    payload: { ref: '763897068147', quantity: 100, freight: { method: 'air', perKg: 5, currency: 'CNY' } },
  },
  {
    method: 'POST' as const,
    url: '/v1/landed-cost/batch',
    payload: {
      refs: ['763897068147', '612345678901'],
      quantity: 10,
      freight: { method: 'sea', perCbm: 100, currency: 'CNY' },
    },
  },
  { method: 'GET' as const, url: '/metrics' },
  // Offers spread over the failing providers, answered as JSON and streamed (NDJSON lines are not string bodies
  // to the app's scrub hook: the route scrubs each line, offers-stream.test.ts shows it alone).
  {
    method: 'POST' as const,
    url: '/v1/offers',
    payload: { refs: ['612345678901', '612345678902', '612345678903'] },
  },
  {
    method: 'POST' as const,
    url: '/v1/offers',
    payload: { refs: ['612345678904', '612345678905', '612345678906'] },
    headers: { accept: 'application/x-ndjson' },
  },
];

describe.each([
  ['a closed port', async () => `http://127.0.0.1:${await closedPort()}`],
  ['an upstream that quotes the request back', async () => echoUrl],
])('secrets with providers behind %s', (_name, baseUrl) => {
  it('never appear in a response body or a log line', async () => {
    const t = await buildTestApp(envFor(await baseUrl()));
    apps.push(t);
    for (const secret of [...Object.values(SECRETS), TOKEN]) expect(t.config.secrets).toContain(secret);
    for (const identifier of Object.values(IDENTIFIERS)) expect(t.config.secrets).not.toContain(identifier);
    for (const request of requests) {
      const headers = { ...('headers' in request ? request.headers : {}), authorization: `Bearer ${TOKEN}` };
      const response = await t.inject({ ...request, headers });
      expect(response.statusCode, `${request.method} ${request.url}`).toBeLessThan(500 + 5);
    }
    // The error paths really ran: some provider reported an error.
    expect(t.scan.bodies.some((body) => body.includes('"outcome":"error"'))).toBe(true);
    // The China-leg estimates failed at every provider and said so.
    expect(t.scan.bodies.some((body) => body.includes('no China freight estimate (tmapi: '))).toBe(true);
    // The streamed offers carried provider errors too.
    expect(
      t.scan.bodies.some((body) => body.includes('"type":"result"') && body.includes('"outcome":"error"')),
    ).toBe(true);
    expect(t.scan.leaks()).toEqual([]);
  });
});
