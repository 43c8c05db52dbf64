import { type ChildProcess, spawn } from 'node:child_process';
import { OFFER_ROUTES } from '@yuantou/core';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../src/store/__fixtures__/test-databases.js';
import { fakeEnv } from '../start-fakes.js';
import { closedPort } from '../support/test-app.js';
import { fakeConfig, startProxy, useFakesAndProxy } from './proxy-harness.js';

// kill -9 in the middle of paid fetches: every offer the proxy answered before it died must be in the database
// when it starts again (each answer is written before it is sent), and the database must open cleanly.

const suite = useFakesAndProxy();
const OFFER = '628745190321';
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

async function waitForHealth(url: string, deadline = Date.now() + 90_000): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the proxy process did not start');
}

describe.each(TEST_DATABASES)('kill -9 mid-write ($driver)', { timeout: 300_000 }, ({ fresh }) => {
  it('loses no answered fetch: the history holds every fetchedAt the dead proxy answered with', async () => {
    const target = await fresh();
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      stdio: 'ignore',
      env: {
        ...process.env,
        ...fakeEnv(suite.fakes),
        YUANTOU_DEMO: 'false',
        YUANTOU_OFFER_PROVIDERS: 'tmapi',
        PORT: String(port),
        LOG_LEVEL: 'silent',
        YUANTOU_RATE_LIMIT_PER_MINUTE: '100000',
        YUANTOU_STORE: 'on',
        ...(target.kind === 'pglite'
          ? { YUANTOU_DATA_DIR: target.dataDir }
          : { DATABASE_URL: target.databaseUrl }),
      },
    });
    await waitForHealth(url);
    const answered: string[] = [];
    const post = () =>
      fetch(`${url}${OFFER_ROUTES.offers}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refs: [OFFER], maxAge: 0 }),
      }).then(async (r) => ((await r.json()) as { results: { fetchedAt: string }[] }).results[0]!.fetchedAt);
    while (answered.length < 6) answered.push(await post());
    // Several fetches in flight (paid, being written) when the process dies.
    const inFlight = Array.from({ length: 4 }, () => post().catch(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await Promise.all(inFlight);
    // Listening before the kill: a child that had already exited while the in-flight requests failed would
    // otherwise never emit 'exit' to a listener added afterwards (the 300 s hangs of earlier CI runs).
    await exited;
    child = undefined;

    const config = fakeConfig(suite.fakes, {
      store:
        target.kind === 'pglite'
          ? { kind: 'pglite', dataDir: target.dataDir, snapshotRetentionDays: 365 }
          : { kind: 'postgres', databaseUrl: target.databaseUrl, snapshotRetentionDays: 365 },
    });
    suite.proxy = await startProxy(config);
    const ready = await suite.proxy.get('/readyz');
    expect(ready.body.store).toBe('ok');
    const history = await suite.proxy.get(`${OFFER_ROUTES.offers}/${OFFER}/history`);
    const kept = history.body.snapshots.map((s: { fetchedAt: string }) => s.fetchedAt);
    expect(answered).toHaveLength(6);
    for (const fetchedAt of answered) expect(kept).toContain(fetchedAt);
  });
});
