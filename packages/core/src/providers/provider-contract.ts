import type * as z from 'zod';
import type { ChinaFreightEstimate, ChinaFreightQuery } from '../models/china-freight.js';
import type { Offer, OfferQuery } from '../models/offer.js';
import type { Page } from '../models/page.js';
import type { Product } from '../models/product.js';
import type { ProviderId } from '../models/provider-id.js';
import type { ImageQuery, ProductQuery, SupplierOffersQuery, SupplierQuery } from '../models/query.js';
import type { Supplier } from '../models/supplier.js';
import type { SupplierDetail, SupplierRef } from '../models/supplier-detail.js';

/** Everything needed to send one upstream call; the proxy's only HTTP sender turns it into I/O. */
export interface ProviderRequest {
  /** The HTTP method. */
  method: 'GET' | 'POST';
  /** Absolute URL, query string included. Contains credentials for some providers: never log it raw. */
  url: string;
  /** Headers to send; some providers sign in them (PandaPon): never log them raw. */
  headers: Record<string, string>;
  /** The request body as text (POST only). */
  body?: string;
  /** Query fields this provider cannot honour (e.g. `factoryOnly`, `sort=credit`), for the caller to report. */
  ignored: string[];
}

/** A provider's HTTP answer, as the caller received it, for an operation's `parseResponse`. */
export interface ProviderResponse {
  /** The HTTP status. */
  status: number;
  /** The body as text; bytes that were not UTF-8 show up as U+FFFD and must not crash a parser. */
  body: string;
  /** Response headers, when the caller has them (`Retry-After` is read for rate limits). */
  headers?: Record<string, string | string[] | undefined>;
}

/** Injected so signatures are deterministic in tests: every timestamp comes from `now`, every nonce is `nonce`. */
export interface RequestContext {
  /** The time to sign with (timestamps). */
  now: Date;
  /** The nonce to send, where a provider needs one (PandaPon's `nonce-str`). */
  nonce: string;
}

/**
 * The exact parameters one provider call sends, before any credential, timestamp or signature is added: plain
 * JSON, so equal parameters mean an equal paid call (the proxy keys its cache and single-flight on them).
 */
export type ProviderParams = object;

/** A query mapped onto one provider: what it will send, and what it cannot honour. */
export interface MappedQuery<Params extends ProviderParams = ProviderParams> {
  /** The provider parameters, without credentials. */
  params: Params;
  /** Query fields this provider cannot honour (e.g. `factoryOnly`, `sort=credit`), for the caller to report. */
  ignored: string[];
}

/** A request ready to send, as `sign` makes it; `buildRequest` adds the query's `ignored` fields. */
export type SignedRequest = Omit<ProviderRequest, 'ignored'>;

/**
 * A paid call that must run before the operation's own, completing its parameters (the 1688 Open Platform's
 * `product.image.upload`, whose `imageId` the image search needs). The proxy runs it: `sign` the earlier call
 * (`null` when the parameters are already complete), send it, then `complete` the parameters with its answer.
 */
export interface PrepareStep<Params extends ProviderParams = ProviderParams, Credentials = unknown> {
  /** The provider's name for the earlier call, for logs and errors. */
  readonly name: string;
  /** The earlier call, signed; `null` when the parameters are already complete and nothing needs sending. */
  sign(params: Params, credentials: Credentials, ctx?: Partial<RequestContext>): SignedRequest | null;
  /** The parameters with the earlier call's result filled in; throws `ProviderError` only. */
  complete(params: Params, response: ProviderResponse): Params;
  /**
   * What the earlier call sends, without credentials (the image's base64, the URL to convert): callers key a
   * cache of its answer on it, so the same image is uploaded once whatever is searched with it next.
   */
  cacheInput?(params: Params): unknown;
}

/**
 * One search of one provider, split into pure steps so the caller does the I/O: `map` a query to parameters,
 * `sign` them into a request, send it, then `parseResponse` into a {@link Page}.
 */
export interface Operation<Query, Credentials, Item, Params extends ProviderParams = ProviderParams> {
  /** The provider's hard page-size limit; larger requests are clamped. */
  readonly maxPageSize: number;
  /**
   * Pure, credential-free and deterministic: the provider parameters a query becomes. Two queries that differ
   * only in what the provider ignores or clamps map to equal parameters. Throws `ProviderError` (`bad_request`)
   * for a query this provider cannot run at all.
   */
  map(query: Query): MappedQuery<Params>;
  /** Adds credentials, timestamps, nonces and signatures: run only when a request is really sent. */
  sign(params: Params, credentials: Credentials, ctx?: Partial<RequestContext>): SignedRequest;
  /** `sign(map(query).params)` with `map`'s ignored fields: one call, as before the split. */
  buildRequest(query: Query, credentials: Credentials, ctx?: Partial<RequestContext>): ProviderRequest;
  /** Returns a page or throws `ProviderError`; never throws anything else. */
  parseResponse(response: ProviderResponse): Page<Item>;
  /** An earlier call some parameters need before `sign` can run (see {@link PrepareStep}). */
  readonly prepare?: PrepareStep<Params, Credentials>;
}

