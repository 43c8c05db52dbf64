import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeServer, times } from './fake-server.js';

// The shared server on a two-route toy provider: modes, queue order, faults and the call log.

let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeServer({
    name: 'toy',
    credentials: { token: 'right' },
    route: ({ path }) => (path === '/data' ? ({ query }) => ({ body: { ok: true, q: query.q } }) : undefined),
    authenticate: ({ query }) => (query.token === 'right' ? null : { status: 401, body: { code: 401 } }),
    errors: { E42: () => ({ status: 418, body: { code: 'E42', msg: '配额已用完' } }) },
  });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const get = (path = '/data?token=right&q=x') => fetch(`${fake.url}${path}`);

describe('fake server', () => {
  it('answers with data when authenticated and with its rejection otherwise', async () => {
    expect(await (await get()).json()).toEqual({ ok: true, q: 'x' });
    const rejected = await get('/data?token=wrong');
    expect(rejected.status).toBe(401);
    expect((await get('/elsewhere?token=right')).status).toBe(404);
  });

  it('counts calls per path and keeps the last requests', async () => {
    await get();
    await get('/data?token=right&q=y');
    await get('/other');
    expect(fake.calls.count('/data')).toBe(2);
    expect(fake.calls.count()).toBe(3);
    expect(fake.calls.byPath()).toEqual({ '/data': 2, '/other': 1 });
    expect(fake.calls.last('/data')?.query.q).toBe('y');
  });

  it('plays queued behaviours in order, then the mode', async () => {
    fake.setMode({ kind: 'status', status: 503, body: 'down' });
    fake.behave([{ kind: 'error', code: 'E42' }, { kind: 'ok' }]);
    expect((await get()).status).toBe(418);
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(503);
  });

  it('serves a 429 burst with Retry-After, then succeeds', async () => {
    fake.behave(times(2, { kind: 'status', status: 429, headers: { 'retry-after': '1' } }));
    const first = await get();
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '1']);
    expect((await get()).status).toBe(429);
    expect((await get()).status).toBe(200);
  });

  it('adds Retry-After to a catalogue error when asked', async () => {
    fake.behave({ kind: 'error', code: 'E42', retryAfterSeconds: 7 });
    expect((await get()).headers.get('retry-after')).toBe('7');
  });

  it('delays the whole answer, or only the body', async () => {
    fake.behave({ kind: 'delay', ms: 150 });
    let start = Date.now();
    await (await get()).text();
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);

    fake.behave({ kind: 'slowBody', ms: 200 });
    start = Date.now();
    const response = await get();
    const headersAfter = Date.now() - start;
    expect(await response.json()).toEqual({ ok: true, q: 'x' });
    expect(headersAfter).toBeLessThan(150);
    expect(Date.now() - start).toBeGreaterThanOrEqual(190);
  });

  it('resets the connection', async () => {
    fake.behave({ kind: 'reset' });
    await expect(get()).rejects.toThrow();
    expect(fake.calls.count('/data')).toBe(1);
  });

  it('sends malformed JSON and HTML error pages', async () => {
    fake.behave([{ kind: 'malformedJson' }, { kind: 'html', status: 502 }]);
    const malformed = await get();
    expect(malformed.status).toBe(200);
    const text = await malformed.text();
    expect(() => JSON.parse(text)).toThrow();
    const html = await get();
    expect([html.status, html.headers.get('content-type')]).toEqual([502, 'text/html']);
    expect(await html.text()).toContain('<html>');
  });

  it('encodes an error body as GBK while labelling it UTF-8', async () => {
    fake.behave({ kind: 'error', code: 'E42', encoding: 'gbk' });
    const response = await get();
    expect(response.headers.get('content-type')).toContain('UTF-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(JSON.parse(iconv.decode(bytes, 'gbk'))).toEqual({ code: 'E42', msg: '配额已用完' });
    expect(bytes.toString('utf8')).toContain('\uFFFD');
  });
});
