import { setTimeout as sleepFor } from 'node:timers/promises';

/** The proxy's one way to wait: rejects with the signal's reason as soon as it fires. Tests inject their own. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Waits until Date.now() has moved `ms` on. A timer alone may fire early by that clock: libuv counts from its
 * cached loop time, which lags behind on a busy process. The retry after a provider's Retry-After waits exactly
 * as long as the pause that answer set (gateway pause step), and a retry a few ms early was refused by that very
 * pause (a CI run under load) — so the rest is waited out.
 */
export const sleep: Sleep = async (ms, signal) => {
  const until = Date.now() + Math.max(0, ms);
  await sleepFor(Math.max(0, ms), undefined, { signal });
  for (let left = until - Date.now(); left > 0; left = until - Date.now()) {
    await sleepFor(left, undefined, { signal });
  }
};
