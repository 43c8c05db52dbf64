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

/**
 * The caller's own spend first when the proxy names its tokens (a team's proxy, issue 28), then the team's,
 * then one line per provider.
 */
export function usageLines(response: UsageResponse): string[] {
  const lines: string[] = [];
  const { buyer } = response;
  if (buyer) {
    const budget = buyer.dailyBudget === null ? '' : ` of your ${buyer.dailyBudget}`;
    const paused = buyer.exhaustedUntil ? `, no paid calls until ${clock(buyer.exhaustedUntil)}` : '';
    lines.push(`you (${buyer.name}): ${buyer.callsToday}${budget} paid calls${paused}`);
  }
  if (response.teamCallsToday !== undefined && buyer)
    lines.push(`team: ${response.teamCallsToday} paid calls`);
  return [...lines, ...response.providers.map(usageLine)];
}
