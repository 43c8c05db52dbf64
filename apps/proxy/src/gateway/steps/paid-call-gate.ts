import type { ProviderId } from '@yuantou/core';
import type { ProviderPauses } from '../../upstream/provider-pause.js';
import type { UsageLedger } from '../../upstream/usage-ledger.js';
import type { Middleware } from '../upstream-chain.js';
import { budgetError, pausedError } from './refusals.js';

export interface PaidCallGateDeps {
  provider: ProviderId;
  pauses: ProviderPauses;
  ledger: UsageLedger;
  now: () => number;
}

/**
 * The last look before money is spent: a pause may have been set while this call queued, and the daily budget
 * counts only calls actually sent.
 */
export const paidCallGateStep =
  ({ provider, pauses, ledger, now }: PaidCallGateDeps): Middleware =>
  (next) =>
  async (a) => {
    const pause = pauses.activeLocally(provider);
    if (pause) throw pausedError(provider, pause, now());
    const { spent, budget } = await ledger.spendCall(provider);
    if (!spent && budget !== null) throw budgetError(provider, budget);
    return next(a);
  };
