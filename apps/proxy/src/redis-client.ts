import { Cluster, Redis } from 'ioredis';

/**
 * The process's one Redis client: a single server (`REDIS_URL`), a Sentinel-watched master
 * (`REDIS_SENTINELS` + `REDIS_SENTINEL_NAME`) or a Cluster (`REDIS_CLUSTER_NODES`). Every user of it issues
 * single-key commands, or scripts whose keys share one hash tag, so the same calls work on all three.
 */
export type RedisClient = Redis | Cluster;

export interface RedisAddress {
  host: string;
  port: number;
}

/** Where the shared state lives; at most one of the three is configured. */
export type RedisTarget =
  | { kind: 'url'; url: string }
  | { kind: 'sentinel'; sentinels: RedisAddress[]; name: string; password?: string }
  | { kind: 'cluster'; nodes: RedisAddress[]; password?: string };

/**
 * `{…}` around the part of a key that decides its Cluster slot. Redis Cluster hashes only the text between the
 * first `{` and the next `}` (redis.io "Cluster specification — hash tags"), so the lock, the cached value and
 * the counters of one request, each under its own prefix, sit in one slot and a script may touch them together.
 */
export const hashTag = (key: string): string => `{${key}}`;

/**
 * Every Redis use in the proxy degrades to local behaviour when a command fails, so the client is tuned to fail
 * fast rather than to wait: no offline queue (while disconnected a command fails at once instead of queueing),
 * a short command timeout (a hung Redis costs each request at most that), no per-command retries, and
 * reconnection in the background. Behind Sentinel a reconnection asks the sentinels for the current master, so
 * a failover is followed without a restart; a Cluster client follows MOVED/ASK redirections itself.
 */
export function createRedisClient(target: RedisTarget | string, commandTimeoutMs: number): RedisClient {
  const resolved: RedisTarget = typeof target === 'string' ? { kind: 'url', url: target } : target;
  const common = {
    lazyConnect: true,
    enableOfflineQueue: false,
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
  };
  const backOff = (times: number) => Math.min(times * 100, 1000);
  switch (resolved.kind) {
    case 'url':
      return new Redis(resolved.url, { ...common, retryStrategy: backOff });
    case 'sentinel':
      return new Redis({
        ...common,
        sentinels: resolved.sentinels,
        name: resolved.name,
        password: resolved.password,
        retryStrategy: backOff,
        sentinelRetryStrategy: backOff,
      });
    case 'cluster':
      return new Cluster(resolved.nodes, {
        lazyConnect: true,
        enableOfflineQueue: false,
        clusterRetryStrategy: backOff,
        slotsRefreshTimeout: 1000,
        redisOptions: {
          commandTimeout: commandTimeoutMs,
          maxRetriesPerRequest: 0,
          connectTimeout: 1000,
          password: resolved.password,
        },
      });
  }
}

/** `host:port,host:port` as REDIS_SENTINELS and REDIS_CLUSTER_NODES carry them. */
export function parseRedisAddresses(list: readonly string[]): RedisAddress[] {
  return list.map((entry) => {
    const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(entry.trim());
    if (!match || Number(match[2]) > 65535) throw new Error(`${entry}: expected host:port`);
    return { host: match[1]!, port: Number(match[2]) };
  });
}
