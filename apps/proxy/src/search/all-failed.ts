import type { Problem, ProviderErrorJson, ProviderStatus } from '@yuantou/core';
import { problem } from '../problem.js';

const BUSY_KINDS = new Set(['rate_limited', 'quota']);

/**
 * Waiting helps: rate limits, spent quotas, and `upstream` errors that carry a retry hint — which is how the
 * gateway reports an open circuit breaker (upstream/circuit-breaker.ts) and how a 503 with Retry-After arrives.
 */
const isBusy = (e: ProviderErrorJson) =>
  BUSY_KINDS.has(e.kind) || (e.kind === 'upstream' && e.retryAfterMs !== null && e.retryAfterMs > 0);

/**
 * Every selected provider failed: 400 when each refused the request as the caller's mistake, 504 when they all timed out, 503 when any is rate limited, out of quota or
 * behind an open breaker (waiting helps; Retry-After is the shortest hint given), else 502.
 */
export function allFailedProblem(statuses: ProviderStatus[]): Problem {
  const errors = statuses.flatMap((s) => (s.error ? [s.error] : []));
  const names = statuses.map((s) => s.provider).join(', ');
  // The request asked something no selected provider can do with it (base64 to a URL-only provider), refused by
  // the adapters before anything was sent (no HTTP status): the caller can fix it, the providers are fine. A
  // provider's own "parameter error" stays a 502: it may be our mapping's fault, not the caller's.
  if (errors.length > 0 && errors.every((e) => e.kind === 'bad_request' && e.status === null)) {
    return problem(400, errors.map((e) => `${e.provider}: ${e.message}`).join('; '), {
      kind: 'bad_request',
      providers: statuses,
    });
  }
  if (errors.length > 0 && errors.every((e) => e.kind === 'timeout')) {
    return problem(504, `every provider timed out (${names})`, { kind: 'timeout', providers: statuses });
  }
  const busy = errors.filter(isBusy);
  if (busy.length > 0) {
    const hints = busy.flatMap((e) =>
      e.retryAfterMs !== null && e.retryAfterMs > 0 ? [e.retryAfterMs] : [],
    );
    const retryAfterSeconds = hints.length > 0 ? Math.ceil(Math.min(...hints) / 1000) : undefined;
    return problem(
      503,
      `every provider failed; ${busy.map((e) => `${e.provider}: ${e.message}`).join('; ')}`,
      {
        kind: busy[0]!.kind,
        providers: statuses,
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      },
    );
  }
  const first = errors[0];
  return problem(
    502,
    `every provider failed; ${errors.map((e) => `${e.provider}: ${e.message}`).join('; ')}`,
    {
      kind: first?.kind ?? 'upstream',
      providers: statuses,
    },
  );
}
