import { randomUUID } from 'node:crypto';
import { ROUTES } from '@yuantou/core';
import { TMAPI_PATHS } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { redisCommand } from '../../../../scripts/test-services.mjs';
import { loadConfig } from '../../src/config/load-config.js';
import { fakeConfig, type RunningProxy, searchPath } from '../e2e/proxy-harness.js';
import { startCluster, twoReplicasOf, useTopology } from './team-services.js';

// Issue 28: replicas share one Redis Cluster (REDIS_CLUSTER_NODES). Every command the proxy sends names one key,
// or keys under one hash tag, so nothing fails with CROSSSLOT and nothing falls back to per-replica behaviour.

const suite = useTopology(startCluster);

const products = (keyword: string) => searchPath(ROUTES.products, keyword, 'tmapi');
const tmapiCalls = () => suite.fakes.tmapi.calls.count(TMAPI_PATHS.items);
const tmapiUsage = async (proxy: RunningProxy) =>
  (await proxy.get(ROUTES.usage)).body.providers.find((p: { provider: string }) => p.provider === 'tmapi');

async function twoReplicas(
  options: { dailyCalls?: number; requestsPerMinute?: number; tokens?: string[] } = {},
) {
  const fromEnv = loadConfig({ env: { REDIS_CLUSTER_NODES: suite.topology.nodes }, cwd: '/' });
  const base = fakeConfig(suite.fakes);
  const config = {
    ...base,
    redisClusterNodes: fromEnv.redisClusterNodes,
    responseTtlSeconds: 0,
    deadlineMs: 10_000,
    redisCommandTimeoutMs: 1000,
    rateLimit: { requestsPerMinute: options.requestsPerMinute ?? 100_000 },
    tokens: options.tokens ?? [],
    providers: base.providers.map((p) =>
      p.id === 'tmapi' ? { ...p, timeoutMs: 5000, dailyCalls: options.dailyCalls ?? null } : p,
    ),
  };
  return twoReplicasOf(suite, config);
}

const redisWarnings = (proxy: RunningProxy) =>
  proxy.logLines.filter((line) => /redis unavailable/.test(line));

describe('Redis Cluster', () => {
  it('one paid call for identical cold requests on two replicas, counted once in /v1/usage', async () => {
    const [a, b] = await twoReplicas();
    expect((await a.get(ROUTES.ready)).body).toEqual({ status: 'ok', redis: 'ok', store: 'off' });
    suite.fakes.tmapi.setMode({ kind: 'delay', ms: 800 });
    const keyword = `集群${Math.random()}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).get(products(keyword))),
    );
    expect(answers.map((x) => x.status)).toEqual(answers.map(() => 200));
    expect(tmapiCalls()).toBe(1);
    // The five that paid nothing are counted as coalesced (for the dashboard), on this replica or its peer.
    const coalesced = async (proxy: RunningProxy) => {
      const text = await (await fetch(`${proxy.url}/metrics`)).text();
      return [...text.matchAll(/^yuantou_coalesced_requests_total\{[^}]*\} (\d+)/gm)].reduce(
        (n, m) => n + Number(m[1]),
        0,
      );
    };
    expect((await coalesced(a)) + (await coalesced(b))).toBe(5);
    // The answer's entry is in the cluster: a second round is all hits, on either replica.
    const again = await Promise.all([a.get(products(keyword)), b.get(products(keyword))]);
    expect(again.map((x) => x.body.providers[0].fromCache)).toEqual([true, true]);
    expect((await tmapiUsage(a)).callsToday).toBe(1);
    expect((await tmapiUsage(b)).callsToday).toBe(1);
    expect([...redisWarnings(a), ...redisWarnings(b)]).toEqual([]);
  });

  it('spreads keys over the nodes and shares the daily budget', async () => {
    const [a, b] = await twoReplicas({ dailyCalls: 3 });
    suite.fakes.tmapi.setMode({ kind: 'ok' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await (i % 2 ? a : b).get(products(`预算${i}${Math.random()}`))).status);
    // Three paid calls between the two replicas, then the shared budget refuses the fourth.
    expect(statuses).toEqual([200, 200, 200, 503]);
    expect(tmapiCalls()).toBe(3);
    expect((await tmapiUsage(a)).callsToday).toBe(3);
    expect((await tmapiUsage(b)).callsToday).toBe(3);
    const keysPerNode = await Promise.all(
      suite.topology.ports.map(async (port) =>
        Number(/:(\d+)/.exec(await redisCommand(port, ['DBSIZE']))?.[1]),
      ),
    );
    expect(keysPerNode.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect([...redisWarnings(a), ...redisWarnings(b)]).toEqual([]);
  });

  it("shares the client rate limit: a minute's allowance across both replicas, not per replica", async () => {
    // A token of its own: the limit counts per token, so this client's window starts empty.
    const token = `team-token-${randomUUID()}`;
    const [a, b] = await twoReplicas({ requestsPerMinute: 4, tokens: [token] });
    const suppliers = searchPath(ROUTES.suppliers, '限流', 'tmapi');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        fetch(`${(i % 2 ? a : b).url}${suppliers}`, { headers: { authorization: `Bearer ${token}` } }),
      ),
    );
    expect(answers.filter((x) => x.status === 200).length).toBe(4);
    expect(answers.filter((x) => x.status === 429).length).toBe(4);
    expect([...redisWarnings(a), ...redisWarnings(b)]).toEqual([]);
  });
});