/**
 * One offer's details by id (`GET /1688/item_detail`, `item_get`, `queryProductDetail`…). No provider has a
 * batch detail call for arbitrary ids, so batching and fallback between providers are the caller's.
 */
export interface OfferOperation<Credentials, Params extends ProviderParams = ProviderParams> {
  /**
   * Pure, credential-free and deterministic, like a search's `map`: the provider parameters of one offer lookup
   * (`query.language` as the provider documents its language parameter, or reported in `ignored`).
   */
  map(query: OfferQuery): MappedQuery<Params>;
  /** Adds credentials, timestamps, nonces and signatures: run only when a request is really sent. */
  sign(params: Params, credentials: Credentials, ctx?: Partial<RequestContext>): SignedRequest;
  /** `sign(map(query).params)` with `map`'s ignored fields. */
  buildRequest(query: OfferQuery, credentials: Credentials, ctx?: Partial<RequestContext>): ProviderRequest;
  /**
   * Returns the offer or throws `ProviderError` (`not_found` for an unknown or removed offer); never anything else.
   * `params` are what `map` made for this call: the language asked for, where the body does not say which
   * language its text is in (TMAPI's detail returns one title, in the requested language). Without them the
   * parser judges by script alone and leaves `translationLanguage` unknown.
   */
  parseResponse(response: ProviderResponse, params?: Params): Offer;
}

/**
 * A second paid call that completes a supplier's detail after the first (TMAPI's `shop/items`, whose
 * `total_count` is the catalogue size). The proxy runs it through the same protections and keeps the detail
 * without it when it fails: the first answer was paid for.
 */
export interface SupplierFollowUp<Params extends ProviderParams = ProviderParams, Credentials = unknown> {
  /** The provider's name for the call, for logs and errors. */
  readonly name: string;
  /** The follow-up call, signed; `null` when the detail says too little to make it (no member id). */
  sign(
    params: Params,
    detail: SupplierDetail,
    credentials: Credentials,
    ctx?: Partial<RequestContext>,
  ): SignedRequest | null;
  /** The detail completed with the follow-up's answer; throws `ProviderError` only. */
  complete(detail: SupplierDetail, response: ProviderResponse): SupplierDetail;
}

/** One supplier's details by member id, shop link or login id (`shop_info`, `seller_info`…). */
export interface SupplierOperation<Credentials, Params extends ProviderParams = ProviderParams> {
  /**
   * Pure, credential-free and deterministic: the provider parameters of one lookup. Throws `ProviderError`
   * (`bad_request`) for a reference form this provider cannot look up (TMAPI has no login-id lookup), before
   * anything is paid.
   */
  map(ref: SupplierRef): MappedQuery<Params>;
  /** Adds credentials, timestamps, nonces and signatures: run only when a request is really sent. */
  sign(params: Params, credentials: Credentials, ctx?: Partial<RequestContext>): SignedRequest;
  /** `sign(map(ref).params)` with `map`'s ignored fields. */
  buildRequest(ref: SupplierRef, credentials: Credentials, ctx?: Partial<RequestContext>): ProviderRequest;
  /** Returns the detail or throws `ProviderError` (`not_found` for an unknown shop); never anything else. */
  parseResponse(response: ProviderResponse, params?: Params): SupplierDetail;
  /** A second call that completes the detail (see {@link SupplierFollowUp}). */
  readonly followUp?: SupplierFollowUp<Params, Credentials>;
}

/** The search operations an adapter may have. */
export type OperationName = 'searchSuppliers' | 'searchProducts' | 'searchProductsByImage';

/** Optional base URL every provider's credentials may carry, to point at another host (a fake, a mirror). */
export interface BaseUrlOverride {
  /** Replaces the adapter's `defaultBaseUrl` (e.g. `http://127.0.0.1:9000` for a fake). */
  baseUrl?: string;
}

/**
 * One data provider: pure functions that build its requests and parse its answers, with no I/O of their own.
 * An operation the provider lacks is absent.
 */
