import { createConnection } from 'node:net';
import { OFFER_ROUTES } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/config-error.js';
import { loadConfig } from '../src/config/load-config.js';
import { startProxy } from './e2e/proxy-harness.js';
import { emptyDir, useTestApp } from './support/test-app.js';

// Issue 23 (P3): real pasted links over about 100 encoded characters got a 414 with a non-problem body; a client
// token with a space was accepted at start and could never authenticate; a request whose Content-Length exceeds
// its body held the socket for 128 s.

const start = useTestApp();
const ID = '612345678901';
/** A real-looking pasted link with tracking, padded to `length` characters. */
const longLink = (length: number) => {
  const base = `https://detail.1688.com/offer/${ID}.html?spm=a26352.13672862.offerlist.1&tracelog=p4p&clickid=`;
  return base + 'x'.repeat(length - base.length);
};
const offerPath = (ref: string) => OFFER_ROUTES.offer.replace(':ref', encodeURIComponent(ref));

describe('GET /v1/offers/:ref takes links up to 2,000 characters', () => {
  it.each([150, 800, 2_000])('a %i-character link is read, not refused with 414', async (length) => {
    const current = await start({ YUANTOU_DEMO: 'true' });
    const response = await current.inject(offerPath(longLink(length)));
    expect(response.statusCode).not.toBe(414);
    // Read as the offer: the demo provider answers it (not found in its sample set, named by id).
    expect(response.json()).toMatchObject({ status: 404, detail: expect.stringContaining(`offer ${ID}`) });
  });

  it('a 2,000-character link of Chinese text (9 encoded characters each) is still read', async () => {
    const current = await start({ YUANTOU_DEMO: 'true' });
    const ref = `看这个 https://detail.1688.com/offer/${ID}.html ${'谢'.repeat(1_900)}`;
    const response = await current.inject(offerPath(ref));
    expect(response.statusCode).not.toBe(414);
    expect(response.json()).toMatchObject({ status: 404, detail: expect.stringContaining(`offer ${ID}`) });
  });

  it('longer than 2,000 characters: a 400 problem naming ref; far longer: a 414 problem, never a bare body', async () => {
    const current = await start({ YUANTOU_DEMO: 'true' });
    const tooLong = await current.inject(offerPath(longLink(2_001)));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.headers['content-type']).toContain('application/problem+json');
    expect(tooLong.json()).toMatchObject({ status: 400, field: 'ref' });
    const huge = await current.inject(offerPath('9'.repeat(20_000)));
    expect(huge.statusCode).toBe(414);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    expect(huge.json()).toMatchObject({ status: 414, title: expect.any(String) });
  });

  it('a malformed percent-escape is a problem body too', async () => {
    const current = await start({ YUANTOU_DEMO: 'true' });
    const response = await current.inject(`${OFFER_ROUTES.offer.replace(':ref', '%E4%ZZ')}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('client tokens at start', () => {
  it.each(['client token with space 0001', 'client-token-0001\\tx-tab-xxxx'])(
    'a token containing whitespace (%j) is refused at start',
    (token) => {
      const env = {
        YUANTOU_TOKENS: `good-token-aaaaaaaaaaaa,${token.replace('\\t', '\t')}`,
        YUANTOU_DEMO: 'true',
      };
      expect(() => loadConfig({ env, cwd: emptyDir() })).toThrow(ConfigError);
      try {
        loadConfig({ env, cwd: emptyDir() });
      } catch (error) {
        expect(String((error as Error).message)).toMatch(/YUANTOU_TOKENS|tokens/);
      }
    },
  );
});

describe('a body shorter than its Content-Length', () => {
  it('does not hold the socket: the request times out in seconds with a problem body', async () => {
    const config = loadConfig({
      // No store: opening PGlite (WebAssembly) occupies the event loop for seconds on a loaded machine, which
      // this test would measure as a held socket.
      env: { YUANTOU_DEMO: 'true', YUANTOU_REQUEST_TIMEOUT_MS: '1000', YUANTOU_STORE: 'off' },
      cwd: emptyDir(),
    });
    const proxy = await startProxy(config);
    try {
      const port = Number(new URL(proxy.url).port);
      const started = performance.now();
      const answer = await new Promise<string>((resolve) => {
        const socket = createConnection({ host: '127.0.0.1', port }, () => {
          socket.write(
            'POST /v1/offers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"refs":',
          );
        });
        let received = '';
        socket.on('data', (chunk) => {
          received += chunk;
        });
        socket.on('close', () => resolve(received));
        socket.setTimeout(20_000, () => socket.destroy());
      });
      const heldMs = performance.now() - started;
      expect(heldMs).toBeLessThan(5_000);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(answer).toContain('application/problem+json');
    } finally {
      await proxy.close();
    }
  }, 30_000);
});
