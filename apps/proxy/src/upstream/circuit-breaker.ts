import { ProviderError, type ProviderId } from '@yuantou/core';
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel';
import { isLocalRefusal, markLocalRefusal } from './retry-policy.js';

export interface CircuitOptions {
  failureThreshold: number;
  resetAfterMs: number;
}

/** One provider's breaker: fails fast while the provider keeps failing, so a dead upstream costs no waiting. */
export interface ProviderCircuit {
  execute<T>(call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly state: 'closed' | 'open' | 'half-open';
}

const FAILURE_KINDS = new Set(['upstream', 'timeout', 'invalid_response']);

/**
 * Only the provider's own trouble trips the breaker: it failed (`upstream`, `timeout`) or answered garbage
 * (`invalid_response`). A bad request, bad credentials or an exhausted quota say nothing about whether the
 * provider is up, and this proxy's own refusals (its rate limit, a pause, the budget) say nothing about the
 * provider at all: both are neutral for the count. So is a provider asking us to wait (a 429, or a 503 with
 * `Retry-After`): it is up and said when to come back, and the pause it names is honoured instead (issue 23:
 * five 429s in a burst opened the breaker for 30 s on a healthy provider).
 */
export function isProviderFailure(error: unknown): boolean {
  if (!ProviderError.isInstance(error) || isLocalRefusal(error)) return false;
  const askedToWait =
    error.kind === 'rate_limited' || (error.retryAfterMs !== null && error.retryAfterMs > 0);
  return FAILURE_KINDS.has(error.kind) && !askedToWait;
}

const STATE_NAMES = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
} as const;

export function createProviderCircuit(
  provider: ProviderId,
  options: CircuitOptions,
  onStateChange?: (state: ProviderCircuit['state']) => void,
): ProviderCircuit {
  const policy = circuitBreaker(handleWhen(isProviderFailure), {
    halfOpenAfter: options.resetAfterMs,
    breaker: new ConsecutiveBreaker(Math.max(1, options.failureThreshold)),
  });
  // cockatiel measures the pause with Date.now(); we mirror its start to tell callers how long is left.
  let openedAt = 0;
  policy.onBreak(() => {
    openedAt = Date.now();
  });
  policy.onStateChange((state) => onStateChange?.(STATE_NAMES[state]));

  return {
    get state() {
      return STATE_NAMES[policy.state];
    },
    async execute(call, signal) {
      try {
        return await policy.execute(({ signal: inner }) => call(inner), signal);
      } catch (error) {
        if (!(error instanceof BrokenCircuitError)) throw error;
        const remainingMs = Math.max(0, options.resetAfterMs - (Date.now() - openedAt));
        const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
        throw markLocalRefusal(
          new ProviderError({
            provider,
            kind: 'upstream',
            retryable: true,
            retryAfterMs: remainingMs,
            message: `${provider} is failing; paused for ${seconds}s`,
          }),
        );
      }
    },
  };
}
