import type { ConcurrencyLimiter } from '../../upstream/concurrency-limiter.js';
import type { Middleware } from '../upstream-chain.js';

/** At most the provider's `concurrency` sends at once; the rest queue until a slot frees or they abort. */
export const concurrencyStep =
  (limiter: ConcurrencyLimiter): Middleware =>
  (next) =>
  (a) =>
    limiter.run(() => next(a), a.signal);
