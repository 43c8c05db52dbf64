import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { delay, sendJson, startTestServer, type TestServer } from './__fixtures__/test-server.js';
import { createUpstreamSender, type UpstreamSender } from './upstream-sender.js';

const noRespond = {};
let server: TestServer | undefined;
let sender: UpstreamSender | undefined;

afterEach(async () => {
  await sender?.close();
  await server?.close();
  sender = undefined;
  server = undefined;
});

describe('createUpstreamSender over real sockets', () => {
  it('sends method, headers and body; returns status, text body and lower-cased headers', async () => {
    server = await startTestServer((req, res, { body }) =>
      sendJson(res, 201, { method: req.method, auth: req.headers['x-api-key'], body }, { 'X-Trace': 'abc' }),
    );
    sender = createUpstreamSender({ provider: 'tmapi', adapter: noRespond, timeoutMs: 2000 });
    const response = await sender.send({
      method: 'POST',
      url: `${server.url}/items?x=1`,
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(201);
    expect(JSON.parse(response.body)).toEqual({ method: 'POST', auth: 'k', body: '{"a":1}' });
    expect(response.headers?.['x-trace']).toBe('abc');
  });

  it('turns bytes that are not UTF-8 into U+FFFD instead of failing', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200);
      res.end(Buffer.from([0x61, 0xff, 0xfe, 0x62]));
    });
    sender = createUpstreamSender({ provider: 'tmapi', adapter: noRespond, timeoutMs: 2000 });
    const response = await sender.send({ method: 'GET', url: server.url, headers: {} });
    expect(response.body).toBe('a\uFFFD\uFFFDb');
  });

  it('maps a socket the server destroys to a retryable upstream error', async () => {
    server = await startTestServer((req) => {
      req.socket.destroy();
    });
    sender = createUpstreamSender({ provider: 'tmapi', adapter: noRespond, timeoutMs: 2000 });
    const error = await sender.send({ method: 'GET', url: server.url, headers: {} }).catch((e) => e);
    expect(error).toMatchObject({ name: 'ProviderError', kind: 'upstream', retryable: true });
  });

  it('maps a refused connection to a retryable upstream error', async () => {
    server = await startTestServer(() => {});
    const closedUrl = server.url;
    await server.close();
    server = undefined;
    sender = createUpstreamSender({ provider: 'onebound', adapter: noRespond, timeoutMs: 2000 });
    const error = await sender.send({ method: 'GET', url: closedUrl, headers: {} }).catch((e) => e);
    expect(error).toMatchObject({ kind: 'upstream', retryable: true, providerCode: 'ECONNREFUSED' });
  });

  it('gives up after timeoutMs with kind timeout', async () => {
    server = await startTestServer(async (_req, res) => {
      await delay(1000);
      sendJson(res, 200, {});
    });
    sender = createUpstreamSender({ provider: 'tmapi', adapter: noRespond, timeoutMs: 150 });
    const started = Date.now();
    const error = await sender.send({ method: 'GET', url: server.url, headers: {} }).catch((e) => e);
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(error.message).not.toContain('127.0.0.1');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('stops at once when the caller aborts, with the abort reason rather than a provider error', async () => {
    server = await startTestServer(async (_req, res) => {
      await delay(1000);
      sendJson(res, 200, {});
    });
    sender = createUpstreamSender({ provider: 'tmapi', adapter: noRespond, timeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await sender
      .send({ method: 'GET', url: server.url, headers: {} }, controller.signal)
      .catch((e) => e);
    expect(error.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(800);
  });
});

describe('createUpstreamSender without sockets', () => {
  it('calls the adapter respond() instead of the network (demo)', async () => {
    const requests: string[] = [];
    sender = createUpstreamSender({
      provider: 'demo',
      adapter: {
        respond: (request) => {
          requests.push(request.url);
          return { status: 200, body: '{"ok":true}' };
        },
      },
      timeoutMs: 100,
    });
    const response = await sender.send({ method: 'GET', url: 'demo://search', headers: {} });
    expect(response).toEqual({ status: 200, body: '{"ok":true}' });
    expect(requests).toEqual(['demo://search']);
  });

  it('uses an injected dispatcher (MockAgent) and passes the request through unchanged', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get('https://api.tmapi.io')
      .intercept({ path: '/1688/search/items?keyword=dress', method: 'GET', headers: { authorization: 'T' } })
      .reply(503, 'busy', { headers: { 'Retry-After': '2' } });
    sender = createUpstreamSender({
      provider: 'tmapi',
      adapter: noRespond,
      timeoutMs: 1000,
      dispatcher: agent,
    });
    const response = await sender.send({
      method: 'GET',
      url: 'https://api.tmapi.io/1688/search/items?keyword=dress',
      headers: { authorization: 'T' },
    });
    expect(response).toMatchObject({ status: 503, body: 'busy', headers: { 'retry-after': '2' } });
    agent.assertNoPendingInterceptors();
    await agent.close();
  });
});
