import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  ensureTeamTools,
  findRedisServer,
  type RedisClusterNodes,
  type SentinelGroup,
  startRedisCluster,
  startSentinelGroup,
} from '../../../../scripts/test-services.mjs';
import type { ProxyConfig } from '../../src/config/load-config.js';
import {
  closeFakes,
  type RunningFakes,
  type RunningProxy,
  resetFakes,
  startAllFakes,
  startProxy,
} from '../e2e/proxy-harness.js';

// The team topologies (issue 28) are started by each test file from the same functions `pnpm verify` uses, so a
// test may kill a master without disturbing the others. No Redis binary: the test fails with the fix, never skips.

function tools() {
  const redisServer = findRedisServer();
  if (!redisServer) {
    throw new Error(
      'redis-server is not installed: run `pnpm verify` (it installs it) or apt-get install redis-server',
    );
  }
  return { redisServer, ...ensureTeamTools() };
}

/** A master + replica + sentinel (the caller stops it). */
export function startSentinel(): Promise<SentinelGroup> {
  const { redisServer, redisSentinel } = tools();
  return startSentinelGroup(redisServer, redisSentinel);
}

/** A three-node Redis Cluster (the caller stops it). */
export function startCluster(): Promise<RedisClusterNodes> {
  return startRedisCluster(tools().redisServer);
}

/** The nginx binary (installed by `pnpm verify` when missing). */
export const nginxBinary = () => tools().nginx;
export const promtoolBinary = () => tools().promtool;

/** What a test file of one Redis topology shares: the provider fakes, the topology, the replicas it started. */
export interface TopologySuite<Topology> {
  fakes: RunningFakes;
  topology: Topology;
  /** Closed after each test. */
  proxies: RunningProxy[];
}

/** Starts the fakes and one topology for the whole file; each test's replicas are closed after it. */
export function useTopology<Topology extends { stop(): Promise<void> }>(
  start: () => Promise<Topology>,
): TopologySuite<Topology> {
  const suite = { proxies: [] } as unknown as TopologySuite<Topology>;
  beforeAll(async () => {
    [suite.fakes, suite.topology] = await Promise.all([startAllFakes(), start()]);
  }, 150_000);
  afterEach(async () => {
    await Promise.all(suite.proxies.splice(0).map((p) => p.close()));
    resetFakes(suite.fakes);
  });
  afterAll(async () => {
    await closeFakes(suite.fakes);
    await suite.topology?.stop();
  });
  return suite;
}

/** Two replicas of `config`, on one key prefix, with leases and peer polls short enough for a test. */
export async function twoReplicasOf<Topology>(suite: TopologySuite<Topology>, config: ProxyConfig) {
  const hooks = { leaseMs: 600, peerPollMs: 20, redisKeyPrefix: `test:${Date.now()}:${Math.random()}:` };
  const a = await startProxy(config, { gatewayHooks: hooks });
  const b = await startProxy(config, { gatewayHooks: hooks });
  suite.proxies.push(a, b);
  return [a, b] as const;
}
