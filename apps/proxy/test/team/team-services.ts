import {
  ensureTeamTools,
  findRedisServer,
  type RedisClusterNodes,
  type SentinelGroup,
  startRedisCluster,
  startSentinelGroup,
} from '../../../../scripts/test-services.mjs';

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
