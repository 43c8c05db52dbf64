import { md5SortedQuerySignature, type Params, pythonUrlencode } from '@yuantou/signers';
import * as z from 'zod';
import type { FilterName, Language, ProductQuery, Sort, SupplierQuery } from '../../models/query.js';
import { defineAdapter } from '../define-adapter.js';
import { defineOfferOperation, defineOperation, defineSupplierOperation } from '../define-operation.js';
import { clampPageSize, ignoredFields } from '../ignored-fields.js';
import type { AdapterWith, ProviderAdapter, RequestContext, SignedRequest } from '../provider-contract.js';
import { definedParams, type QueryParams } from '../provider-params.js';
import { joinUrl, resolveContext } from '../request-context.js';
import { oneboundFreightOperation } from './onebound-freight.js';
import { ONEBOUND_OFFER_API, oneboundOfferParams, parseOneboundOffer } from './onebound-offer.js';
import { readOneboundPage, toOneboundProduct, toOneboundSupplier } from './onebound-page.js';
import { oneboundSupplierParams, parseOneboundSupplier } from './onebound-supplier.js';

export const ONEBOUND_DEFAULT_BASE_URL = 'https://api-gw.onebound.cn';

const OneboundCredentials = z.object({
  key: z.string().min(1),
  secret: z.string().min(1),
  baseUrl: z.url().optional(),
  /**
   * `true`: send `key`, a `timestamp` and the MD5 `sign` of seed 001 instead of the secret. The documented
   * default (`false`) sends `key` and `secret` as query parameters.
   */
  // Config files and env vars carry text, so `"true"`/`"false"` are accepted too.
  sign: z.union([z.boolean(), z.enum(['true', 'false']).transform((text) => text === 'true')]).optional(),
});
/**
 * Onebound credentials: `key` and `secret` (both secret: they travel in the query string), optional `sign`
 * (send an MD5 signature instead of the secret) and `baseUrl`.
 */
export type OneboundCredentials = z.infer<typeof OneboundCredentials>;

// `item_search_seller` documents page_size ≤ 100 (seed 001 §2). item_search documents no maximum, so the
// contract's own ceiling applies (unverified).
const SELLER_MAX_PAGE_SIZE = 100;
const ITEM_MAX_PAGE_SIZE = 100;

const SELLER_SORTS: Partial<Record<Sort, string>> = {
  default: 'default',
  credit: 'credit',
  sales: 'sale',
  newest: 'time',
};
// item_search: `bid` price ascending, `_bid` descending, `_sale` sales descending; no value = relevance.
const ITEM_SORTS: Partial<Record<Sort, string>> = { price_asc: 'bid', price_desc: '_bid', sales: '_sale' };

const LANG: Partial<Record<Language, string>> = { zh: 'cn', en: 'en', ru: 'ru' };

const HEADERS = { accept: 'application/json' };

const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The query string, sorted by key and encoded like Python's `urlencode` — the signer's own canonical form, so
 * a signed request sends exactly the text that was signed, followed by `&sign=`.
 *
 * `cache` is left at Onebound's default (`yes`): its cached answers are cheaper and faster, shop data
 * changes slowly (seed 001 §10.2), and the proxy keeps its own cache in front.
 */
export function oneboundQueryString(params: Params, credentials: OneboundCredentials, now: Date): string {
  if (credentials.sign) {
    const signed = { ...params, key: credentials.key, timestamp: Math.floor(now.getTime() / 1000) };
    const { signature, stringToSign } = md5SortedQuerySignature({
      params: signed,
      secret: credentials.secret,
    });
    return `${stringToSign}&sign=${signature}`;
  }
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries({ ...params, key: credentials.key, secret: credentials.secret }))
    if (value !== undefined && value !== null) pairs.push([name, String(value)]);
  return pythonUrlencode(pairs.sort(([a], [b]) => compareCodeUnits(a, b)));
}

