import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { type RunningProxy, startProxy, TEST_RETRY } from './e2e/proxy-harness.js';
import { type EndlessServer, startEndlessServer } from './fakes/endless-body.js';

// Issue 23: no upstream body had a size limit (an endless body grew the proxy to 1.4–1.7 GB). A provider that
// never stops answering fails its call once YUANTOU_UPSTREAM_MAX_BODY_BYTES have arrived; the proxy lives on.

let endless: EndlessServer;
let proxy: RunningProxy;

beforeAll(async () => {
  endless = await startEndlessServer();
  const config = loadConfig({
    env: {
      YUANTOU_TMAPI_API_TOKEN: 'fake-tmapi-token-body-cap',
      YUANTOU_TMAPI_BASE_URL: endless.url,
      YUANTOU_DEMO: 'false',
      YUANTOU_UPSTREAM_MAX_BODY_BYTES: String(2 * 1024 * 1024),
    },
    cwd: tmpdir(),
  });
  proxy = await startProxy({ ...config, retry: TEST_RETRY, logLevel: 'warn' });
});

afterAll(async () => {
  await proxy?.close();
  await endless?.close();
});

describe('an endless provider body', () => {
  it('fails the call at the cap, says so, and the process does not grow (RSS measured)', async () => {
    const before = process.memoryUsage().rss;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await proxy.get(`/v1/products?q=toy${i}&provider=tmapi`));
    const grownMb = (process.memoryUsage().rss - before) / 1024 / 1024;
    for (const answer of answers) {
      expect(answer.status).toBe(502);
      expect(JSON.stringify(answer.body)).toContain('more than 2 MB');
    }
    // Each call read at most the cap (2 MB) before the socket was dropped; nothing near the gigabytes of old.
    expect(grownMb).toBeLessThan(96);
    const health = await proxy.get('/healthz');
    expect(health.status).toBe(200);
  });
});
