import { ProviderError, type ProviderId, type ProviderUsage, type Quota } from '@yuantou/core';
import { type BuyerSpend, currentBuyer } from '../buyer-context.js';
import type { RedisClient } from '../redis-client.js';
import type { ProviderPauses } from './provider-pause.js';
import { markLocalRefusal } from './retry-policy.js';
import type { SharedCounters } from './shared-counters.js';

/** `2026-12-01`: budgets and counts run per UTC day. */
export const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Epoch ms of the next 00:00 UTC. */
export function nextUtcMidnight(at: number): number {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

/**
 * What each provider costs today, counted across instances: paid calls (checked against the daily budget before
 * each one), cache hits, and the quota the provider itself last reported.
 */
export interface UsageLedger {
  /** Counts one paid call unless the provider's daily budget is spent (then `spent` is false and nothing is counted). */
  spendCall(provider: ProviderId): Promise<{ spent: boolean; count: number; budget: number | null }>;
  /** Counts `hits` cache hits (default one); the gateway batches them off the request path. */
  countCacheHit(provider: ProviderId, hits?: number): void;
  /** The quota a provider reported with an answer; returns true the first time today it is at or past its limit. */
  recordQuota(provider: ProviderId, quota: Quota): boolean;
  report(): Promise<ProviderUsage[]>;
}

/** Where paid calls per provider and day are kept across restarts (the answer store); both never throw. */
export interface DurableCallCounts {
  /** Raises the recorded count (never lowers it). */
  record(provider: ProviderId, day: string, calls: number): Promise<void>;
  /** The recorded counts of `day`, per provider. */
  load(day: string): Promise<Map<string, number>>;
}

export interface UsageLedgerOptions {
  providers: { id: ProviderId; dailyCalls: number | null }[];
  counters: SharedCounters;
  pauses: ProviderPauses;
  redis?: RedisClient;
  prefix: string;
  onRedisError: (error: unknown) => void;
  /** With it, the day's paid calls survive a restart of this process and of Redis: budgets never reset mid-day. */
  durable?: DurableCallCounts;
  now?: () => number;
}

export function createUsageLedger(options: UsageLedgerOptions): UsageLedger {
  const now = options.now ?? Date.now;
  const budgets = new Map(options.providers.map((p) => [p.id, p.dailyCalls]));
  const quotas = new Map<ProviderId, Quota & { day: string }>();
  const warned = new Set<string>();
  const pendingHits = new Set<Promise<unknown>>();
  // Counted keys live a day past their own so a report just after midnight still finds yesterday's.
  const ttlMs = () => nextUtcMidnight(now()) - now() + 86_400_000;
  const key = (kind: 'calls' | 'hits', provider: ProviderId) => `${kind}:${provider}:${utcDay(now())}`;
  // Once per day and process: the durable counts become the floor the shared counters continue from.
  let seeded: { day: string; done: Promise<void> } | undefined;
  const seedToday = () => {
    const day = utcDay(now());
    if (!options.durable || seeded?.day === day) return seeded?.done;
    const done = options.durable.load(day).then((counts) => {
      for (const [provider, calls] of counts)
        options.counters.seed(`calls:${provider}:${day}`, calls, ttlMs());
    });
    seeded = { day, done };
    return done;
  };

  return {
    async spendCall(provider) {
      // The buyer's own budget first: a buyer over it is refused without touching the team's provider budget,
      // and the other buyers go on (issue 28). A call the provider budget then refuses is given back.
      const buyer = currentBuyer();
      if (buyer && !(await buyer.spend()).spent) {
        throw buyerBudgetError(buyer, provider, nextUtcMidnight(now()) - now());
      }
      const budget = budgets.get(provider) ?? null;
      await seedToday();
      const { spent, count } = await options.counters.spend(key('calls', provider), budget, ttlMs());
      if (!spent && buyer) await buyer.refund();
      // Recorded before the call is sent: a crash right after cannot forget money about to be spent.
      if (spent) await options.durable?.record(provider, utcDay(now()), count);
      return { spent, count, budget };
    },
    countCacheHit(provider, hits = 1) {
      const counted = options.counters
        .add(key('hits', provider), hits, ttlMs())
        .catch(() => {})
        .finally(() => pendingHits.delete(counted));
      pendingHits.add(counted);
    },
    recordQuota(provider, quota) {
      const day = utcDay(now());
      quotas.set(provider, { ...quota, day });
      if (options.redis) {
        options.redis
          .set(`${options.prefix}quota:${provider}`, JSON.stringify(quota), 'PX', ttlMs())
          .catch(options.onRedisError);
      }
      const atLimit = quota.limit > 0 && quota.used >= quota.limit;
      const first = atLimit && !warned.has(`${provider}:${day}`);
      if (first) warned.add(`${provider}:${day}`);
      return first;
    },
    async report() {
      await Promise.allSettled([...pendingHits]);
      await seedToday();
      const ids = [...budgets.keys()];
      const [calls, hits] = await Promise.all([
        options.counters.read(ids.map((id) => key('calls', id))),
        options.counters.read(ids.map((id) => key('hits', id))),
      ]);
      return Promise.all(
        ids.map(async (provider, i): Promise<ProviderUsage> => {
          const budget = budgets.get(provider) ?? null;
          const callsToday = calls[i] ?? 0;
          const pause = await options.pauses.active(provider);
          const budgetSpentUntil = budget !== null && callsToday >= budget ? nextUtcMidnight(now()) : null;
          const exhausted = Math.max(pause?.kind === 'quota' ? pause.until : 0, budgetSpentUntil ?? 0);
          return {
            provider,
            day: utcDay(now()),
            callsToday,
            dailyBudget: budget,
            cacheHitsToday: hits[i] ?? 0,
            upstreamQuota: await reportedQuota(provider),
            exhaustedUntil: exhausted > 0 ? new Date(exhausted).toISOString() : null,
          };
        }),
      );
    },
  };

  async function reportedQuota(provider: ProviderId): Promise<Quota | null> {
    const mine = quotas.get(provider);
    if (mine && mine.day === utcDay(now()))
      return { used: mine.used, limit: mine.limit, resetsAt: mine.resetsAt };
    if (!options.redis) return null;
    try {
      const raw = await options.redis.get(`${options.prefix}quota:${provider}`);
      return raw === null ? null : (JSON.parse(raw) as Quota);
    } catch (error) {
      options.onRedisError(error);
      return null;
    }
  }
}

/**
 * A refusal this proxy makes itself (not the provider's answer: no status, so no provider pause follows), and
 * one a retry cannot fix. `kind: quota` so the add-in treats it like a provider budget.
 */
function buyerBudgetError(buyer: BuyerSpend, provider: ProviderId, untilMidnightMs: number): ProviderError {
  return markLocalRefusal(
    new ProviderError({
      provider,
      kind: 'quota',
      retryable: true,
      retryAfterMs: untilMidnightMs,
      message: `buyer ${buyer.name}: daily budget of ${buyer.dailyCalls} paid calls spent; resets 00:00 UTC (other buyers are not affected)`,
    }),
  );
}
