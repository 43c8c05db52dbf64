import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, it } from 'vitest';

export const REDIS_URL = process.env.REDIS_URL;

/**
 * `describe` for suites that need a real redis-server. Without REDIS_URL they are skipped with a loud warning
 * on a developer machine, and fail in CI, where a missing Redis must never pass unnoticed.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (REDIS_URL) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      it('has a Redis to run against', () => {
        throw new Error(
          'REDIS_URL is not set in CI: start redis-server and export REDIS_URL=redis://127.0.0.1:6390',
        );
      });
    });
    return;
  }
  console.warn(
    `\n!!! REDIS_URL is not set: SKIPPING "${name}". Run: redis-server --port 6390 --save '' --daemonize yes ` +
      '&& export REDIS_URL=redis://127.0.0.1:6390\n',
  );
  // The body is not collected: it would open connections to a Redis that is not there.
  describe.skip(name, () => {
    it('needs REDIS_URL', () => {});
  });
}

/** A key prefix no other test (or parallel test file) shares. */
export const uniquePrefix = (label: string) => `test:${label}:${randomUUID()}:`;

export function connectTestRedis(): Redis {
  return new Redis(REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: false, maxRetriesPerRequest: 1 });
}
