import { ProviderError, type ProviderId, type ProviderStatus } from '@yuantou/core';
import type { FastifyBaseLogger } from 'fastify';
import type { GatewayResult } from '../gateway/gateway-contract.js';

export interface ProviderOutcome<Item> {
  status: ProviderStatus;
  items: Item[];
  total: number | null;
  hasNext: boolean;
}

/** What one provider contributes: its items (already converted, e.g. products → suppliers) and the raw result. */
export interface ProviderCall<Item> {
  items: Item[];
  result: GatewayResult<unknown>;
}

/**
 * Calls every provider in parallel; one provider failing never fails the others. Errors become a
 * ProviderStatus with the ProviderError's JSON (messages from adapters carry no secrets); anything that is
 * not a ProviderError is logged and reported as a generic upstream failure.
 */
export async function fanOut<Item>(
  providers: ProviderId[],
  call: (provider: ProviderId) => Promise<ProviderCall<Item>>,
  log: FastifyBaseLogger,
): Promise<ProviderOutcome<Item>[]> {
  return Promise.all(
    providers.map(async (provider): Promise<ProviderOutcome<Item>> => {
      const started = performance.now();
      try {
        const { items, result } = await call(provider);
        return {
          items,
          total: result.page.total,
          hasNext: result.page.hasNext,
          status: {
            provider,
            outcome: 'ok',
            fromCache: result.fromCache,
            stale: result.stale,
            durationMs: Math.round(result.durationMs),
            itemCount: items.length,
            ignored: result.ignored,
            fetchedAt: new Date(result.fetchedAt).toISOString(),
            ...(result.staleReason ? { staleReason: result.staleReason } : {}),
          },
        };
      } catch (error) {
        const failure = ProviderError.isInstance(error)
          ? error
          : new ProviderError({ provider, kind: 'upstream', message: `${provider} failed unexpectedly` });
        if (!ProviderError.isInstance(error))
          log.error({ err: error, provider }, 'provider call threw a non-ProviderError');
        return {
          items: [],
          total: null,
          hasNext: false,
          status: {
            provider,
            outcome: 'error',
            fromCache: false,
            stale: false,
            durationMs: Math.round(performance.now() - started),
            itemCount: 0,
            ignored: [],
            error: failure.toJSON(),
          },
        };
      }
    }),
  );
}

/** Totals add up only when every provider that answered gave one. */
export function combinedPaging(outcomes: ProviderOutcome<unknown>[]): {
  total: number | null;
  hasNext: boolean;
} {
  const ok = outcomes.filter((o) => o.status.outcome === 'ok');
  const total = ok.every((o) => o.total !== null) ? ok.reduce((sum, o) => sum + (o.total ?? 0), 0) : null;
  return { total, hasNext: ok.some((o) => o.hasNext) };
}

/** Whether bundled sample data is in the answer, so UIs can label it. */
export function containsSampleData(outcomes: ProviderOutcome<unknown>[]): boolean {
  return outcomes.some(
    (o) => o.status.provider === 'demo' && o.status.outcome === 'ok' && o.items.length > 0,
  );
}
