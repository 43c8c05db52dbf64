import type { UsageResponse } from '@yuantou/core';

// The budget side of a refresh, from the proxy's GET /v1/usage (paid calls, cache hits, daily budget and
// exhaustion per provider; the buyer's own budget on a team proxy). The complaint users of data add-ins make
// most is "being locked out without warning when a data limit is reached ('all data turn to N/A')", so the
// pane warns from WARN_SHARE of a budget on, and before a refresh that may not fit in what is left.

/** From this share of a daily budget spent, the pane warns. */
export const WARN_SHARE = 0.8;

export interface BudgetLeft {
  /** `tmapi`, or `you (alice)` for the buyer's own budget. */
  who: string;
  left: number;
  budget: number;
}

/** Paid calls left today under each budget that has one (the buyer's first). Unlimited ones are left out. */
export function budgetsLeft(usage: UsageResponse): BudgetLeft[] {
  const budgets: BudgetLeft[] = [];
  const { buyer } = usage;
  if (buyer?.dailyBudget != null) {
    budgets.push({
      who: `you (${buyer.name})`,
      left: Math.max(0, buyer.dailyBudget - buyer.callsToday),
      budget: buyer.dailyBudget,
    });
  }
  for (const p of usage.providers) {
    if (p.dailyBudget === null) continue;
    budgets.push({ who: p.provider, left: Math.max(0, p.dailyBudget - p.callsToday), budget: p.dailyBudget });
  }
  return budgets;
}

/** The providers a search pays: every one the proxy lists except the free bundled `demo`; null if unknown. */
export function paidProviders(usage: UsageResponse | null): number | null {
  return usage ? usage.providers.filter((p) => p.provider !== 'demo').length : null;
}

/** "Budget left today: tmapi 460 of 500, you (alice) 12 of 20", or that no budget limits the calls. */
export function budgetLine(usage: UsageResponse | null): string {
  if (!usage) return 'Budget left today: unknown (the proxy did not say).';
  const budgets = budgetsLeft(usage);
  if (budgets.length === 0) return 'Budget left today: no daily budget is set on the proxy.';
  return `Budget left today: ${budgets.map((b) => `${b.who} ${b.left} of ${b.budget}`).join(', ')}.`;
}

/**
 * What the buyer should know before paying: budgets spent or nearly spent, providers paused, and — with the
 * refresh's `paidCalls` — budgets the refresh may not fit in. Empty when nothing is near a limit.
 */
export function budgetWarnings(usage: UsageResponse | null, paidCalls?: number): string[] {
  if (!usage) return [];
  const warnings: string[] = [];
  for (const b of budgetsLeft(usage)) {
    if (paidCalls !== undefined && paidCalls > b.left) {
      warnings.push(
        `This refresh may need up to ${paidCalls} paid calls but ${b.who} has ${b.left} left today: cells past the budget keep older values or show the limit.`,
      );
    } else if (b.left === 0) {
      warnings.push(`${b.who}: the daily budget of ${b.budget} paid calls is spent.`);
    } else if (b.budget - b.left >= WARN_SHARE * b.budget) {
      warnings.push(`${b.who}: only ${b.left} of ${b.budget} paid calls left today.`);
    }
  }
  for (const p of usage.providers) {
    if (p.exhaustedUntil && p.dailyBudget === null)
      warnings.push(`${p.provider}: no paid calls until ${p.exhaustedUntil.slice(11, 16)} UTC.`);
  }
  return warnings;
}
