import type * as z from 'zod';
import {
  LANDED_ROUTES,
  LandedCostBatchBody,
  type LandedCostBatchBodyInput,
  LandedCostBatchResponse,
  LandedCostBody,
  type LandedCostBodyInput,
  LandedCostResponse,
} from '../api/landed-routes.js';
import {
  NDJSON_MEDIA_TYPE,
  OFFER_ROUTES,
  OfferHistoryParams,
  OfferHistoryResponse,
  OfferParams,
  type OfferParamsInput,
  OfferResult,
  OffersBody,
  type OffersBodyInput,
  OffersResponse,
} from '../api/offer-routes.js';
import {
  CurrenciesResponse,
  ImageSearchBody,
  type ImageSearchBodyInput,
  Problem,
  ProductSearchResponse,
  ProvidersResponse,
  ROUTES,
  SearchParams,
  type SearchParamsInput,
  SupplierOffersParams,
  type SupplierOffersParamsInput,
  SupplierSearchResponse,
  UsageResponse,
} from '../api/routes.js';
import { SupplierDetailResponse, SupplierParams } from '../api/supplier-routes.js';
import { joinUrl } from '../providers/request-context.js';
import { retryAfterMs, snippet } from '../providers/response-body.js';
import { parseSellerOpenIdRef, parseSupplierRef } from '../suppliers/supplier-ref.js';
import { type OnOfferResult, readOffersStream } from './offer-stream.js';
import { ProxyRequestError, proxyKindForStatus } from './proxy-request-error.js';
import { requestSignal } from './request-signal.js';

export type { OnOfferResult } from './offer-stream.js';
export { type ProxyErrorKind, ProxyRequestError } from './proxy-request-error.js';

// A typed client for the yuantou proxy. It runs in Node and in the Excel add-in's browser runtime, so it
// uses nothing but `fetch`, URL/URLSearchParams and AbortSignal.

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

interface Call<Schema extends z.ZodType | null> {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  response: Schema;
  signal: AbortSignal | undefined;
  /** Reads a streamed (NDJSON) answer instead of `response`, while the call's signal and timeout still hold. */
  stream?: (
    body: ReadableStream<Uint8Array>,
    invalid: (detail: string, cause?: unknown) => never,
  ) => Promise<unknown>;
}

/** Query string the proxy's SearchParams reads back: lists comma-joined, booleans as `true`/`false`. */
function toQueryString(params: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return query.toString();
}

/** Validates before anything is sent: bad input never reaches the network. */
function validated<Schema extends z.ZodType>(schema: Schema, input: unknown, url: string): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // The top-level name is the parameter the caller set (`provider`, not `provider.1`).
  const field = issue?.path[0] === undefined ? null : String(issue.path[0]);
  return throwError({
    kind: 'validation',
    url,
    field,
    message: `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid input'}`,
  });
}

/** A ref as one URL path segment (a link is percent-encoded whole); a blank ref is a validation error. */
function refSegment(ref: string, url: string): string {
  const text = String(ref ?? '').trim();
  if (text === '')
    throwError({ kind: 'validation', url, field: 'ref', message: 'ref: give a link or an offer id' });
  return encodeURIComponent(text);
}

function throwError(init: ConstructorParameters<typeof ProxyRequestError>[0]): never {
  throw new ProxyRequestError(init);
}

/** The base URL as it may appear in a message: without any `user:password@`. */
function displayUrl(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//');
}

function problemError(status: number, text: string, headers: Headers, url: string): ProxyRequestError {
  const headerRetryMs = retryAfterMs({
    status,
    body: '',
    headers: { 'retry-after': headers.get('retry-after') ?? undefined },
  });
  const headerRetrySeconds = headerRetryMs === null ? null : headerRetryMs / 1000;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const problem = Problem.safeParse(json);
  if (!problem.success) {
    return new ProxyRequestError({
      kind: proxyKindForStatus(status),
      url,
      status,
      retryAfterSeconds: headerRetrySeconds,
      message: `the proxy answered HTTP ${status}${text ? `: ${snippet(text, 120)}` : ''}`,
    });
  }
  const { kind, detail, title, field, retryAfterSeconds, providers } = problem.data;
  return new ProxyRequestError({
    kind: kind ?? proxyKindForStatus(status),
    url,
    status,
    field,
    retryAfterSeconds: retryAfterSeconds ?? headerRetrySeconds,
    providers,
    message: detail || title,
  });
}

