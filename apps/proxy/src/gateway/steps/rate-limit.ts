import type { RateLimiter } from '../../upstream/rate-limiter.js';
import type { Middleware } from '../upstream-chain.js';

/** Each attempt takes a slot of the provider's requests-per-minute, waiting for one within the deadline. */
export const rateLimitStep =
  (limiter: RateLimiter): Middleware =>
  (next) =>
  async (a) => {
    await limiter.acquire(a.signal, a.deadline.at);
    return next(a);
  };
