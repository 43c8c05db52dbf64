import type { Logger } from 'pino';
import type { Sleep } from '../../sleep.js';
import { type RetryOptions, withRetries } from '../../upstream/retry-policy.js';
import type { Middleware } from '../upstream-chain.js';

export interface RetryStepDeps {
  retry: RetryOptions;
  log: Logger;
  sleep?: Sleep;
  random?: () => number;
}

/** Retries retryable answers with backoff (Retry-After honoured) while the deadline allows another wait. */
export const retryStep =
  ({ retry, log, sleep, random }: RetryStepDeps): Middleware =>
  (next) =>
  (a) =>
    withRetries((attempt) => next({ ...a, attempt }), retry, {
      signal: a.signal,
      deadlineAt: a.deadline.at,
      sleep,
      random,
      onRetry: ({ attempt, delayMs, error }) =>
        log.info(
          { operation: a.operation, step: a.step, attempt, kind: error.kind, delayMs },
          'retrying upstream call',
        ),
    });
