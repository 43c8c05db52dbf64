import type { Page, ProviderId, Quota } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import type { Logger } from 'pino';
import type { ProviderPauses } from '../../upstream/provider-pause.js';
import { markLocalRefusal } from '../../upstream/retry-policy.js';
import type { UpstreamMetrics } from '../../upstream/upstream-metrics.js';
import type { UsageLedger } from '../../upstream/usage-ledger.js';
import type { Middleware } from '../upstream-chain.js';
import { pausedError } from './refusals.js';

/** How long a provider is paused after a rate-limit answer that named no Retry-After. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 1000;

export interface PauseStepDeps {
  provider: ProviderId;
  pauses: ProviderPauses;
  ledger: UsageLedger;
  metrics: UpstreamMetrics;
  log: Logger;
  /** How long a provider that answered "quota" is left alone when it gives no reset time. */
  quotaCoolDownMs: number;
  now: () => number;
}

/**
 * A paused provider answers at once; what a provider answers (its quota, a quota or rate-limit refusal) pauses
 * it for every later call, across instances.
 */
export function pauseStep(deps: PauseStepDeps): Middleware {
  const { provider, pauses, now } = deps;
  const notes = pauseNotes(deps);
  return (next) => async (a) => {
    const pause = await pauses.active(provider);
    if (pause) throw pausedError(provider, pause, now());
    try {
      const page = await next(a);
      notes.quota(page);
      return page;
    } catch (error) {
      throw await notes.refusal(error);
    }
  };
}

/** The pause step's handlers: what an answer means for the provider's later calls. */
function pauseNotes({ provider, pauses, ledger, metrics, log, quotaCoolDownMs, now }: PauseStepDeps) {
  async function pauseFor(quota: Quota) {
    const reset = quota.resetsAt ? Date.parse(quota.resetsAt) : Number.NaN;
    const until = Number.isFinite(reset) && reset > now() ? reset : now() + quotaCoolDownMs;
    await pauses.pause(provider, {
      kind: 'quota',
      until,
      reason: `${provider} reports ${quota.used} of its ${quota.limit} calls used today`,
    });
  }

  /** A page's quota (Onebound's `api_info`); offers and prepared params carry none. */
  function quota(result: unknown) {
    const quota = (result as Partial<Page<unknown>> | null)?.quota;
    if (!quota) return;
    metrics.quotaUsed.set({ provider }, quota.used);
    metrics.quotaLimit.set({ provider }, quota.limit);
    if (ledger.recordQuota(provider, quota)) {
      log.warn({ used: quota.used, limit: quota.limit }, `${provider} quota spent; pausing calls`);
    }
    if (quota.limit > 0 && quota.used >= quota.limit) void pauseFor(quota);
  }

  async function quotaRefusal(error: ProviderError) {
    const until = now() + quotaCoolDownMs;
    await pauses.pause(provider, {
      kind: 'quota',
      until,
      reason: `${provider} answered that its quota is spent`,
    });
    log.warn(
      { providerCode: error.providerCode, until: new Date(until).toISOString() },
      `${provider} quota spent; pausing calls`,
    );
    return error;
  }

  async function rateLimitRefusal(error: ProviderError) {
    // Another call already paused the provider while this one was out: do not retry into the same wall.
    const already = pauses.activeLocally(provider);
    const waitMs = error.retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS;
    await pauses.pause(provider, {
      kind: 'rate_limited',
      until: now() + waitMs,
      reason: `${provider} asked to slow down`,
    });
    if (already) return markLocalRefusal(error);
    // Without Retry-After the provider named no safe moment: this request answers at once (with the pause as
    // its Retry-After) rather than guessing; with one, the retry step waits it out if the deadline allows.
    if (error.retryAfterMs === null) {
      return markLocalRefusal(
        new ProviderError({ ...error.toJSON(), provider, retryAfterMs: waitMs, cause: error }),
      );
    }
    return error;
  }

  /** What an upstream refusal means for every later call; may return a sharper error for this one. */
  async function refusal(error: unknown): Promise<unknown> {
    // Only what the provider itself answered (it has an HTTP status); our own refusals say nothing about it.
    if (!ProviderError.isInstance(error) || error.status === null) return error;
    if (error.kind === 'quota') return quotaRefusal(error);
    if (error.kind === 'rate_limited') return rateLimitRefusal(error);
    if (error.kind === 'upstream' && error.retryAfterMs !== null && error.retryAfterMs > 0) {
      // A 503 with Retry-After: unavailable, and it said for how long (issue 23: it paused nothing).
      const until = now() + error.retryAfterMs;
      await pauses.pause(provider, { kind: 'rate_limited', until, reason: `${provider} asked to wait` });
    }
    return error;
  }

  return { quota, refusal };
}
