import type { ProviderUsage, UsageResponse } from '@yuantou/core';

// The settings panel's "spent today" lines, from the proxy's GET /v1/usage: a buyer sees what the sheet costs.

const clock = (iso: string) =>
  `${iso.slice(11, 16)} UTC${iso.slice(0, 10) === new Date().toISOString().slice(0, 10) ? '' : ` ${iso.slice(0, 10)}`}`;

/** One line per provider: paid calls (against the budget), cache hits, the provider's own quota, and a pause. */
export function usageLine(usage: ProviderUsage): string {
  const calls = `${usage.callsToday}${usage.dailyBudget === null ? '' : ` of ${usage.dailyBudget}`} paid calls`;
  const parts = [`${usage.provider}: ${calls}`, `${usage.cacheHitsToday} from cache`];
  if (usage.upstreamQuota)
    parts.push(`provider quota ${usage.upstreamQuota.used}/${usage.upstreamQuota.limit}`);
  if (usage.exhaustedUntil) parts.push(`no calls until ${clock(usage.exhaustedUntil)}`);
  return parts.join(', ');
}

export function usageLines(response: UsageResponse): string[] {
  return response.providers.map(usageLine);
}
