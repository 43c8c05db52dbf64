import type { RedisAddress, RedisTarget } from '../redis-client.js';
import type { ProxyConfigInput } from './config-schema.js';

// How the proxy reaches Redis (issue 28): one server (REDIS_URL), Sentinel (REDIS_SENTINELS + REDIS_SENTINEL_NAME)
// or Cluster (REDIS_CLUSTER_NODES) — exactly one of them.

/** Where the shared state lives: the Cluster, the Sentinel master or the one server; undefined without Redis. */
export function redisTargetOf(config: {
  redisUrl?: string;
  redisSentinel?: { sentinels: RedisAddress[]; name: string };
  redisClusterNodes?: RedisAddress[];
  redisPassword?: string;
}): RedisTarget | undefined {
  const password = config.redisPassword;
  if (config.redisClusterNodes) return { kind: 'cluster', nodes: config.redisClusterNodes, password };
  if (config.redisSentinel) return { kind: 'sentinel', ...config.redisSentinel, password };
  return config.redisUrl ? { kind: 'url', url: config.redisUrl } : undefined;
}

/** One way to reach Redis: two configured at once would split the replicas' shared state without saying so. */
export function redisProblems(input: ProxyConfigInput): string[] {
  const given = [
    input.redisUrl && 'REDIS_URL',
    input.redisSentinels && 'REDIS_SENTINELS',
    input.redisClusterNodes && 'REDIS_CLUSTER_NODES',
  ].filter(Boolean);
  const problems =
    given.length > 1 ? [`${given.join(', ')}: configure one way to reach Redis, not ${given.length}`] : [];
  if (input.redisSentinels && !input.redisSentinelName) {
    problems.push(
      'REDIS_SENTINEL_NAME: required with REDIS_SENTINELS (the name in `sentinel monitor <name>`)',
    );
  }
  if (input.redisSentinelName && !input.redisSentinels) {
    problems.push('REDIS_SENTINELS: required with REDIS_SENTINEL_NAME (host:port of each sentinel)');
  }
  return problems;
}
