import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, it } from 'vitest';

export const REDIS_URL = process.env.REDIS_URL;

/**
 * `describe` for suites that need a real redis-server. Without REDIS_URL they fail — never skip: a run that
 * silently leaves out the shared cache, locks and limits would pass untested. `pnpm verify` (the README's test
 * command) installs redis-server when missing, starts one on a free port and exports REDIS_URL.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (REDIS_URL) {
    describe(name, body);
    return;
  }
  // The body is not collected: it would open connections to a Redis that is not there.
  describe(name, () => {
    it('has a Redis to run against', () => {
      throw new Error(
        'REDIS_URL is not set: run `pnpm verify` (it starts redis-server for the run), or start one yourself — ' +
          "redis-server --port 6390 --save '' --daemonize yes && export REDIS_URL=redis://127.0.0.1:6390",
      );
    });
  });
}

/** A key prefix no other test (or parallel test file) shares. */
export const uniquePrefix = (label: string) => `test:${label}:${randomUUID()}:`;

export function connectTestRedis(): Redis {
  return new Redis(REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: false, maxRetriesPerRequest: 1 });
}
