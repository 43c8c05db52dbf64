import type { OfferResult, Problem } from '@yuantou/core';
import { problem } from '../problem.js';

// `GET /v1/offers/:ref` answers one offer, so its failure is the whole answer: a problem body whose status says
// what the client can do (fix the link, wait, give up), with the providers' own words in `detail`.

const STATUS: Record<string, number> = {
  invalid_ref: 400,
  not_found: 404,
  no_provider: 501,
  rate_limited: 503,
  quota: 503,
  timeout: 504,
  // The batch deadline (POST /v1/offers only); a one-offer answer that ran out of time is a timeout.
  deadline: 504,
};

const PROBLEM_KIND: Record<string, Problem['kind']> = {
  invalid_ref: 'validation',
  no_provider: 'bad_request',
  deadline: 'timeout',
};

export function offerProblem(result: OfferResult): Problem {
  const error = result.error!;
  const status = STATUS[error.kind] ?? 502;
  const hints = result.attempts.flatMap((a) =>
    a.error?.retryAfterMs !== null && a.error?.retryAfterMs !== undefined && a.error.retryAfterMs > 0
      ? [a.error.retryAfterMs]
      : [],
  );
  const retryAfterSeconds =
    status === 503 && hints.length > 0 ? Math.ceil(Math.min(...hints) / 1000) : undefined;
  return problem(status, error.message, {
    kind: PROBLEM_KIND[error.kind] ?? (error.kind as Problem['kind']),
    ...(error.kind === 'invalid_ref' ? { field: 'ref' } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
}
