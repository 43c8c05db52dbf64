import { z } from 'zod';
import { ProviderError } from '../../models/provider-error.js';
import type { ImageQuery, ProductQuery, Sort, SupplierQuery } from '../../models/query.js';
import { clampPageSize, ignoredFields } from '../ignored-fields.js';
import type { ProviderAdapter, ProviderRequest } from '../provider-contract.js';
import { joinUrl } from '../request-context.js';
import { parseTmapiOffer, TMAPI_OFFER_PATH, tmapiOfferParams } from './tmapi-offer.js';
import { readTmapiPage, toTmapiProduct, toTmapiSupplier } from './tmapi-schemas.js';

export const TMAPI_DEFAULT_BASE_URL = 'https://api.tmapi.io';

const TmapiCredentials = z.object({
  /** From TMAPI's console (Account Center); sent as the `apiToken` query parameter. */
  apiToken: z.string().min(1),
  /** `http://api.tmapi.top` on older docs. */
  baseUrl: z.url().optional(),
});
export type TmapiCredentials = z.infer<typeof TmapiCredentials>;

// The factory search documents only a default of 20 (seed 000); the product search a maximum of 20
// (providers.md). The factory maximum is unverified, so it stays at the documented default.
const FACTORY_MAX_PAGE_SIZE = 20;
const ITEM_MAX_PAGE_SIZE = 20;
const IMAGE_MAX_PAGE_SIZE = 20;

const FACTORY_SORTS: Partial<Record<Sort, string>> = { default: 'default', repurchase: 'repurchase_rate' };
const ITEM_SORTS: Partial<Record<Sort, string>> = {
  default: 'default',
  sales: 'sales',
  price_asc: 'price_up',
  price_desc: 'price_down',
};

const HEADERS = { accept: 'application/json' };

type Param = string | number | undefined;

/** `apiToken` first, then the parameters in the order seed 000's example URL uses; unset ones are left out. */
function tmapiUrl(credentials: TmapiCredentials, path: string, params: Record<string, Param>): string {
  const search = new URLSearchParams({ apiToken: credentials.apiToken });
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) search.append(key, String(value));
  return `${joinUrl(credentials.baseUrl ?? TMAPI_DEFAULT_BASE_URL, path)}?${search}`;
}

function supportedSorts(table: Partial<Record<Sort, string>>): Sort[] {
  return (Object.keys(table) as Sort[]).filter((sort) => table[sort] !== undefined);
}

function buildFactorySearch(query: SupplierQuery, credentials: TmapiCredentials): ProviderRequest {
  return {
    method: 'GET',
    url: tmapiUrl(credentials, '/1688/search/factories', {
      page: query.page,
      page_size: clampPageSize(query.pageSize, FACTORY_MAX_PAGE_SIZE),
      keywords: query.keyword,
      sort: FACTORY_SORTS[query.sort] ?? 'default',
    }),
    headers: HEADERS,
    // Every result of a factory search is a factory, so `factoryOnly` is honoured by construction.
    ignored: ignoredFields(query, { filters: ['factoryOnly'], sorts: supportedSorts(FACTORY_SORTS) }),
  };
}

function buildItemSearch(query: ProductQuery, credentials: TmapiCredentials): ProviderRequest {
  return {
    method: 'GET',
    url: tmapiUrl(credentials, '/1688/search/items', {
      keyword: query.keyword,
      page: query.page,
      page_size: clampPageSize(query.pageSize, ITEM_MAX_PAGE_SIZE),
      sort: ITEM_SORTS[query.sort] ?? 'default',
      price_start: query.priceMin,
      price_end: query.priceMax,
      moq: query.minOrder,
    }),
    headers: HEADERS,
    ignored: ignoredFields(query, {
      filters: ['priceMin', 'priceMax', 'minOrder'],
      sorts: supportedSorts(ITEM_SORTS),
    }),
  };
}

function buildImageSearch(query: ImageQuery, credentials: TmapiCredentials): ProviderRequest {
  if (query.imageUrl === undefined) {
    // TMAPI searches by the URL of an Alibaba-hosted image only; uploading base64 is a separate paid call.
    throw new ProviderError({
      provider: 'tmapi',
      kind: 'bad_request',
      message: 'TMAPI image search needs imageUrl (an Alibaba-hosted image), not imageBase64',
    });
  }
  return {
    method: 'GET',
    url: tmapiUrl(credentials, '/1688/search/image', {
      img_url: query.imageUrl,
      page: query.page,
      page_size: clampPageSize(query.pageSize, IMAGE_MAX_PAGE_SIZE),
    }),
    headers: HEADERS,
    ignored: ignoredFields(query, { filters: [], sorts: [] }),
  };
}

export const tmapiAdapter = {
  id: 'tmapi',
  name: 'TMAPI',
  defaultBaseUrl: TMAPI_DEFAULT_BASE_URL,
  credentials: TmapiCredentials,
  // TMAPI's docs advise a 60 s client timeout (its 499 error); the concurrency cap behind its 503 is
  // per plan and undocumented, so the defaults are conservative.
  limits: { requestsPerMinute: 60, concurrency: 3, timeoutMs: 60_000 },
  searchSuppliers: {
    maxPageSize: FACTORY_MAX_PAGE_SIZE,
    buildRequest: buildFactorySearch,
    parseResponse: (response) => readTmapiPage(response, toTmapiSupplier),
  },
  searchProducts: {
    maxPageSize: ITEM_MAX_PAGE_SIZE,
    buildRequest: buildItemSearch,
    parseResponse: (response) => readTmapiPage(response, toTmapiProduct),
  },
  searchProductsByImage: {
    maxPageSize: IMAGE_MAX_PAGE_SIZE,
    buildRequest: buildImageSearch,
    parseResponse: (response) => readTmapiPage(response, toTmapiProduct),
  },
  getOffer: {
    buildRequest: (query, credentials) => ({
      method: 'GET',
      url: tmapiUrl(credentials, TMAPI_OFFER_PATH, tmapiOfferParams(query)),
      headers: HEADERS,
      ignored: [],
    }),
    parseResponse: parseTmapiOffer,
  },
} satisfies ProviderAdapter<TmapiCredentials>;
