import type {
  LandedCostBatchBodyInput,
  LandedCostBatchResponse,
  LandedCostBodyInput,
  LandedCostResponse,
} from '../api/landed-routes.js';
import type {
  OfferHistoryResponse,
  OfferParamsInput,
  OfferResult,
  OffersBodyInput,
  OffersResponse,
} from '../api/offer-routes.js';
import type { CurrenciesResponse, ProvidersResponse, UsageResponse } from '../api/routes.js';
import type {
  ImageSearchBodyInput,
  SearchParamsInput,
  SupplierOffersParamsInput,
} from '../api/search-params.js';
import type { ProductSearchResponse, SupplierSearchResponse } from '../api/search-responses.js';
import type { SupplierDetailResponse } from '../api/supplier-routes.js';
import type { OnOfferResult } from './offer-stream.js';

// What createClient takes and returns: its options and the proxy's calls, one method per route. The calls are
// grouped by what they ask for (search-calls.ts, offer-calls.ts, landed-cost-calls.ts, supplier-calls.ts), all
// over the one transport in proxy-call.ts.

/** Options of {@link createClient}. */
export interface ProxyClientOptions {
  /** The proxy's address, e.g. `http://localhost:8787`; a path prefix (`https://host/yuantou`) is kept. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string;
  /** Defaults to the global `fetch`, looked up at call time. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Ends each call with kind `timeout` after this many milliseconds. */
  timeoutMs?: number;
}

/** Per-call options of every {@link ProxyClient} method. */
export interface CallOptions {
  /** Aborting it rejects the call with the signal's reason (an `AbortError`), not a ProxyRequestError. */
  signal?: AbortSignal;
}

/** Options of {@link ProxyClient.getSupplier}: the caller's signal, and how old an answer may be. */
export interface SupplierCallOptions extends CallOptions {
  /** Seconds (core's MaxAge): an answer at most this old may be served; `0` forces one fresh paid call. */
  maxAge?: number;
}

/**
 * A typed client of the yuantou proxy. Input is validated with the proxy's own schemas before anything is
 * sent and answers after; every failure rejects with a {@link ProxyRequestError} (except the caller's own abort).
 */
export interface ProxyClient {
  /** `GET /v1/suppliers`: ranked suppliers across the chosen providers. */
  searchSuppliers(params: SearchParamsInput, opts?: CallOptions): Promise<SupplierSearchResponse>;
  /** `GET /v1/products`: ranked products across the chosen providers. */
  searchProducts(params: SearchParamsInput, opts?: CallOptions): Promise<ProductSearchResponse>;
  /** `POST /v1/products/by-image` with exactly one of `imageUrl` or `imageBase64`. */
  searchProductsByImage(body: ImageSearchBodyInput, opts?: CallOptions): Promise<ProductSearchResponse>;
  /**
   * `POST /v1/offers`: details of up to 200 offers by link or id, one result per ref in input order. A bad link
   * or a failing provider fails only its own result (`error`); the call throws only when the request fails.
   */
  getOffers(body: OffersBodyInput, opts?: CallOptions): Promise<OffersResponse>;
  /**
   * `POST /v1/offers`, streamed (`Accept: application/x-ndjson`): `onResult(index, result, batch)` is called for
   * each ref as soon as the proxy has it (in the order they finish; `index` is the ref's place in `refs`, `batch`
   * the provider order and currency quote), so a long column can fill progressively. Resolves with the whole answer, as {@link ProxyClient.getOffers} would, when
   * the stream ends. Rejects with ProxyRequestError: as `getOffers` before the first line; kind
   * `invalid_response` for a malformed line or a stream cut before every ref was answered (results already handed
   * to `onResult` stand). A proxy that does not stream answers JSON: each result is then handed over at the end.
   * Uses only fetch and ReadableStream (browser-safe).
   */
  streamOffers(body: OffersBodyInput, onResult: OnOfferResult, opts?: CallOptions): Promise<OffersResponse>;
  /**
   * `GET /v1/offers/:ref`: one offer by link or id. Throws ProxyRequestError when it has none: kind
   * `validation` (not a 1688 link, field `ref`), `not_found`, or what the last provider said.
   */
  getOffer(ref: string, params?: OfferParamsInput, opts?: CallOptions): Promise<OfferResult>;
  /**
   * `POST /v1/landed-cost`: what `quantity` pieces of one offer cost delivered, line by line, in `currency`.
   * Throws ProxyRequestError: kind `validation` naming the field (checked here first, then by the proxy), or what
   * the last provider said when no provider has the offer.
   */
  landedCost(body: LandedCostBodyInput, opts?: CallOptions): Promise<LandedCostResponse>;
  /**
   * `POST /v1/landed-cost/batch`: the same options for a column of links; one item per ref, in input order,
   * each with its own `error`.
   */
  landedCosts(body: LandedCostBatchBodyInput, opts?: CallOptions): Promise<LandedCostBatchResponse>;
  /**
   * `GET /v1/offers/:ref/history`: the snapshots the proxy kept of one offer (one per paid fetch), newest first,
   * at most `limit` (default 100). Never calls a provider. Throws ProxyRequestError kind `validation` (field `ref`)
   * for a ref that is not a 1688 link or id.
   */
  offerHistory(ref: string, params?: { limit?: number }, opts?: CallOptions): Promise<OfferHistoryResponse>;
  /**
   * `GET /v1/suppliers/:id`: one supplier's card (merged detail, signals, verdict) by member id, shop link,
   * login id, or `<provider>:<sellerOpenId>` of an official/reseller offer's seller. Throws ProxyRequestError: kind `validation` (field `id`) for text that names no supplier, without a
   * request; `not_found`; or what the last provider said.
   */
  getSupplier(id: string, opts?: SupplierCallOptions): Promise<SupplierDetailResponse>;
  /**
   * `GET /v1/suppliers/:id/offers`: one page of the supplier's own catalogue, ranked like a product search. `id`
   * as for {@link ProxyClient.getSupplier} (the same validation error, without a request).
   */
  supplierOffers(
    id: string,
    params?: SupplierOffersParamsInput,
    opts?: CallOptions,
  ): Promise<ProductSearchResponse>;
  /** `GET /v1/providers`: which providers the proxy serves and whether it only has sample data. */
  listProviders(opts?: CallOptions): Promise<ProvidersResponse>;
  /** `GET /v1/usage`: paid calls, budget, cache hits and quota per provider today. */
  usage(opts?: CallOptions): Promise<UsageResponse>;
  /** `GET /v1/currencies`: the currencies the proxy can convert prices into now, with the rates' date. */
  currencies(opts?: CallOptions): Promise<CurrenciesResponse>;
  /** `GET /healthz`: resolves when the proxy answers 2xx, throws ProxyRequestError otherwise. */
  health(opts?: CallOptions): Promise<void>;
}
