import { describe, expect, it } from 'vitest';
import { emptyDir } from '../../test/support/test-app.js';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';
import { redisTargetOf } from './redis-config.js';

const load = (env: Record<string, string>) => loadConfig({ env, cwd: emptyDir() });

function problems(env: Record<string, string>): string[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('Redis: one server, Sentinel or Cluster', () => {
  it('reads REDIS_SENTINELS + REDIS_SENTINEL_NAME into a sentinel target, the password kept as a secret', () => {
    const config = load({
      REDIS_SENTINELS: '10.0.0.1:26379, sentinel-b:26380',
      REDIS_SENTINEL_NAME: 'yuantou',
      REDIS_PASSWORD: 'redis-pass-not-for-logs',
    });
    expect(redisTargetOf(config)).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: 'sentinel-b', port: 26380 },
      ],
      name: 'yuantou',
      password: 'redis-pass-not-for-logs',
    });
    expect(config.secrets).toContain('redis-pass-not-for-logs');
  });

  it('reads REDIS_CLUSTER_NODES into a cluster target, and REDIS_URL into a single server', () => {
    expect(redisTargetOf(load({ REDIS_CLUSTER_NODES: '127.0.0.1:7000,[::1]:7001' }))).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '127.0.0.1', port: 7000 },
        { host: '::1', port: 7001 },
      ],
      password: undefined,
    });
    expect(redisTargetOf(load({ REDIS_URL: 'redis://127.0.0.1:6379' }))).toEqual({
      kind: 'url',
      url: 'redis://127.0.0.1:6379',
    });
    expect(redisTargetOf(load({}))).toBeUndefined();
  });

  it('refuses two ways to reach Redis, a sentinel list without its name, and a node without a port', () => {
    expect(problems({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: '127.0.0.1:7000' })).toEqual([
      'REDIS_URL, REDIS_CLUSTER_NODES: configure one way to reach Redis, not 2',
    ]);
    expect(problems({ REDIS_SENTINELS: '127.0.0.1:26379' })[0]).toMatch(/^REDIS_SENTINEL_NAME: required/);
    expect(problems({ REDIS_CLUSTER_NODES: '127.0.0.1' })[0]).toMatch(
      /^redisClusterNodes\.0: expected host:port/,
    );
  });
});
