import { setTimeout as sleepFor } from 'node:timers/promises';

/** The proxy's one way to wait: rejects with the signal's reason as soon as it fires. Tests inject their own. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) => sleepFor(Math.max(0, ms), undefined, { signal });
