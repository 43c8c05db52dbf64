import { ROUTES } from '@yuantou/core';
import { TMAPI_PATHS } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { fakeConfig, searchPath } from '../e2e/proxy-harness.js';
import { startSentinel, twoReplicasOf, useTopology } from './team-services.js';

// Issue 28: replicas reach Redis through Sentinel (REDIS_SENTINELS + REDIS_SENTINEL_NAME), share one paid call
// per cold key, and a failover (master killed, replica promoted) costs at most one repeated call per request
// that was in flight when the master died.

const suite = useTopology(startSentinel);

const products = (keyword: string) => searchPath(ROUTES.products, keyword, 'tmapi');
const tmapiCalls = () => suite.fakes.tmapi.calls.count(TMAPI_PATHS.items);

/** Two replicas configured the way an operator would: through the env the config loader reads. */
async function twoReplicas() {
  const fromEnv = loadConfig({
    env: { REDIS_SENTINELS: suite.topology.sentinels, REDIS_SENTINEL_NAME: suite.topology.name },
    cwd: '/',
  });
  const base = fakeConfig(suite.fakes);
  const config = {
    ...base,
    redisSentinel: fromEnv.redisSentinel,
    responseTtlSeconds: 0,
    deadlineMs: 15_000,
    redisCommandTimeoutMs: 500,
    providers: base.providers.map((p) => ({ ...p, timeoutMs: 8000 })),
  };
  return twoReplicasOf(suite, config);
}

describe('Redis Sentinel', () => {
  it('reads the sentinels from the env and shares one paid call and the usage count between replicas', async () => {
    const [a, b] = await twoReplicas();
    expect((await a.get(ROUTES.ready)).body).toEqual({ status: 'ok', redis: 'ok', store: 'off' });
    suite.fakes.tmapi.setMode({ kind: 'delay', ms: 300 });
    const keyword = `哨兵${Math.random()}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).get(products(keyword))),
    );
    expect(answers.map((x) => x.status)).toEqual(answers.map(() => 200));
    expect(tmapiCalls()).toBe(1);
    const usage = (await b.get(ROUTES.usage)).body.providers.find(
      (p: { provider: string }) => p.provider === 'tmapi',
    );
    expect(usage.callsToday).toBeGreaterThanOrEqual(1);
    expect(usage.callsToday).toBe(
      (await a.get(ROUTES.usage)).body.providers.find((p: { provider: string }) => p.provider === 'tmapi')
        .callsToday,
    );
  });

  it('a failover costs at most one repeated call per in-flight request, then the replicas share again', async () => {
    const [a, b] = await twoReplicas();
    suite.fakes.tmapi.setMode({ kind: 'delay', ms: 2500 });
    const keyword = `故障转移${Math.random()}`;
    // Two requests in flight on two replicas: one leads, the other waits on the lease in Redis.
    const inFlight = [a.get(products(keyword)), b.get(products(keyword))];
    await new Promise((resolve) => setTimeout(resolve, 500));
    suite.topology.killMaster();
    const answers = await Promise.all(inFlight);
    expect(answers.map((x) => x.status)).toEqual([200, 200]);
    expect(tmapiCalls()).toBeLessThanOrEqual(inFlight.length);

    // The sentinel promotes the replica; the clients follow it without a restart.
    for (
      let i = 0;
      i < 150 && (await suite.topology.currentMasterPort()) !== suite.topology.replicaPort;
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await suite.topology.currentMasterPort()).toBe(suite.topology.replicaPort);
    for (const proxy of [a, b]) {
      let ready: unknown;
      for (let i = 0; i < 100 && (ready as { redis?: string })?.redis !== 'ok'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        ready = (await proxy.get(ROUTES.ready)).body;
      }
      expect(ready).toEqual({ status: 'ok', redis: 'ok', store: 'off' });
    }
    const before = tmapiCalls();
    suite.fakes.tmapi.setMode({ kind: 'delay', ms: 1000 });
    const fresh = `新主${Math.random()}`;
    const after = await Promise.all(
      Array.from({ length: 4 }, (_, i) => (i % 2 ? a : b).get(products(fresh))),
    );
    expect(after.map((x) => x.status)).toEqual([200, 200, 200, 200]);
    expect(tmapiCalls() - before).toBe(1);
  }, 60_000);
});
