import { ProviderError } from '@yuantou/core';
import { sleep as realSleep, type Sleep } from '../sleep.js';

// Hand-written rather than cockatiel's RetryPolicy: cockatiel 3 sleeps between attempts without watching the
// AbortSignal and its timer cannot be injected, and we need Retry-After and the request's deadline per error.
// The loop is this small.

export interface RetryOptions {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface RetryHooks {
  signal?: AbortSignal;
  /** Epoch ms by which the whole call must be done: a retry whose wait would pass it is not made. */
  deadlineAt?: number;
  /** Injected in tests so backoff costs no wall time. */
  sleep?: Sleep;
  /** In [0, 1); injected in tests for exact delays. */
  random?: () => number;
  now?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: ProviderError }) => void;
}

const localRefusals = new WeakSet<object>();
const notRepeated = new WeakSet<object>();

/**
 * Marks an error that this proxy raised itself (breaker open, rate budget or daily budget spent, provider
 * paused, deadline passed): sending again within the same call cannot fix it, and it says nothing about the
 * provider's health. It stays `retryable` for the caller, who may come back later.
 */
export function markLocalRefusal<E extends object>(error: E): E {
  localRefusals.add(error);
  return error;
}

export function isLocalRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && localRefusals.has(error);
}

/**
 * Marks a paid call that may have been billed without an answer (the provider took the request, then never
 * answered in time): repeating it blindly could pay twice for nothing, so it is not retried inside the request.
 */
export function markNotRepeated<E extends object>(error: E): E {
  notRepeated.add(error);
  return error;
}

/** Only the adapter decides what is worth retrying (TMAPI 417/499/503, HTTP 429/5xx, connection resets). */
export function shouldRetry(error: unknown): error is ProviderError {
  return (
    ProviderError.isInstance(error) && error.retryable && !localRefusals.has(error) && !notRepeated.has(error)
  );
}

/**
 * The provider's own hint (Retry-After, `retryAfterMs`) is honoured as given — the deadline, not a cap,
 * decides whether waiting it out fits in the request. Otherwise exponential backoff with full jitter: a uniform
 * delay in [0, min(max, base·2^(attempt-1))).
 */
export function backoffDelayMs(
  failedAttempt: number,
  error: ProviderError,
  options: RetryOptions,
  random: () => number = Math.random,
): number {
  if (error.retryAfterMs !== null) return Math.max(0, error.retryAfterMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Runs `call` until it succeeds, fails with an error not worth retrying, maxAttempts calls have been made, or
 * the next wait would end past the deadline.
 */
export async function withRetries<T>(
  call: (attempt: number) => Promise<T>,
  options: RetryOptions,
  hooks: RetryHooks = {},
): Promise<T> {
  const { signal, sleep = realSleep, random = Math.random, now = Date.now } = hooks;
  const maxAttempts = Math.max(1, Math.trunc(options.maxAttempts));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      if (attempt >= maxAttempts || !shouldRetry(error)) throw error;
      signal?.throwIfAborted();
      const delayMs = backoffDelayMs(attempt, error, options, random);
      if (hooks.deadlineAt !== undefined && now() + delayMs >= hooks.deadlineAt) throw error;
      hooks.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, signal);
    }
  }
}
