import { ProviderError, type ProviderId } from '@yuantou/core';
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel';
import { markLocalRefusal } from './retry-policy.js';

export interface CircuitOptions {
  failureThreshold: number;
  resetAfterMs: number;
}

/** One provider's breaker: fails fast while the provider keeps failing, so a dead upstream costs no waiting. */
export interface ProviderCircuit {
  execute<T>(call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly state: 'closed' | 'open' | 'half-open';
}

/**
 * Only the provider's own health trips the breaker: `upstream` and `timeout`. A bad request, bad credentials
 * or an exhausted quota say nothing about whether the provider is up (and are neutral for the count).
 */
export function isProviderFailure(error: unknown): boolean {
  return ProviderError.isInstance(error) && (error.kind === 'upstream' || error.kind === 'timeout');
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