/** A base URL `fetch` can call: absolute http(s). `localhost:8787` would otherwise fail later as "unreachable". */
function checkBaseUrl(baseUrl: unknown): string {
  const text = typeof baseUrl === 'string' ? baseUrl.trim() : '';
  let protocol: string | undefined;
  try {
    protocol = new URL(text).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    // Without a scheme `user:pass@host` is not recognised as userinfo: drop anything before an `@` either way.
    const shown = text.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/]*@/i, '$1');
    throw new ProxyRequestError({
      kind: 'validation',
      field: 'baseUrl',
      url: shown,
      message: `baseUrl must be an absolute http:// or https:// URL, e.g. http://127.0.0.1:8787 (got ${JSON.stringify(shown)})`,
    });
  }
  return text;
}

/**
 * Creates a {@link ProxyClient} for the proxy at `options.baseUrl`, over the global `fetch` or the one given.
 * Throws {@link ProxyRequestError} (kind `validation`, field `baseUrl`) when the base URL is not an absolute http(s) URL.
 */
export function createClient(options: ProxyClientOptions): ProxyClient {
  const { token, timeoutMs } = options;
  const baseUrl = checkBaseUrl(options.baseUrl);
  const send = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const urlOf = (path: string) => joinUrl(baseUrl, path);

  async function call<Schema extends z.ZodType | null>(
    request: Call<Schema>,
  ): Promise<Schema extends z.ZodType ? z.output<Schema> : undefined> {
    request.signal?.throwIfAborted();
    const headers: Record<string, string> = {
      accept: request.stream ? `${NDJSON_MEDIA_TYPE}, application/json;q=0.5` : 'application/json',
    };
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const { signal, timedOut, dispose } = requestSignal(request.signal, timeoutMs);
    let response: Response | undefined;
    let text: string;
    const invalid = (detail: string, cause?: unknown) =>
      throwError({
        kind: 'invalid_response',
        url: request.url,
        status: response?.status ?? null,
        cause,
        message: `the proxy at ${displayUrl(baseUrl)} answered with ${detail}`,
      });
    try {
      response = await send(request.url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
      });
      const streamed = response.headers.get('content-type')?.startsWith(NDJSON_MEDIA_TYPE);
      if (request.stream && response.ok && streamed && response.body) {
        return (await request.stream(response.body, invalid)) as never;
      }
      text = await response.text();
    } catch (error) {
      // The caller's own abort is theirs to handle: rethrow it as fetch gave it.
      if (request.signal?.aborted) throw error;
      if (error instanceof ProxyRequestError) throw error;
      if (timedOut()) {
        throwError({
          kind: 'timeout',
          url: request.url,
          cause: error,
          message: `the proxy at ${displayUrl(baseUrl)} did not answer within ${timeoutMs} ms`,
        });
      }
      throwError({
        kind: 'unreachable',
        url: request.url,
        cause: error,
        message: `could not reach the proxy at ${displayUrl(baseUrl)}: is it running? (${error instanceof Error ? error.message : String(error)})`,
      });
    } finally {
      dispose();
    }

    if (!response.ok) throw problemError(response.status, text, response.headers, request.url);
    if (request.response === null) return undefined as never;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      invalid(`a body that is not JSON: "${snippet(text, 80)}"`, error);
    }
    const parsed = request.response.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      invalid(`an unexpected shape (${issue?.path.join('.') || 'body'}: ${issue?.message})`, parsed.error);
    }
    return parsed.data as never;
  }

  /** `/v1/suppliers/<id>`, or a `validation` error naming `id` (without a request) for text that names none. */
  const supplierUrl = (id: string) => {
    const base = urlOf('/v1/suppliers');
    // `<provider>:<sellerOpenId>` (an official/reseller offer's seller) is a card id too: the proxy answers it from
    // the seller facts it kept from that provider's offers.
    if (parseSupplierRef(id) === null && parseSellerOpenIdRef(id) === null)
      throwError({
        kind: 'validation',
        url: base,
        field: 'id',
        message: 'id: give a member id (b2b-…), a 1688 shop link or a login id',
      });
    return `${base}/${encodeURIComponent(String(id).trim())}`;
  };

  const search = <Schema extends z.ZodType>(path: string, response: Schema) => {
    // async, so bad input rejects the promise like every other failure instead of throwing synchronously.
    return async (params: SearchParamsInput, opts?: CallOptions) => {
      const url = urlOf(path);
      const query = toQueryString(validated(SearchParams, params, url));
      return call({ method: 'GET', url: `${url}?${query}`, response, signal: opts?.signal });
    };
  };

  return {
    searchSuppliers: search(ROUTES.suppliers, SupplierSearchResponse),
    searchProducts: search(ROUTES.products, ProductSearchResponse),
    async searchProductsByImage(body, opts) {
      const url = urlOf(ROUTES.productsByImage);
      const valid = validated(ImageSearchBody, body, url);
      return call({
        method: 'POST',
        url,
        body: valid,
        response: ProductSearchResponse,
        signal: opts?.signal,
      });
    },
    async getOffers(body, opts) {
      const url = urlOf(OFFER_ROUTES.offers);
      const valid = validated(OffersBody, body, url);
      return call({ method: 'POST', url, body: valid, response: OffersResponse, signal: opts?.signal });
    },
    async streamOffers(body, onResult, opts) {
      const url = urlOf(OFFER_ROUTES.offers);
      const valid = validated(OffersBody, body, url);
      let streamed = false;
      const answer: OffersResponse = await call({
        method: 'POST',
        url,
        body: valid,
        response: OffersResponse,
        signal: opts?.signal,
        stream: (stream, invalid) => {
          streamed = true;
          return readOffersStream(stream, onResult, invalid);
        },
      });
      // A proxy that answers JSON (one that does not stream): the results are handed over now, in order.
      if (!streamed) {
        const { providerOrder, currency } = answer;
        const batch = { providerOrder, ...(currency ? { currency } : {}) };
        for (const [index, result] of answer.results.entries()) onResult(index, result, batch);
      }
      return answer;
    },
    async getOffer(ref, params, opts) {
      const base = urlOf(OFFER_ROUTES.offers);
      const query = toQueryString(validated(OfferParams, params ?? {}, base));
      const url = `${base}/${refSegment(ref, base)}${query ? `?${query}` : ''}`;
      return call({ method: 'GET', url, response: OfferResult, signal: opts?.signal });
    },
    async landedCost(body, opts) {
      const url = urlOf(LANDED_ROUTES.landedCost);
      const valid = validated(LandedCostBody, body, url);
      return call({ method: 'POST', url, body: valid, response: LandedCostResponse, signal: opts?.signal });
    },
    async landedCosts(body, opts) {
      const url = urlOf(LANDED_ROUTES.landedCostBatch);
      const valid = validated(LandedCostBatchBody, body, url);
      return call({
        method: 'POST',
        url,
        body: valid,
        response: LandedCostBatchResponse,
        signal: opts?.signal,
      });
    },
    async offerHistory(ref, params, opts) {
      const base = urlOf(OFFER_ROUTES.offers);
      const query = toQueryString(validated(OfferHistoryParams, params ?? {}, base));
      const url = `${base}/${refSegment(ref, base)}/history${query ? `?${query}` : ''}`;
      return call({ method: 'GET', url, response: OfferHistoryResponse, signal: opts?.signal });
    },
    async getSupplier(id, opts) {
      const base = supplierUrl(id);
      const query = toQueryString(
        validated(SupplierParams, opts?.maxAge === undefined ? {} : { maxAge: opts.maxAge }, base),
      );
      const url = query ? `${base}?${query}` : base;
      return call({ method: 'GET', url, response: SupplierDetailResponse, signal: opts?.signal });
    },
    async supplierOffers(id, params, opts) {
      const base = supplierUrl(id);
      const query = toQueryString(validated(SupplierOffersParams, params ?? {}, `${base}/offers`));
      const url = `${base}/offers${query ? `?${query}` : ''}`;
      return call({ method: 'GET', url, response: ProductSearchResponse, signal: opts?.signal });
    },
    usage: (opts) =>
      call({ method: 'GET', url: urlOf(ROUTES.usage), response: UsageResponse, signal: opts?.signal }),
    currencies: (opts) =>
      call({
        method: 'GET',
        url: urlOf(ROUTES.currencies),
        response: CurrenciesResponse,
        signal: opts?.signal,
      }),
    listProviders: (opts) =>
      call({
        method: 'GET',
        url: urlOf(ROUTES.providers),
        response: ProvidersResponse,
        signal: opts?.signal,
      }),
    health: (opts) =>
      call({ method: 'GET', url: urlOf(ROUTES.health), response: null, signal: opts?.signal }),
  };
}
