// Types for the parts of test-services.mjs that the TypeScript test suites import (issue 28's topologies).

export function which(name: string, env?: NodeJS.ProcessEnv): string | undefined;
export function findRedisServer(env?: NodeJS.ProcessEnv): string | undefined;
export function findTool(name: string, env?: NodeJS.ProcessEnv): string | undefined;
export function ensureTeamTools(env?: NodeJS.ProcessEnv): {
  redisSentinel: string;
  nginx: string;
  promtool: string;
};
export function redisCommand(port: number, args: (string | number)[], timeoutMs?: number): Promise<string>;

export interface SentinelGroup {
  name: string;
  /** `host:port` of the sentinel, as REDIS_SENTINELS takes it. */
  sentinels: string;
  masterPort: number;
  replicaPort: number;
  currentMasterPort(): Promise<number>;
  killMaster(): void;
  stop(): Promise<void>;
}
export function startSentinelGroup(
  redisServer: string,
  redisSentinel: string,
  options?: { name?: string; downAfterMs?: number },
): Promise<SentinelGroup>;

export interface RedisClusterNodes {
  /** `host:port,…` as REDIS_CLUSTER_NODES takes it. */
  nodes: string;
  ports: number[];
  stop(): Promise<void>;
}
export function startRedisCluster(redisServer: string): Promise<RedisClusterNodes>;

export function startRedis(
  redisServer: string,
): Promise<{ url: string; stop(): Promise<void>; kill(): void }>;

export function startNginx(
  nginx: string,
  upstreams: string[],
): Promise<{ url: string; stop(): Promise<void> }>;
