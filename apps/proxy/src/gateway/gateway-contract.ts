import type {
  AnyProviderAdapter,
  ChinaFreightEstimate,
  ChinaFreightQuery,
  ImageQuery,
  Offer,
  OfferQuery,
  OperationName,
  Page,
  Product,
  ProductQuery,
  ProviderId,
  ProviderUsage,
  Supplier,
  SupplierDetail,
  SupplierOffersQuery,
  SupplierQuery,
  SupplierRef,
} from '@yuantou/core';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { RedisClient } from '../redis-client.js';
import type { AnswerStore } from '../store/answer-store.js';

// The seam between the HTTP layer (routes, fan-out, ranking) and the upstream layer (cache, single-flight,
// limits, retries, circuit breaker, undici). Routes only ever call ProviderGateway.search and .getOffer.

/** Every operation the gateway sends: the searches, an offer's details, a China-leg freight estimate, a
 * supplier's details and a supplier's catalogue. */
export type GatewayOperation =
  | OperationName
  | 'getOffer'
  | 'estimateFreight'
  | 'getSupplier'
  | 'searchSupplierOffers';

export interface ProviderSettings {
  id: ProviderId;
  adapter: AnyProviderAdapter;
  /** Validated by the adapter's credentials schema; may carry `baseUrl`. Never logged. */
  credentials: Record<string, unknown>;
  requestsPerMinute: number;
  concurrency: number;
  timeoutMs: number;
  /** Upstream calls allowed per UTC day across instances; null for no budget. */
  dailyCalls: number | null;
}

export interface GatewayOptions {
  providers: ProviderSettings[];
  cache: {
    /** Fresh lifetime per operation (seconds); offers default to none cached when left out. */
    ttlSeconds: Record<OperationName, number> &
      Partial<Record<'getOffer' | 'estimateFreight' | 'getSupplier' | 'searchSupplierOffers', number>>;
    /** How long past freshness an entry may still be served while it is refreshed in the background. */
    staleSeconds: number;
    /** In-memory cache bound in bytes; with Redis, the bound of the local tier in front of it. */
    maxBytes: number;
  };
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  circuit: { failureThreshold: number; resetAfterMs: number };
  /** One overall deadline per call: attempts, retries and waits share it. */
  deadlineMs: number;
  /** How long a provider that answered "quota" is left alone when it names no reset time. */
  quotaCoolDownMs: number;
  /** Every configured secret: scrubbed out of each provider body before an adapter reads it. */
  secrets?: readonly string[];
  /** A provider body longer than this fails the call (default 8 MB). */
  maxBodyBytes?: number;
  /**
   * The process's Redis client, when configured: cache, single-flight leases, rate limits, pauses and usage
   * counts are shared through it, each falling back to local behaviour while it is unreachable.
   */
  redis?: RedisClient;
  /** The process's Redis outage watch (`watchRedisOutage`), when it has one; else the gateway watches `redis`. */
  onRedisError?: (error: unknown) => void;
  /**
   * The database of what was paid for: every answer is recorded in it, a cache miss is looked up in it, and an
   * older answer from it is served (stale, with the reason) when the provider cannot answer.
   */
  archive?: AnswerStore;
  logger: Logger;
  registry: Registry;
}

export type QueryFor<Op extends OperationName> = Op extends 'searchProductsByImage'
  ? ImageQuery
  : Op extends 'searchProducts'
    ? ProductQuery
    : SupplierQuery;

export type ItemFor<Op extends OperationName> = Op extends 'searchSuppliers' ? Supplier : Product;

/** How old an answer a caller accepts (issue 22). */
export interface AnswerFreshness {
  /**
   * Seconds: an answer at most this old is served from the cache or the database; `0` forces one fresh paid
   * call (still single-flighted and budgeted); undefined = the configured TTLs.
   */
  maxAgeSeconds?: number;
}

export interface GatewayResult<Item> {
  page: Page<Item>;
  fromCache: boolean;
  stale: boolean;
  /** Epoch ms when the provider gave this answer; a cached or archived one keeps its original time. */
  fetchedAt: number;
  /** Set when an older answer was served because the provider could not answer (`budget reached — …`). */
  staleReason?: string;
  durationMs: number;
  ignored: string[];
}

export interface OfferLookupResult {
  offer: Offer;
  fromCache: boolean;
  stale: boolean;
  /** Epoch ms when the provider gave this offer; a cached or archived one keeps its original time. */
  fetchedAt: number;
  /** Set when an older offer was served because the provider could not answer. */
  staleReason?: string;
  durationMs: number;
  /** Query fields this provider could not honour (`language`), from its pure `map`. */
  ignored: string[];
}

