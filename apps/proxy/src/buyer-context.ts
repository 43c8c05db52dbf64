import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The buyer a request is made for (a named token, `YUANTOU_TOKENS=alice:…`), carried through the async work of
 * that request so the paid-call gate can charge the buyer's own daily budget without every layer passing it on.
 * The plugin that resolves the token sets it (plugins/app/buyers.ts); outside a request there is none.
 */
export interface BuyerSpend {
  name: string;
  /** Paid calls this buyer may cause per UTC day; null when only the team's provider budgets apply. */
  dailyCalls: number | null;
  /** Counts one paid call for the buyer unless its budget is spent. */
  spend(): Promise<{ spent: boolean; count: number }>;
  /** Gives back a call counted for a send that did not happen (the provider's own budget refused it). */
  refund(): Promise<void>;
}

const context = new AsyncLocalStorage<BuyerSpend>();

export const currentBuyer = (): BuyerSpend | undefined => context.getStore();

/** Runs `work` (and everything it starts) on behalf of `buyer`. */
export const runAsBuyer = <T>(buyer: BuyerSpend, work: () => T): T => context.run(buyer, work);
