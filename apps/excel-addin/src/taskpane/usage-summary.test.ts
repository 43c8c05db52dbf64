import type { ProviderUsage } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { usageLine, usageLines } from './usage-summary.js';

const base: ProviderUsage = {
  provider: 'tmapi',
  day: '2026-12-01',
  callsToday: 12,
  dailyBudget: null,
  cacheHitsToday: 30,
  upstreamQuota: null,
  exhaustedUntil: null,
};

describe('usageLine', () => {
  it('says what a provider cost today, with and without a budget', () => {
    expect(usageLine(base)).toBe('tmapi: 12 paid calls, 30 from cache');
    expect(usageLine({ ...base, dailyBudget: 500 })).toBe('tmapi: 12 of 500 paid calls, 30 from cache');
  });

  it('adds the provider’s own quota and when calls resume', () => {
    const line = usageLine({
      ...base,
      provider: 'onebound',
      upstreamQuota: { used: 10001, limit: 10000, resetsAt: null },
      exhaustedUntil: '2999-01-01T16:00:00.000Z',
    });
    expect(line).toBe(
      'onebound: 12 paid calls, 30 from cache, provider quota 10001/10000, no calls until 16:00 UTC 2999-01-01',
    );
  });

  it('gives one line per provider', () => {
    expect(usageLines({ day: base.day, providers: [base, { ...base, provider: 'demo' }] })).toHaveLength(2);
  });
});