/** One provider, one offer: the same cache, single-flight, limits, retries and breaker as a search. */
export type OfferLookup = (
  provider: ProviderId,
  query: OfferQuery,
  signal?: AbortSignal,
  freshness?: AnswerFreshness,
) => Promise<OfferLookupResult>;

export interface FreightLookupResult {
  estimate: ChinaFreightEstimate;
  fromCache: boolean;
  stale: boolean;
  durationMs: number;
  /** Query fields this provider does not send (`skuId`, `totalWeightKg`), from its pure `map`. */
  ignored: string[];
}

/** One provider's China-leg estimate: the same cache, single-flight, limits, budget and breaker as a search. */
export type FreightLookup = (
  provider: ProviderId,
  query: ChinaFreightQuery,
  signal?: AbortSignal,
) => Promise<FreightLookupResult>;

/** One provider's cached answer for one offer, or undefined: see {@link ProviderGateway.peekOffer}. */
export type OfferPeek = (
  provider: ProviderId,
  query: OfferQuery,
  freshness?: AnswerFreshness,
) => Promise<OfferLookupResult | undefined>;

export interface SupplierLookupResult {
  detail: SupplierDetail;
  fromCache: boolean;
  stale: boolean;
  durationMs: number;
  /** Epoch ms when the provider answered (the cache entry's age on a hit). */
  storedAt: number;
}

/** One provider, one supplier: cached, single-flighted and budgeted like an offer; a follow-up call included. */
export type SupplierLookup = (
  provider: ProviderId,
  ref: SupplierRef,
  signal?: AbortSignal,
  /** How old a served answer may be (the request's `maxAge`, issue 22); the TTLs apply without it. */
  freshness?: AnswerFreshness,
) => Promise<SupplierLookupResult>;

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
    freshness?: AnswerFreshness,
  ): Promise<GatewayResult<ItemFor<Op>>>;
  /**
   * An offer's details from one provider, cached per provider + offer + language. Throws ProviderError
   * (`bad_request` when the provider has no detail endpoint).
   */
  getOffer: OfferLookup;
  /**
   * A China-leg freight estimate from one provider, cached per provider + the parameters it sends. Throws
   * ProviderError (`bad_request` when the provider does not price freight).
   */
  estimateFreight: FreightLookup;
  /**
   * An offer's details from one provider's cache only, never a paid call; undefined on a miss. Offers look in
   * every provider's cache before paying any (issue 23: a batch a later provider had served was paid again).
   */
  peekOffer: OfferPeek;
  /**
   * A supplier's details from one provider, cached per provider + mapped params. Throws ProviderError
   * (`bad_request`, before any cost, when the provider has no supplier details or cannot look up this id form).
   */
  getSupplier: SupplierLookup;
  /**
   * A supplier's details from one provider's cache only, never a paid call; undefined on a miss (or when the
   * provider cannot look up this id form). Supplier searches rank by the cards already looked up.
   */
  peekSupplier(provider: ProviderId, ref: SupplierRef): Promise<SupplierDetail | undefined>;
  /**
   * The seller card an official/reseller offer answer carried for the seller `sellerOpenId` (supplier id
   * `<provider>:<sellerOpenId>`), kept in the cache and the store when the offer was fetched: never a paid call
   * (these providers have no seller call); undefined when none is at hand or it is older than `maxAgeSeconds`.
   */
  sellerFacts(
    provider: ProviderId,
    sellerOpenId: string,
    freshness?: AnswerFreshness,
  ): Promise<{ detail: SupplierDetail; storedAt: number } | undefined>;
  /**
   * One page of a supplier's catalogue from one provider: cached per provider + mapped params, single-flighted,
   * budgeted like a search. Throws ProviderError (`bad_request`, before any cost, when the provider lists none).
   */
  supplierOffers(
    provider: ProviderId,
    query: SupplierOffersQuery,
    signal?: AbortSignal,
    freshness?: AnswerFreshness,
  ): Promise<GatewayResult<Product>>;
  /** Per provider: paid calls and cache hits today, budget, reported quota, exhausted-until. */
  usage(): Promise<ProviderUsage[]>;
  /** A route replayed a finished answer holding this provider's page: counted as its cache hit in `usage()`. */
  countReplay(provider: ProviderId): void;
  /** `degraded` while Redis is configured but unreachable (this instance then serves on its own). */
  health(): Promise<{ redis: 'ok' | 'degraded' | 'off' }>;
  close(): Promise<void>;
}
