import type { ProviderId } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import type { Pause } from '../../upstream/provider-pause.js';
import { markLocalRefusal } from '../../upstream/retry-policy.js';
import { nextUtcMidnight } from '../../upstream/usage-ledger.js';

const clock = (at: number) => new Date(at).toISOString().slice(11, 19);

/** A paused provider's answer, given by this proxy without a call: retry once the pause ends. */
export const pausedError = (provider: ProviderId, pause: Pause, now: number) =>
  markLocalRefusal(
    new ProviderError({
      provider,
      kind: pause.kind,
      retryable: true,
      retryAfterMs: Math.max(1, pause.until - now),
      // A breaker opened (here or on another instance): said as the breaker says it.
      message:
        pause.kind === 'upstream'
          ? `${provider} is failing; paused for ${Math.max(1, Math.ceil((pause.until - now) / 1000))}s`
          : `${pause.reason}; no call until ${clock(pause.until)} UTC`,
    }),
  );

/** The provider's daily budget (config `dailyCalls`) is spent: nothing is sent until 00:00 UTC. */
export const budgetError = (provider: ProviderId, budget: number) =>
  markLocalRefusal(
    new ProviderError({
      provider,
      kind: 'quota',
      retryable: true,
      retryAfterMs: nextUtcMidnight(Date.now()) - Date.now(),
      message: `${provider} daily budget of ${budget} calls spent; resets 00:00 UTC`,
    }),
  );
