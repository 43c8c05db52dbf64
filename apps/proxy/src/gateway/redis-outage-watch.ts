import type { Logger } from 'pino';
import type { RedisClient } from '../redis-client.js';

/** The name and code of an error only: ioredis errors never carry the URL, and nothing here needs more. */
export function errorSummary(error: unknown): { name?: string; code?: string } {
  const e = error as { name?: string; code?: string };
  return { name: e?.name, code: e?.code };
}

/**
 * The gateway's one Redis outage watch. Each Redis use (cache tier, leases, rate windows, pauses, usage counts)
 * degrades to local behaviour on failure and reports here: the watch says so once per outage, not once per
 * request, and says when Redis is back. Returns the reporter every store is given.
 */
export function watchRedisOutage(redis: RedisClient | undefined, logger: Logger): (error: unknown) => void {
  let failing = false;
  const onRedisError = (error: unknown) => {
    if (failing) return;
    failing = true;
    logger.warn(
      { err: errorSummary(error) },
      'redis unavailable; serving from this instance (local cache, counts, limits)',
    );
  };
  redis?.on('ready', () => {
    if (failing) logger.info('redis is back; sharing state again');
    failing = false;
  });
  redis?.on('error', onRedisError);
  return onRedisError;
}
