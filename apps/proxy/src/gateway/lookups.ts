import type { ChinaFreightEstimate, Offer, Page, Product, ProviderId, SupplierDetail } from '@yuantou/core';
import type { CachedResult, CachePath } from './cache-path.js';
import { deadlineFrom } from './deadline.js';
import type {
  GatewayOperation,
  GatewayResult,
  ProviderGateway,
  ProviderSettings,
} from './gateway-contract.js';
import { operationOf } from './provider-caller.js';

export interface LookupDeps {
  path: CachePath;
  /** The provider's settings; throws `bad_request` for a provider this proxy does not serve. */
  settingsOf(provider: ProviderId): ProviderSettings;
  deadlineMs: number;
}

type Lookups = Pick<
  ProviderGateway,
  | 'search'
  | 'getOffer'
  | 'estimateFreight'
  | 'peekOffer'
  | 'getSupplier'
  | 'peekSupplier'
  | 'sellerFacts'
  | 'supplierOffers'
>;

/** When and how old, as every lookup reports it. */
const age = (result: CachedResult) => ({
  fromCache: result.fromCache,
  stale: result.stale,
  fetchedAt: result.fetchedAt,
  ...(result.staleReason ? { staleReason: result.staleReason } : {}),
});

/**
 * What the gateway answers, one operation each, over the cache path. Each maps the query first — checked before
 * the cache: a provider without the operation is a caller error, not a miss — and keys on what would be sent:
 * languages or fields the provider cannot give map to the same params, one entry, one call.
 */
export function createLookups(deps: LookupDeps): Lookups {
  const { path, settingsOf } = deps;
  const mapped = (provider: ProviderId, operation: GatewayOperation, query: unknown) =>
    operationOf(settingsOf(provider), operation).map(query);

  async function lookup(
    provider: ProviderId,
    operation: GatewayOperation,
    query: unknown,
    signal: AbortSignal | undefined,
    freshness: Parameters<CachePath['cached']>[5],
  ) {
    const started = performance.now();
    const deadline = deadlineFrom(deps.deadlineMs);
    signal?.throwIfAborted();
    const { params, ignored } = mapped(provider, operation, query);
    const result = await path.cached(provider, operation, params, deadline, signal, freshness);
    return { result, ignored, durationMs: Math.round(performance.now() - started) };
  }

  return {
    async search(provider, operation, query, signal, freshness) {
      const { result, ignored, durationMs } = await lookup(provider, operation, query, signal, freshness);
      return { page: result.page, ...age(result), durationMs, ignored } as GatewayResult<never>;
    },
    async getOffer(provider, query, signal, freshness) {
      const { result, ignored, durationMs } = await lookup(provider, 'getOffer', query, signal, freshness);
      return { offer: result.page as Offer, ...age(result), durationMs, ignored };
    },
    async estimateFreight(provider, query, signal) {
      const { result, ignored, durationMs } = await lookup(provider, 'estimateFreight', query, signal, {});
      return { estimate: result.page as ChinaFreightEstimate, ...age(result), durationMs, ignored };
    },
    async getSupplier(provider, ref, signal, freshness) {
      // A follow-up call (TMAPI's catalogue size) is part of the one cached, budgeted lookup (provider-caller).
      const { result, durationMs } = await lookup(provider, 'getSupplier', ref, signal, freshness ?? {});
      const { fromCache, stale, fetchedAt } = result;
      return { detail: result.page as SupplierDetail, fromCache, stale, durationMs, storedAt: fetchedAt };
    },
    async peekSupplier(provider, ref) {
      let params: object;
      try {
        params = mapped(provider, 'getSupplier', ref).params;
      } catch {
        return undefined; // no supplier details, or not by this id form: nothing cached either
      }
      const result = await path.peek(provider, 'getSupplier', params, {});
      return result?.page as SupplierDetail | undefined;
    },
    async sellerFacts(provider, sellerOpenId, freshness) {
      try {
        settingsOf(provider);
      } catch {
        return undefined; // a provider this proxy does not serve has kept nothing
      }
      return path.sellerFacts(provider, sellerOpenId, freshness?.maxAgeSeconds);
    },
    async supplierOffers(provider, query, signal, freshness) {
      const lookedUp = await lookup(provider, 'searchSupplierOffers', query, signal, freshness ?? {});
      const { result, ignored, durationMs } = lookedUp;
      return { page: result.page as Page<Product>, ...age(result), durationMs, ignored };
    },
    async peekOffer(provider, query, freshness) {
      // Offers look in every provider's cache before paying any (issue 23: a batch a later provider had served
      // was paid again at the first one).
      const started = performance.now();
      const { params, ignored } = mapped(provider, 'getOffer', query);
      const result = await path.peek(provider, 'getOffer', params, freshness);
      if (!result) return undefined;
      const durationMs = Math.round(performance.now() - started);
      return { offer: result.page as Offer, ...age(result), durationMs, ignored };
    },
  };
}
