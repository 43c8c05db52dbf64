import { randomUUID } from 'node:crypto';
import { createInFlightCoalescer } from '@yuantou/core';
import { hashTag, type RedisClient } from '../redis-client.js';
import { sleep as realSleep, type Sleep } from '../sleep.js';

/** A short lease so that, across proxy instances, one of them calls the provider for a given key. */
export interface DistributedLock {
  /** A token when this instance now holds the lock, null when another one does. */
  tryAcquire(key: string, ttlMs: number): Promise<string | null>;
  /** Extends our own lease; false when it is no longer ours (it expired and another instance took it). */
  renew(key: string, token: string, ttlMs: number): Promise<boolean>;
  release(key: string, token: string): Promise<void>;
  isHeld(key: string): Promise<boolean>;
}

// Touch only our own lease: after a stall the lock may have expired and been taken by another instance.
const RELEASE_IF_OURS =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
const RENEW_IF_OURS =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0";

/** The lease key is hash-tagged like the cache entry it guards (`redisCacheStore`): one Cluster slot per request. */
export function redisLock(redis: RedisClient, prefix = 'yuantou:lock:'): DistributedLock {
  const ms = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs));
  return {
    async tryAcquire(key, ttlMs) {
      const token = randomUUID();
      const reply = await redis.set(`${prefix}${hashTag(key)}`, token, 'PX', ms(ttlMs), 'NX');
      return reply === 'OK' ? token : null;
    },
    async renew(key, token, ttlMs) {
      return (await redis.eval(RENEW_IF_OURS, 1, `${prefix}${hashTag(key)}`, token, ms(ttlMs))) === 1;
    },
    async release(key, token) {
      await redis.eval(RELEASE_IF_OURS, 1, `${prefix}${hashTag(key)}`, token);
    },
    async isHeld(key) {
      return (await redis.exists(`${prefix}${hashTag(key)}`)) === 1;
    },
  };
}

export interface FlightOptions<T> {
  signal?: AbortSignal;
  /** What another instance produced meanwhile (e.g. a fresh cache entry); polled while it holds the lease. */
  peerResult?: () => Promise<T | undefined>;
}

export interface SingleFlight {
  /**
   * Joins the call already in flight for `key` (in this instance: core's coalescer; across instances: a Redis
   * lease) or starts it. The shared call is aborted only when every caller waiting on it has aborted; a caller
   * that aborts stops waiting at once.
   */
  run<T>(key: string, work: (signal: AbortSignal) => Promise<T>, options?: FlightOptions<T>): Promise<T>;
  readonly inFlight: number;
}

export interface SingleFlightOptions {
  lock?: DistributedLock;
  /**
   * Lease length. The leader renews it every third of this while its call runs, so a call slower than the lease
   * keeps it; a crashed leader's lease lapses within this time and a waiting instance takes over.
   */
  leaseMs?: number;
  pollMs?: number;
  sleep?: Sleep;
  onLockError?: (error: unknown) => void;
  /** A request that paid nothing because it joined a call in flight: in this instance, or another's (`peer`). */
  onCoalesced?: (where: 'local' | 'peer') => void;
}

export function createSingleFlight(options: SingleFlightOptions = {}): SingleFlight {
  const { lock, pollMs = 50, leaseMs = 5000 } = options;
  const sleep = options.sleep ?? realSleep;
  const local = createInFlightCoalescer();
  // Keys with a call in flight in this instance, so a request that joins one is counted as coalesced.
  const leading = new Set<string>();

  async function lead<T>(
    key: string,
    work: (s: AbortSignal) => Promise<T>,
    signal: AbortSignal,
    o: FlightOptions<T>,
  ) {
    if (!lock) return work(signal);
    for (;;) {
      let token: string | null;
      try {
        token = await lock.tryAcquire(key, leaseMs);
      } catch (error) {
        // Redis is down: coalescing within this instance still holds; call the provider ourselves.
        options.onLockError?.(error);
        return work(signal);
      }
      if (token !== null) {
        // The previous holder may have stored its answer and released the lease between our cache miss and
        // this acquisition: look once more before paying for the same call again.
        const stored = await o.peerResult?.().catch(() => undefined);
        if (stored !== undefined) {
          await lock.release(key, token).catch(options.onLockError);
          return stored;
        }
        return holdLease(key, token, () => work(signal));
      }
      const peer = await awaitPeer(key, signal, o.peerResult);
      if (peer.found) {
        options.onCoalesced?.('peer');
        return peer.value as T;
      }
      // The leader finished without a result (errors are not cached) or its lease lapsed: try to lead.
      if (peer.lockUnavailable) return work(signal);
    }
  }

  async function holdLease<T>(key: string, token: string, work: () => Promise<T>): Promise<T> {
    const renewal = setInterval(
      () => {
        lock!.renew(key, token, leaseMs).catch(options.onLockError);
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    renewal.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await lock!.release(key, token).catch(options.onLockError);
    }
  }

  /** Waits while another instance holds the lease, for as long as this caller is willing to wait. */
  async function awaitPeer<T>(
    key: string,
    signal: AbortSignal,
    peerResult?: () => Promise<T | undefined>,
  ): Promise<{ found: boolean; value?: T; lockUnavailable?: boolean }> {
    try {
      for (;;) {
        await sleep(pollMs, signal);
        const peer = await peerResult?.();
        if (peer !== undefined) return { found: true, value: peer };
        if (!(await lock!.isHeld(key))) {
          const last = await peerResult?.();
          return last !== undefined ? { found: true, value: last } : { found: false };
        }
      }
    } catch (error) {
      signal.throwIfAborted();
      options.onLockError?.(error);
      return { found: false, lockUnavailable: true };
    }
  }

  return {
    run(key, work, runOptions = {}) {
      if (leading.has(key)) options.onCoalesced?.('local');
      else leading.add(key);
      return local.run(
        key,
        (signal) => lead(key, work, signal, runOptions).finally(() => leading.delete(key)),
        runOptions.signal,
      );
    },
    get inFlight() {
      return local.size;
    },
  };
}