export interface ProviderAdapter<Credentials extends BaseUrlOverride = BaseUrlOverride> {
  /** The provider's id. */
  readonly id: ProviderId;
  /** Human name, e.g. `1688 Open Platform`. */
  readonly name: string;
  /** The provider's API host used when the credentials carry no `baseUrl`. */
  readonly defaultBaseUrl: string;
  /** Validates credentials; its keys are the credential fields, as named in config and env vars. */
  readonly credentials: z.ZodType<Credentials>;
  /**
   * The credential fields that are secrets: what config, log redaction, `/v1/providers` and the proxy's body
   * scrubber hide. Identifiers sent in the clear on every call (an `appKey`, a `user-id`) are not listed, so
   * they are never scrubbed out of unrelated data that happens to contain them.
   */
  readonly secretFields: readonly string[];
  /** Defaults from the provider's documentation, for the proxy's upstream protection. */
  readonly limits: { requestsPerMinute: number; concurrency: number; timeoutMs: number };
  /** The provider's own supplier (factory or shop) search, if it has one. */
  readonly searchSuppliers?: Operation<SupplierQuery, Credentials, Supplier>;
  /** Keyword product search, if the provider has one. */
  readonly searchProducts?: Operation<ProductQuery, Credentials, Product>;
  /** Product search by image (URL or base64), if the provider has one. */
  readonly searchProductsByImage?: Operation<ImageQuery, Credentials, Product>;
  /** Present on providers with a detail endpoint. */
  readonly getOffer?: OfferOperation<Credentials>;
  /** The China-leg freight estimate (seller → a province), on providers that price it. */
  readonly estimateFreight?: FreightOperation<Credentials>;
  /** Present on providers with a shop or seller detail endpoint. */
  readonly getSupplier?: SupplierOperation<Credentials>;
  /**
   * One page of a supplier's own catalogue by member id (TMAPI `shop/items`), on providers that list one. Not a
   * search ({@link OperationName}): the proxy serves it at `GET /v1/suppliers/:id/offers`.
   */
  readonly searchSupplierOffers?: Operation<SupplierOffersQuery, Credentials, Product>;
  /**
   * `false` when this provider's product listings carry no seller (the official platform's, DajiSaaS' and
   * PandaPon's offer lists name none), so suppliers cannot be grouped from them. Default `true`.
   */
  readonly listingsNameSeller?: boolean;
  /**
   * `true` when the provider translates a non-Chinese keyword itself, so it must be sent the keyword as typed
   * (the official platform's `offerQueryParam.keywordTranslate`); otherwise (the default) a caller translates
   * the keyword into Chinese first. The proxy reads it to decide whom to send the translation.
   */
  readonly translatesKeyword?: boolean;
  /** Set on adapters without HTTP (demo): the proxy calls this instead of the network. */
  respond?(request: SignedRequest): ProviderResponse;
}

/**
 * A provider's adapter as its module exports it: the contract, with the listed members (the operations it has,
 * `respond` for an in-process provider) known to be present.
 */
export type AdapterWith<
  Credentials extends BaseUrlOverride,
  Members extends keyof ProviderAdapter<Credentials>,
> = ProviderAdapter<Credentials> & Required<Pick<ProviderAdapter<Credentials>, Members>>;

/**
 * How a provider answers a supplier search: `native` with its own supplier search, `fromProducts` by grouping a
 * product search by seller, `none` when it has neither.
 */
export type SupplierSource = 'native' | 'fromProducts' | 'none';

/** A provider as {@link describeProvider} summarises it (what `/v1/providers` builds on). */
export interface ProviderInfo {
  /** The provider's id. */
  id: ProviderId;
  /** Human name, e.g. `1688 Open Platform`. */
  name: string;
  /** The searches it answers; `searchSuppliers` included when suppliers come from its product listings. */
  operations: OperationName[];
  /** How it answers a supplier search. */
  supplierSearch: SupplierSource;
  /** The page-size maximum of each of its own operations. */
  maxPageSize: Partial<Record<OperationName, number>>;
  /** The names of its credential fields (`baseUrl` excluded), as config and env vars name them. */
  credentialFields: string[];
  /** The credential fields that are secrets (`adapter.secretFields`). */
  secretFields: string[];
  /** Whether it has any credential field (`false` only for `demo`). */
  needsCredentials: boolean;
}

/**
 * An adapter whose credentials type is not known statically (the registry and the proxy hold all providers
 * side by side and validate credentials at run time with `adapter.credentials`).
 */
// biome-ignore lint/suspicious/noExplicitAny: credentials differ per provider; `credentials.parse` narrows them at run time
export type AnyProviderAdapter = ProviderAdapter<any>;

// ——— The China-leg freight estimate (issue 24): built by `defineFreightOperation` in freight-operation.ts ———

/** A provider's China-leg estimate split into pure steps; the caller does the I/O. */
export interface FreightOperation<Credentials, Params extends ProviderParams = ProviderParams> {
  /** Pure, credential-free and deterministic: the provider parameters of one estimate. */
  map(query: ChinaFreightQuery): MappedQuery<Params>;
  /** Adds credentials, timestamps and signatures: run only when a request is really sent. */
  sign(params: Params, credentials: Credentials, ctx?: Partial<RequestContext>): SignedRequest;
  /** `sign(map(query).params)` with `map`'s ignored fields; checks the query first (`bad_request`). */
  buildRequest(
    query: ChinaFreightQuery,
    credentials: Credentials,
    ctx?: Partial<RequestContext>,
  ): ProviderRequest;
  /** Returns the estimate or throws `ProviderError`; never anything else. `params` are what was sent. */
  parseResponse(response: ProviderResponse, params?: Params): ChinaFreightEstimate;
}

/** What {@link defineFreightOperation} builds a {@link FreightOperation} from: every part but `buildRequest`. */
export type FreightOperationParts<Credentials, Params extends ProviderParams> = Omit<
  FreightOperation<Credentials, Params>,
  'buildRequest'
>;
