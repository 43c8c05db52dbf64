import type { ProviderId } from '@yuantou/core';
import { withinDeadline } from '../deadline.js';
import type { Middleware } from '../upstream-chain.js';

/**
 * Outermost: the attempts run under the call's one deadline (fixed when the client's call began, so a prepare
 * step and the call after it share it); past it the call answers `timeout`.
 */
export const deadlineStep =
  (provider: ProviderId): Middleware =>
  (next) =>
  (a) =>
    withinDeadline(provider, a.deadline, a.signal, (signal) => next({ ...a, signal }));
