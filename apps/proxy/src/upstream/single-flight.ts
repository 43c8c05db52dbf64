import { randomUUID } from 'node:crypto';
import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Redis } from 'ioredis';

/** A short lease so that, across proxy instances, one of them calls the provider for a given key. */
export interface DistributedLock {
  /** A token when this instance now holds the lock, null when another one does. */
  tryAcquire(key: string, ttlMs: number): Promise<string | null>;
  release(key: string, token: string): Promise<void>;
  isHeld(key: string): Promise<boolean>;
}

// Delete only our own lease: after a slow call the lock may have expired and been taken by another instance.
const RELEASE_IF_OURS =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

export function redisLock(redis: Redis, prefix = 'yuantou:lock:'): DistributedLock {
  return {
    async tryAcquire(key, ttlMs) {
      const token = randomUUID();
      const reply = await redis.set(`${prefix}${key}`, token, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX');
      return reply === 'OK' ? token : null;
    },
    async release(key, token) {
      await redis.eval(RELEASE_IF_OURS, 1, `${prefix}${key}`, token);
    },
    async isHeld(key) {
      return (await redis.exists(`${prefix}${key}`)) === 1;
    },
  };
}

export interface FlightOptions<T> {
  signal?: AbortSignal;
  /** What another instance produced meanwhile (e.g. a fresh cache entry); polled while it holds the lock. */
  peerResult?: () => Promise<T | undefined>;
  /** Lease length; also how long a loser waits for the winner before calling itself. */
  lockTtlMs?: number;
}

export interface SingleFlight {
  /**
   * Joins the call already in flight for `key` or starts it. The shared call is aborted only when every caller
   * waiting on it has aborted; a caller that aborts stops waiting at once.
   */
  run<T>(key: string, work: (signal: AbortSignal) => Promise<T>, options?: FlightOptions<T>): Promise<T>;
  readonly inFlight: number;
}

export interface SingleFlightOptions {
  lock?: DistributedLock;
  pollMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onLockError?: (error: unknown) => void;
}

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

export function createSingleFlight(options: SingleFlightOptions = {}): SingleFlight {
  const { lock, pollMs = 50 } = options;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => sleepFor(ms, undefined, { signal }));
  const flights = new Map<string, Flight>();

  async function lead<T>(
    key: string,
    work: (s: AbortSignal) => Promise<T>,
    signal: AbortSignal,
    o: FlightOptions<T>,
  ) {
    if (!lock) return work(signal);
    const ttlMs = o.lockTtlMs ?? 10_000;
    let token: string | null;
    try {
      token = await lock.tryAcquire(key, ttlMs);
    } catch (error) {
      // Redis is down: coalescing within this instance still holds; call the provider ourselves.
      options.onLockError?.(error);
      return work(signal);
    }
    if (token === null) {
      const peer = await awaitPeer(key, signal, ttlMs, o.peerResult);
      if (peer !== undefined) return peer;
      return work(signal);
    }
    try {
      return await work(signal);
    } finally {
      await lock.release(key, token).catch(options.onLockError);
    }
  }

  async function awaitPeer<T>(
    key: string,
    signal: AbortSignal,
    ttlMs: number,
    peerResult?: () => Promise<T | undefined>,
  ) {
    const deadline = Date.now() + ttlMs;
    try {
      while (Date.now() < deadline) {
        await sleep(pollMs, signal);
        const peer = await peerResult?.();
        if (peer !== undefined) return peer;
        // The winner finished without a result (errors are not cached) or its lease ran out.
        if (!(await lock?.isHeld(key))) return peerResult?.();
      }
    } catch (error) {
      signal.throwIfAborted();
      options.onLockError?.(error);
    }
    return undefined;
  }

  function follow<T>(key: string, flight: Flight, signal?: AbortSignal): Promise<T> {
    flight.waiters++;
    const shared = flight.promise as Promise<T>;
    if (!signal) return shared;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        flight.waiters--;
        if (flight.waiters === 0) {
          if (flights.get(key) === flight) flights.delete(key);
          flight.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  return {
    run(key, work, runOptions = {}) {
      runOptions.signal?.throwIfAborted();
      let flight = flights.get(key);
      if (!flight) {
        const controller = new AbortController();
        const promise = lead(key, work, controller.signal, runOptions);
        const started: Flight = { promise, controller, waiters: 0 };
        flights.set(key, started);
        promise
          .finally(() => {
            if (flights.get(key) === started) flights.delete(key);
          })
          .catch(() => {});
        flight = started;
      }
      return follow(key, flight, runOptions.signal);
    },
    get inFlight() {
      return flights.size;
    },
  };
}
