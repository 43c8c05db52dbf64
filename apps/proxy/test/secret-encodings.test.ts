import { tmpdir } from 'node:os';
import { OFFER_ROUTES } from '@yuantou/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { type RunningProxy, startProxy, TEST_RETRY } from './e2e/proxy-harness.js';
import { QUOTE_ENCODINGS, type QuotingProvider, startQuotingProvider } from './fakes/quoting-provider.js';
import { findSecretPiece } from './secret-scan.js';

// Issue 23 (P2): a provider error quoting our request leaked the TMAPI token and the Onebound key when the quote
// was HTML-escaped, URL-encoded twice or base64, and partly when the quote was cut before scrubbing. Here both
// providers quote every request back, in each encoding, whole and cut at every place, and no piece of 8+
// characters of any secret may reach a response body or a log line.

// Secrets holding every character the issue names: ! ( ) ~ * ' + / % & = and spaces.
const SECRETS = {
  YUANTOU_TMAPI_API_TOKEN: "tm!(a)~*'+/%&= tok en-77Qz",
  YUANTOU_ONEBOUND_KEY: "ob key+/%&=!(x)~*'-4411",
  YUANTOU_ONEBOUND_SECRET: "ob=sec&ret% +/!~*'()-9Zq",
};

let fake: QuotingProvider;
let proxy: RunningProxy;

beforeAll(async () => {
  fake = await startQuotingProvider();
  const config = loadConfig({
    env: {
      ...SECRETS,
      YUANTOU_TMAPI_BASE_URL: fake.url,
      YUANTOU_ONEBOUND_BASE_URL: fake.url,
      YUANTOU_DEMO: 'false',
      LOG_LEVEL: 'trace',
      YUANTOU_RATE_LIMIT_PER_MINUTE: '100000',
    },
    cwd: tmpdir(),
  });
  proxy = await startProxy({
    ...config,
    retry: TEST_RETRY,
    circuit: { failureThreshold: 100_000, resetAfterMs: 100 },
    // Every error is an answer to remember for offers; this test wants each request to reach the fake.
    offers: { ...config.offers, notFoundTtlSeconds: 0 },
    providers: config.providers.map((p) => ({ ...p, requestsPerMinute: 1_000_000, concurrency: 50 })),
  });
});

afterAll(async () => {
  await proxy?.close();
  await fake?.close();
});

const secrets = Object.values(SECRETS);

async function everyRoute() {
  await proxy.get('/v1/products?q=toy&provider=tmapi');
  await proxy.get('/v1/suppliers?q=toy%20factory&provider=onebound');
  await proxy.post(OFFER_ROUTES.offers, { refs: ['612345678901'] });
  await proxy.get(OFFER_ROUTES.offer.replace(':ref', '612345678901'));
}

describe('a provider quoting our request back shows no piece of a secret, in any encoding, cut anywhere', () => {
  it.each(QUOTE_ENCODINGS)('%s', async (encoding) => {
    const callsBefore = fake.calls();
    fake.setMode({ encoding });
    await everyRoute();
    const length = fake.lastQuote().length;
    // Cut windows sliding over the whole quote, as a server (or an adapter's snippet) may cut it.
    for (let start = 0; start < length; start += 29) {
      fake.setMode({ encoding, window: [start, 60] });
      await everyRoute();
    }
    expect(fake.calls()).toBeGreaterThan(callsBefore);
    const leaks = [...proxy.bodies, ...proxy.logLines]
      .map((text, i) => [i, findSecretPiece(text, secrets)])
      .filter(([, leak]) => leak !== undefined);
    expect(leaks).toEqual([]);
  });
});
