import { type ErrorKind, ProviderError } from '@yuantou/core';

// "When, and how old" (issue 22): whether a kept answer is young enough for a request's `maxAge`, and why an
// older one is served instead of an error.

/** Failures after which an older answer beats an error: out of budget or quota, rate limited, or down. */
const SERVE_OLDER_AFTER: ReadonlySet<ErrorKind> = new Set(['quota', 'rate_limited', 'upstream', 'timeout']);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `3 Dec 14:05 UTC`: short enough for a cell note, unambiguous across the buyer's and the proxy's zones. */
export function asOfText(epochMs: number): string {
  const d = new Date(epochMs);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${hh}:${mm} UTC`;
}

/** Whether an answer fetched at `fetchedAt` is at most `maxAgeSeconds` old (`0` never is: it asks for fresh). */
export function withinMaxAge(fetchedAt: number, maxAgeSeconds: number, now: number): boolean {
  return maxAgeSeconds > 0 && now - fetchedAt <= maxAgeSeconds * 1000;
}

/**
 * Why an older answer is served for this failure (`budget reached — values as of 3 Dec 14:05 UTC`), or
 * undefined when the failure must be seen (auth, bad request, not found, an invalid answer).
 */
export function staleReason(error: unknown, fetchedAt: number): string | undefined {
  if (!ProviderError.isInstance(error) || !SERVE_OLDER_AFTER.has(error.kind)) return undefined;
  const why =
    error.kind === 'quota'
      ? // The usage ledger's refusal says "daily budget of N calls spent"; a provider's own limit is a quota.
        /budget/i.test(error.message)
        ? 'budget reached'
        : 'quota reached'
      : error.kind === 'rate_limited'
        ? 'rate limited'
        : error.kind === 'timeout'
          ? 'provider timed out'
          : 'provider unavailable';
  return `${why} — values as of ${asOfText(fetchedAt)}`;
}
