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

  it('puts the buyer’s own spend and the team’s first on a team proxy', () => {
    const lines = usageLines({
      day: base.day,
      providers: [base],
      teamCallsToday: 40,
      buyer: { name: 'alice', callsToday: 12, dailyBudget: 12, exhaustedUntil: '2999-01-01T00:00:00.000Z' },
    });
    expect(lines).toEqual([
      'you (alice): 12 of your 12 paid calls, no paid calls until 00:00 UTC 2999-01-01',
      'team: 40 paid calls',
      'tmapi: 12 paid calls, 30 from cache',
    ]);
  });
});