/** `GET {base}/1688/{api_name}/?…`: the mapped parameters plus `key` and `secret` (or `timestamp` + `sign`). */
function signOnebound(
  params: QueryParams,
  credentials: OneboundCredentials,
  ctx?: Partial<RequestContext>,
): SignedRequest {
  const base = joinUrl(credentials.baseUrl ?? ONEBOUND_DEFAULT_BASE_URL, `/1688/${params.api_name}/`);
  return {
    method: 'GET',
    url: `${base}?${oneboundQueryString(params, credentials, resolveContext(ctx).now)}`,
    headers: HEADERS,
  };
}

/** `language` counts as supported only when Onebound translates into it. */
function supportedFilters(query: SupplierQuery, filters: FilterName[]): FilterName[] {
  return query.language && LANG[query.language] ? [...filters, 'language'] : filters;
}

const supportedSorts = (table: Partial<Record<Sort, string>>) => Object.keys(table) as Sort[];

function mapSellerSearch(query: SupplierQuery) {
  // `city` takes "省 市", e.g. "浙江 杭州" (seed 001 §12).
  const city = [query.province, query.city].filter(Boolean).join(' ');
  return {
    params: definedParams({
      api_name: 'item_search_seller',
      result_type: 'json',
      q: query.keyword,
      page: query.page,
      page_size: clampPageSize(query.pageSize, SELLER_MAX_PAGE_SIZE),
      sort: SELLER_SORTS[query.sort] ?? 'default',
      city: city || undefined,
      lang: query.language && LANG[query.language],
    }),
    ignored: ignoredFields(query, {
      filters: supportedFilters(query, ['province', 'city']),
      sorts: supportedSorts(SELLER_SORTS),
    }),
  };
}

function mapItemSearch(query: ProductQuery) {
  return {
    params: definedParams({
      api_name: 'item_search',
      result_type: 'json',
      q: query.keyword,
      page: query.page,
      page_size: clampPageSize(query.pageSize, ITEM_MAX_PAGE_SIZE),
      sort: ITEM_SORTS[query.sort],
      start_price: query.priceMin,
      end_price: query.priceMax,
      lang: query.language && LANG[query.language],
    }),
    ignored: ignoredFields(query, {
      filters: supportedFilters(query, ['priceMin', 'priceMax']),
      sorts: supportedSorts(ITEM_SORTS),
    }),
  };
}

/** Onebound (万邦): shop (supplier) search, product search by keyword, offer and seller details. */
export const oneboundAdapter: AdapterWith<
  OneboundCredentials,
  'searchSuppliers' | 'searchProducts' | 'getOffer' | 'getSupplier'
> = defineAdapter({
  id: 'onebound',
  name: 'Onebound (万邦)',
  defaultBaseUrl: ONEBOUND_DEFAULT_BASE_URL,
  credentials: OneboundCredentials,
  // Both travel in the query string (seed 001 §1): `key` identifies the account and is enough to spend it.
  secretFields: ['key', 'secret'],
  // Seed 001 §12: ordinary accounts get a low QPS (5–10/s for verified companies); its example client waits
  // 30 s.
  limits: { requestsPerMinute: 60, concurrency: 2, timeoutMs: 30_000 },
  searchSuppliers: defineOperation({
    maxPageSize: SELLER_MAX_PAGE_SIZE,
    map: mapSellerSearch,
    sign: signOnebound,
    parseResponse: (response) => readOneboundPage(response, toOneboundSupplier),
  }),
  searchProducts: defineOperation({
    maxPageSize: ITEM_MAX_PAGE_SIZE,
    map: mapItemSearch,
    sign: signOnebound,
    parseResponse: (response) => readOneboundPage(response, toOneboundProduct),
  }),
  getOffer: defineOfferOperation({
    map: (query) => {
      const { params, ignored } = oneboundOfferParams(query);
      return {
        params: definedParams({ api_name: ONEBOUND_OFFER_API, result_type: 'json', ...params }),
        ignored,
      };
    },
    sign: signOnebound,
    parseResponse: parseOneboundOffer,
  }),
  estimateFreight: oneboundFreightOperation(signOnebound),
  // seller_info (onebound-supplier.ts; its parameter name is uncertain).
  getSupplier: defineSupplierOperation({
    map: oneboundSupplierParams,
    sign: signOnebound,
    parseResponse: parseOneboundSupplier,
  }),
} satisfies ProviderAdapter<OneboundCredentials>);
