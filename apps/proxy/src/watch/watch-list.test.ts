import { ProviderError, type ProviderId, type ProviderUsage } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import type { AnswerFreshness, OfferLookup } from '../gateway/gateway-contract.js';
import { nextRunAt, runWatchList } from './watch-list.js';

const logger = pino({ level: 'silent' });
const IDS = ['612345678901', '612345678902', '612345678903', '612345678904'];

function usageOf(budgets: Partial<Record<ProviderId, number | null>>): () => Promise<ProviderUsage[]> {
  return async () =>
    Object.entries(budgets).map(([provider, dailyBudget]) => ({
      provider: provider as ProviderId,
      day: '2026-12-03',
      callsToday: 0,
      dailyBudget: dailyBudget ?? null,
      cacheHitsToday: 0,
      upstreamQuota: null,
      exhaustedUntil: null,
    }));
}

function gateway(failing: Set<string> = new Set()) {
  const calls: { provider: ProviderId; id: string; freshness?: AnswerFreshness }[] = [];
  const getOffer: OfferLookup = async (provider, query, _signal, freshness) => {
    calls.push({ provider, id: query.id, freshness });
    if (failing.has(`${provider}:${query.id}`))
      throw new ProviderError({ provider, kind: 'upstream', message: 'down' });
    return {
      offer: sampleOffer(query.id, provider),
      fromCache: false,
      stale: false,
      fetchedAt: Date.now(),
      durationMs: 1,
      ignored: [],
    };
  };
  return { getOffer, calls };
}

describe('watch list', () => {
  it('fetches each offer fresh (maxAge 0) from the first provider that serves it', async () => {
    const g = gateway(new Set([`tmapi:${IDS[1]}`]));
    const report = await runWatchList(
      { offerIds: IDS.slice(0, 2), dailyAt: '06:00', budgetShare: 1 },
      {
        getOffer: g.getOffer,
        providers: ['tmapi', 'onebound'],
        usage: usageOf({ tmapi: null, onebound: null }),
        logger,
      },
    );
    expect(report).toEqual({ refreshed: IDS.slice(0, 2), skipped: [] });
    expect(g.calls.map((c) => `${c.provider}:${c.id}`)).toEqual([
      `tmapi:${IDS[0]}`,
      `tmapi:${IDS[1]}`,
      `onebound:${IDS[1]}`,
    ]);
    expect(g.calls.every((c) => c.freshness?.maxAgeSeconds === 0)).toBe(true);
  });

  it('spends at most its share of each provider budget; the rest is skipped, not paid for', async () => {
    const g = gateway();
    const report = await runWatchList(
      { offerIds: IDS, dailyAt: '06:00', budgetShare: 0.25 },
      { getOffer: g.getOffer, providers: ['tmapi'], usage: usageOf({ tmapi: 8 }), logger },
    );
    expect(g.calls).toHaveLength(2);
    expect(report).toEqual({ refreshed: IDS.slice(0, 2), skipped: IDS.slice(2) });
  });

  it('runs next at the configured UTC time, today or tomorrow', () => {
    const at = Date.parse('2026-12-03T05:00:00Z');
    expect(new Date(nextRunAt('06:00', at)).toISOString()).toBe('2026-12-03T06:00:00.000Z');
    expect(new Date(nextRunAt('04:30', at)).toISOString()).toBe('2026-12-04T04:30:00.000Z');
  });

  it('is off by default and read from YUANTOU_WATCH_*; a bad time or share is a start-up error naming it', () => {
    const cwd = '/nonexistent-yuantou-dir';
    expect(loadConfig({ env: {}, cwd }).watch).toBeUndefined();
    expect(
      loadConfig({
        env: { YUANTOU_WATCH_OFFERS: `${IDS[0]}, ${IDS[0]},${IDS[1]}`, YUANTOU_WATCH_AT: '07:15' },
        cwd,
      }).watch,
    ).toEqual({ offerIds: IDS.slice(0, 2), dailyAt: '07:15', budgetShare: 0.25 });
    expect(() =>
      loadConfig({ env: { YUANTOU_WATCH_OFFERS: IDS[0]!, YUANTOU_WATCH_AT: '25:00' }, cwd }),
    ).toThrow(/watch\.dailyAt|YUANTOU_WATCH_AT/);
    expect(() =>
      loadConfig({ env: { YUANTOU_WATCH_OFFERS: IDS[0]!, YUANTOU_WATCH_BUDGET_SHARE: '2' }, cwd }),
    ).toThrow(/budgetShare|YUANTOU_WATCH_BUDGET_SHARE/);
  });
});
