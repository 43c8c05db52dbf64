import type { ProviderId } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import { markLocalRefusal } from '../upstream/retry-policy.js';

/**
 * The one overall deadline of a client's call, fixed when the call begins: the wait for a coalesced call, a
 * prepare step, every attempt and every backoff share it.
 */
export interface Deadline {
  /** Epoch ms by which the whole call must be done. */
  at: number;
  /** Its length as configured, for the message. */
  ms: number;
}

export const deadlineFrom = (ms: number, start = Date.now()): Deadline => ({ at: start + ms, ms });

/** What a call that outlived its deadline answers: this proxy gave up, the provider said nothing. */
export function deadlineError(provider: ProviderId, deadline: Deadline): ProviderError {
  const seconds = Math.round(deadline.ms / 100) / 10;
  return markLocalRefusal(
    new ProviderError({
      provider,
      kind: 'timeout',
      message: `${provider} gave no answer within the ${seconds} s deadline`,
    }),
  );
}

/**
 * Runs `work` with a signal that fires when `signal` does or the deadline passes. When the deadline fired (and
 * the caller is still there), the call answers with the deadline error; `keepProviderErrors` keeps an error the
 * provider or the chain already gave instead (a coalesced call's own timeout says as much and more).
 */
export async function withinDeadline<T>(
  provider: ProviderId,
  deadline: Deadline,
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
  keepProviderErrors = false,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(deadlineError(provider, deadline)),
    Math.max(0, deadline.at - Date.now()),
  );
  const follow = () => controller.abort(signal?.reason);
  if (signal?.aborted) follow();
  signal?.addEventListener('abort', follow, { once: true });
  try {
    return await work(controller.signal);
  } catch (error) {
    const expired = controller.signal.aborted && !signal?.aborted;
    if (expired && !(keepProviderErrors && ProviderError.isInstance(error))) throw controller.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', follow);
  }
}
