import type { z } from 'zod';
import type { Offer, OfferQuery } from '../models/offer.js';
import type { Page } from '../models/page.js';
import type { Product } from '../models/product.js';
import type { ProviderId } from '../models/provider-id.js';
import type { ImageQuery, ProductQuery, SupplierQuery } from '../models/query.js';
import type { Supplier } from '../models/supplier.js';

/** Everything needed to send one upstream call; the proxy's only HTTP sender turns it into I/O. */
export interface ProviderRequest {
  method: 'GET' | 'POST';
  /** Absolute URL, query string included. Contains credentials for some providers: never log it raw. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Query fields this provider cannot honour (e.g. `factoryOnly`, `sort=credit`), for the caller to report. */
  ignored: string[];
}

export interface ProviderResponse {
  status: number;
  /** The body as text; bytes that were not UTF-8 show up as U+FFFD and must not crash a parser. */
  body: string;
  headers?: Record<string, string | string[] | undefined>;
}

/** Injected so signatures are deterministic in tests: every timestamp comes from `now`, every nonce is `nonce`. */
export interface RequestContext {
  now: Date;
  nonce: string;
}

export interface Operation<Query, Credentials, Item> {
  /** The provider's hard page-size limit; larger requests are clamped. */
  readonly maxPageSize: number;
  buildRequest(query: Query, credentials: Credentials, ctx?: Partial<RequestContext>): ProviderRequest;
  /** Returns a page or throws `ProviderError`; never throws anything else. */
  parseResponse(response: ProviderResponse): Page<Item>;
}

/**
 * One offer's details by id (`GET /1688/item_detail`, `item_get`, `queryProductDetail`…). No provider has a
 * batch detail call for arbitrary ids, so batching and fallback between providers are the caller's.
 */
export interface OfferOperation<Credentials> {
  /** `query.language` is passed as the provider documents its language parameter, or left out. */
  buildRequest(query: OfferQuery, credentials: Credentials, ctx?: Partial<RequestContext>): ProviderRequest;
  /** Returns the offer or throws `ProviderError` (`not_found` for an unknown or removed offer); never anything else. */
  parseResponse(response: ProviderResponse): Offer;
}

export type OperationName = 'searchSuppliers' | 'searchProducts' | 'searchProductsByImage';

/** Optional base URL every provider's credentials may carry, to point at another host (a fake, a mirror). */
export interface BaseUrlOverride {
  baseUrl?: string;
}

export interface ProviderAdapter<Credentials extends BaseUrlOverride = BaseUrlOverride> {
  readonly id: ProviderId;
  /** Human name, e.g. `1688 Open Platform`. */
  readonly name: string;
  readonly defaultBaseUrl: string;
  /** Validates credentials; its keys are the credential fields, as named in config and env vars. */
  readonly credentials: z.ZodType<Credentials>;
  /** Defaults from the provider's documentation, for the proxy's upstream protection. */
  readonly limits: { requestsPerMinute: number; concurrency: number; timeoutMs: number };
  readonly searchSuppliers?: Operation<SupplierQuery, Credentials, Supplier>;
  readonly searchProducts?: Operation<ProductQuery, Credentials, Product>;
  readonly searchProductsByImage?: Operation<ImageQuery, Credentials, Product>;
  /** Present on providers with a detail endpoint. */
  readonly getOffer?: OfferOperation<Credentials>;
  /**
   * `false` when this provider's product listings carry no seller (the official platform's, DajiSaaS' and
   * PandaPon's offer lists name none), so suppliers cannot be grouped from them. Default `true`.
   */
  readonly listingsNameSeller?: boolean;
  /** Set on adapters without HTTP (demo): the proxy calls this instead of the network. */
  respond?(request: ProviderRequest): ProviderResponse;
}

/**
 * How a provider answers a supplier search: `native` with its own supplier search, `fromProducts` by grouping a
 * product search by seller, `none` when it has neither.
 */
export type SupplierSource = 'native' | 'fromProducts' | 'none';

export interface ProviderInfo {
  id: ProviderId;
  name: string;
  operations: OperationName[];
  supplierSearch: SupplierSource;
  maxPageSize: Partial<Record<OperationName, number>>;
  credentialFields: string[];
  needsCredentials: boolean;
}

/**
 * An adapter whose credentials type is not known statically (the registry and the proxy hold all providers
 * side by side and validate credentials at run time with `adapter.credentials`).
 */
// biome-ignore lint/suspicious/noExplicitAny: credentials differ per provider; `credentials.parse` narrows them at run time
export type AnyProviderAdapter = ProviderAdapter<any>;
