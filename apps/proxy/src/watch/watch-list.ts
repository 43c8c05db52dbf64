import { ProviderError, type ProviderId, type ProviderUsage } from '@yuantou/core';
import type { Logger } from 'pino';
import type { OfferLookup } from '../gateway/gateway-contract.js';

// The watch list (issue 22, off by default): offers a buyer reorders, re-fetched once a day so their history
// accrues without anyone opening the workbook. "1688 has no price-history API … history is what the proxy itself
// fetched" (sourcing facts §4). Each run may spend only a share of each provider's daily budget.

export interface WatchListSettings {
  /** 1688 offer ids to re-fetch. */
  offerIds: string[];
  /** `HH:MM`, UTC: when the daily run starts. */
  dailyAt: string;
  /** The share (0–1] of each provider's daily budget one run may spend; with no budget, one call per offer. */
  budgetShare: number;
}

export interface WatchDeps {
  getOffer: OfferLookup;
  /** Offer providers, in the order `/v1/offers` asks them. */
  providers: ProviderId[];
  usage: () => Promise<ProviderUsage[]>;
  logger: Logger;
}

export interface WatchRunReport {
  refreshed: string[];
  /** Offers not re-fetched: every provider failed, or the run's share of the budget was used up. */
  skipped: string[];
}

/** Epoch ms of the next `HH:MM` UTC after `now`. */
export function nextRunAt(dailyAt: string, now: number): number {
  const [hh = 0, mm = 0] = dailyAt.split(':').map(Number);
  const d = new Date(now);
  const today = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hh, mm);
  return today > now ? today : today + 86_400_000;
}

/**
 * One run: each watched offer fetched fresh (`maxAge: 0`, so the gateway records a snapshot) from the first
 * provider in the order that serves it, while the provider's allowance for the run lasts:
 * `floor(budgetShare × dailyBudget)` paid calls, or one per offer when it has no budget.
 */
export async function runWatchList(settings: WatchListSettings, deps: WatchDeps): Promise<WatchRunReport> {
  const usage = new Map((await deps.usage()).map((u) => [u.provider, u]));
  const allowance = new Map<ProviderId, number>(
    deps.providers.map((id) => {
      const budget = usage.get(id)?.dailyBudget ?? null;
      return [id, budget === null ? settings.offerIds.length : Math.floor(settings.budgetShare * budget)];
    }),
  );
  const report: WatchRunReport = { refreshed: [], skipped: [] };
  for (const id of settings.offerIds) {
    let served = false;
    for (const provider of deps.providers) {
      if ((allowance.get(provider) ?? 0) <= 0) continue;
      allowance.set(provider, allowance.get(provider)! - 1);
      try {
        const result = await deps.getOffer(provider, { id }, undefined, { maxAgeSeconds: 0 });
        if (result.stale) continue;
        served = true;
        break;
      } catch (error) {
        deps.logger.info(
          { provider, offerId: id, kind: ProviderError.isInstance(error) ? error.kind : 'unknown' },
          'watch list: fetch failed',
        );
      }
    }
    (served ? report.refreshed : report.skipped).push(id);
  }
  deps.logger.info(
    { refreshed: report.refreshed.length, skipped: report.skipped.length },
    'watch list: daily run done',
  );
  return report;
}

/** Runs the watch list every day at `dailyAt` UTC; the timer never keeps the process alive. Returns a stop. */
export function scheduleWatchList(
  settings: WatchListSettings,
  deps: WatchDeps,
  now: () => number = Date.now,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const plan = () => {
    if (stopped) return;
    timer = setTimeout(
      () => void runWatchList(settings, deps).finally(plan),
      Math.max(0, nextRunAt(settings.dailyAt, now()) - now()),
    );
    timer.unref();
  };
  plan();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
