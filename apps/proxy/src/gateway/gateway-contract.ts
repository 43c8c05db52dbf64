import type {
  AnyProviderAdapter,
  ImageQuery,
  Offer,
  OfferQuery,
  OperationName,
  Page,
  Product,
  ProductQuery,
  ProviderId,
  Supplier,
  SupplierQuery,
} from '@yuantou/core';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

// The seam between the HTTP layer (routes, fan-out, ranking) and the upstream layer (cache, single-flight,
// limits, retries, circuit breaker, undici). Routes only ever call ProviderGateway.search and .getOffer.

/** Every operation the gateway sends: the searches and an offer's details. */
export type GatewayOperation = OperationName | 'getOffer';

export interface ProviderSettings {
  id: ProviderId;
  adapter: AnyProviderAdapter;
  /** Validated by the adapter's credentials schema; may carry `baseUrl`. Never logged. */
  credentials: Record<string, unknown>;
  requestsPerMinute: number;
  concurrency: number;
  timeoutMs: number;
}

export interface GatewayOptions {
  providers: ProviderSettings[];
  cache: {
    /** Fresh lifetime per operation (seconds); offers default to none cached when left out. */
    ttlSeconds: Record<OperationName, number> & Partial<Record<'getOffer', number>>;
    /** How long past freshness an entry may still be served while it is refreshed in the background. */
    staleSeconds: number;
    /** In-memory LRU size (entries); ignored with Redis. */
    maxEntries: number;
  };
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  circuit: { failureThreshold: number; resetAfterMs: number };
  /** When set, cache, single-flight locks and upstream rate limits are shared through Redis. */
  redisUrl?: string;
  logger: Logger;
  registry: Registry;
}

export type QueryFor<Op extends OperationName> = Op extends 'searchProductsByImage'
  ? ImageQuery
  : Op extends 'searchProducts'
    ? ProductQuery
    : SupplierQuery;

export type ItemFor<Op extends OperationName> = Op extends 'searchSuppliers' ? Supplier : Product;

export interface GatewayResult<Item> {
  page: Page<Item>;
  fromCache: boolean;
  stale: boolean;
  durationMs: number;
  ignored: string[];
}

export interface OfferLookupResult {
  offer: Offer;
  fromCache: boolean;
  stale: boolean;
  durationMs: number;
}

/** One provider, one offer: the same cache, single-flight, limits, retries and breaker as a search. */
export type OfferLookup = (
  provider: ProviderId,
  query: OfferQuery,
  signal?: AbortSignal,
) => Promise<OfferLookupResult>;

export interface ProviderGateway {
  /**
   * One provider, one operation: served from cache when fresh, coalesced with identical calls in flight,
   * rate-limited, retried on retryable kinds, short-circuited while the provider's breaker is open.
   * Throws ProviderError (kind `upstream` with a clear message when the breaker is open).
   */
  search<Op extends OperationName>(
    provider: ProviderId,
    operation: Op,
    query: QueryFor<Op>,
    signal?: AbortSignal,
  ): Promise<GatewayResult<ItemFor<Op>>>;
  /**
   * An offer's details from one provider, cached per provider + offer + language. Throws ProviderError
   * (`bad_request` when the provider has no detail endpoint).
   */
  getOffer: OfferLookup;
  /** Redis reachable (when configured). */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}
