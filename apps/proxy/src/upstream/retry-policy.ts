import { ProviderError } from '@yuantou/core';
import { sleep as realSleep, type Sleep } from '../sleep.js';

// Hand-written rather than cockatiel's RetryPolicy: cockatiel 3 sleeps between attempts without watching the
// AbortSignal and its timer cannot be injected, and we need Retry-After per error. The loop is this small.

export interface RetryOptions {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface RetryHooks {
  signal?: AbortSignal;
  /** Injected in tests so backoff costs no wall time. */
  sleep?: Sleep;
  /** In [0, 1); injected in tests for exact delays. */
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: ProviderError }) => void;
}

const localRefusals = new WeakSet<object>();

/**
 * Marks an error that this proxy raised itself (breaker open, rate budget exhausted) and that sending again
 * within the same call cannot fix. It stays `retryable` for the caller, who may come back later.
 */
export function markLocalRefusal<E extends object>(error: E): E {
  localRefusals.add(error);
  return error;
}

/** Only the adapter decides what is worth retrying (TMAPI 417/499/503, HTTP 429/5xx, connection resets). */
export function shouldRetry(error: unknown): error is ProviderError {
  return ProviderError.isInstance(error) && error.retryable && !localRefusals.has(error);
}

/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(max, base·2^(attempt-1))). A provider's
 * own hint (Retry-After, `retryAfterMs`) wins, capped by maxDelayMs so one call never waits unbounded.
 */
export function backoffDelayMs(
  failedAttempt: number,
  error: ProviderError,
  options: RetryOptions,
  random: () => number = Math.random,
): number {
  if (error.retryAfterMs !== null) return Math.min(Math.max(0, error.retryAfterMs), options.maxDelayMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.floor(random() * ceiling);
}

/** Runs `call` until it succeeds, fails with a non-retryable error, or maxAttempts calls have been made. */
export async function withRetries<T>(
  call: (attempt: number) => Promise<T>,
  options: RetryOptions,
  hooks: RetryHooks = {},
): Promise<T> {
  const { signal, sleep = realSleep, random = Math.random } = hooks;
  const maxAttempts = Math.max(1, Math.trunc(options.maxAttempts));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      if (attempt >= maxAttempts || !shouldRetry(error)) throw error;
      signal?.throwIfAborted();
      const delayMs = backoffDelayMs(attempt, error, options, random);
      hooks.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, signal);
    }
  }
}
