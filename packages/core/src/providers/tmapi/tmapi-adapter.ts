import * as z from 'zod';
import { ProviderError } from '../../models/provider-error.js';
import type { ImageQuery, ProductQuery, Sort, SupplierQuery } from '../../models/query.js';
import { defineAdapter } from '../define-adapter.js';
import { defineOfferOperation, defineOperation, defineSupplierOperation } from '../define-operation.js';
import { clampPageSize, ignoredFields, imageRefinementsIgnored } from '../ignored-fields.js';
import { isAlibabaHosted } from '../official/official-search.js';
import type { AdapterWith, ProviderAdapter, SignedRequest } from '../provider-contract.js';
import { definedParams, type QueryParams } from '../provider-params.js';
import { joinUrl } from '../request-context.js';
import { tmapiFreightOperation } from './tmapi-freight.js';
import { type TmapiImageParams, tmapiConvertStep } from './tmapi-image-convert.js';
import { parseTmapiOffer, TMAPI_OFFER_PATH, tmapiOfferParams } from './tmapi-offer.js';
import { readTmapiPage, toTmapiProduct, toTmapiSupplier } from './tmapi-page.js';
import {
  parseTmapiShopItems,
  TMAPI_SHOP_ITEMS_MAX_PAGE_SIZE,
  tmapiShopItemsParams,
} from './tmapi-shop-items.js';
import {
  parseTmapiSupplier,
  TMAPI_SHOP_INFO_PATH,
  TMAPI_SHOP_ITEMS_PATH,
  tmapiCatalogueFollowUp,
  tmapiSupplierParams,
} from './tmapi-supplier.js';

export const TMAPI_DEFAULT_BASE_URL = 'https://api.tmapi.io';

const TmapiCredentials = z.object({
  /** From TMAPI's console (Account Center); sent as the `apiToken` query parameter. */
  apiToken: z.string().min(1),
  /** `http://api.tmapi.top` on older docs. */
  baseUrl: z.url().optional(),
});
/** TMAPI credentials: `apiToken` (secret, sent as a query parameter) and optional `baseUrl`. */
export type TmapiCredentials = z.infer<typeof TmapiCredentials>;

export const TMAPI_PATHS = {
  factories: '/1688/search/factories',
  items: '/1688/search/items',
  image: '/1688/search/image',
} as const;

// The factory search documents only a default of 20 (seed 000); the product search a maximum of 20
// (providers.md). The factory maximum is unverified, so it stays at the documented default.
const FACTORY_MAX_PAGE_SIZE = 20;
const ITEM_MAX_PAGE_SIZE = 20;
const IMAGE_MAX_PAGE_SIZE = 20;

const FACTORY_SORTS: Partial<Record<Sort, string>> = { default: 'default', repurchase: 'repurchase_rate' };
// Product and image search share `sort` = default|sales|price_up|price_down (README: "Image search").
const ITEM_SORTS: Partial<Record<Sort, string>> = {
  default: 'default',
  sales: 'sales',
  price_asc: 'price_up',
  price_desc: 'price_down',
};

const HEADERS = { accept: 'application/json' };

/** `apiToken` first, then the mapped parameters in their order (seed 000's example URL). */
function signTmapi(path: string) {
  return (params: QueryParams, credentials: TmapiCredentials): SignedRequest => {
    const search = new URLSearchParams({ apiToken: credentials.apiToken });
    for (const [key, value] of Object.entries(params)) search.append(key, String(value));
    return {
      method: 'GET',
      url: `${joinUrl(credentials.baseUrl ?? TMAPI_DEFAULT_BASE_URL, path)}?${search}`,
      headers: HEADERS,
    };
  };
}

function supportedSorts(table: Partial<Record<Sort, string>>): Sort[] {
  return (Object.keys(table) as Sort[]).filter((sort) => table[sort] !== undefined);
}

function mapFactorySearch(query: SupplierQuery) {
  return {
    params: definedParams({
      page: query.page,
      page_size: clampPageSize(query.pageSize, FACTORY_MAX_PAGE_SIZE),
      keywords: query.keyword,
      sort: FACTORY_SORTS[query.sort] ?? 'default',
    }),
    // Every result of a factory search is a factory, so `factoryOnly` is honoured by construction.
    ignored: ignoredFields(query, { filters: ['factoryOnly'], sorts: supportedSorts(FACTORY_SORTS) }),
  };
}

function mapItemSearch(query: ProductQuery) {
  return {
    params: definedParams({
      keyword: query.keyword,
      page: query.page,
      page_size: clampPageSize(query.pageSize, ITEM_MAX_PAGE_SIZE),
      sort: ITEM_SORTS[query.sort] ?? 'default',
      price_start: query.priceMin,
      price_end: query.priceMax,
      moq: query.minOrder,
    }),
    ignored: ignoredFields(query, {
      filters: ['priceMin', 'priceMax', 'minOrder'],
      sorts: supportedSorts(ITEM_SORTS),
    }),
  };
}

function mapImageSearch(query: ImageQuery): { params: TmapiImageParams; ignored: string[] } {
  if (query.imageUrl === undefined) {
    // Sourcing facts §3: TMAPI takes image URLs only, "no base64".
    throw new ProviderError({
      provider: 'tmapi',
      kind: 'bad_request',
      message:
        'TMAPI cannot search by a photo (it takes no image upload); search it by imageUrl, or with another provider',
    });
  }
  // An image not hosted by Alibaba is converted first (`convert_url`, the prepare step).
  const image = isAlibabaHosted(query.imageUrl)
    ? { img_url: query.imageUrl }
    : { convert_url: query.imageUrl };
  return {
    params: definedParams({
      ...image,
      page: query.page,
      page_size: clampPageSize(query.pageSize, IMAGE_MAX_PAGE_SIZE),
      // TMAPI's image search takes the product search's `sort`, `price_start` and `price_end` (README).
      sort: ITEM_SORTS[query.sort] ?? 'default',
      price_start: query.priceMin,
      price_end: query.priceMax,
    }),
    ignored: [
      ...ignoredFields(query, { filters: ['priceMin', 'priceMax'], sorts: supportedSorts(ITEM_SORTS) }),
      ...imageRefinementsIgnored(query),
    ],
  };
}

/** TMAPI: factory (supplier) search, product search by keyword and by image, offer and shop details. */
export const tmapiAdapter: AdapterWith<
  TmapiCredentials,
  | 'searchSuppliers'
  | 'searchProducts'
  | 'searchProductsByImage'
  | 'getOffer'
  | 'getSupplier'
  | 'searchSupplierOffers'
> = defineAdapter({
  id: 'tmapi',
  name: 'TMAPI',
  defaultBaseUrl: TMAPI_DEFAULT_BASE_URL,
  credentials: TmapiCredentials,
  secretFields: ['apiToken'],
  // TMAPI's docs advise a 60 s client timeout (its 499 error); the concurrency cap behind its 503 is
  // per plan and undocumented, so the defaults are conservative.
  limits: { requestsPerMinute: 60, concurrency: 3, timeoutMs: 60_000 },
  searchSuppliers: defineOperation({
    maxPageSize: FACTORY_MAX_PAGE_SIZE,
    map: mapFactorySearch,
    sign: signTmapi(TMAPI_PATHS.factories),
    parseResponse: (response) => readTmapiPage(response, toTmapiSupplier),
  }),
  searchProducts: defineOperation({
    maxPageSize: ITEM_MAX_PAGE_SIZE,
    map: mapItemSearch,
    sign: signTmapi(TMAPI_PATHS.items),
    parseResponse: (response) => readTmapiPage(response, toTmapiProduct),
  }),
  searchProductsByImage: defineOperation({
    maxPageSize: IMAGE_MAX_PAGE_SIZE,
    map: mapImageSearch,
    sign(params: TmapiImageParams, credentials: TmapiCredentials) {
      if (params.img_url === undefined) {
        throw new ProviderError({
          provider: 'tmapi',
          kind: 'bad_request',
          message: 'this image URL must first be converted with image/convert_url (the proxy runs that step)',
        });
      }
      return signTmapi(TMAPI_PATHS.image)(params, credentials);
    },
    prepare: tmapiConvertStep(TMAPI_DEFAULT_BASE_URL),
    parseResponse: (response) => readTmapiPage(response, toTmapiProduct),
  }),
  getOffer: defineOfferOperation({
    map: (query) => {
      const { params, ignored } = tmapiOfferParams(query);
      return { params: definedParams(params), ignored };
    },
    sign: signTmapi(TMAPI_OFFER_PATH),
    parseResponse: parseTmapiOffer,
  }),
  estimateFreight: tmapiFreightOperation(signTmapi),
  // `shop_info`, then `shop/items` for the catalogue size (tmapi-supplier.ts).
  getSupplier: defineSupplierOperation({
    map: tmapiSupplierParams,
    sign: signTmapi(TMAPI_SHOP_INFO_PATH),
    parseResponse: parseTmapiSupplier,
    followUp: tmapiCatalogueFollowUp(signTmapi(TMAPI_SHOP_ITEMS_PATH)),
  }),
  // The same `shop/items`, a whole page of it: the supplier's catalogue (tmapi-shop-items.ts).
  searchSupplierOffers: defineOperation({
    maxPageSize: TMAPI_SHOP_ITEMS_MAX_PAGE_SIZE,
    map: tmapiShopItemsParams,
    sign: signTmapi(TMAPI_SHOP_ITEMS_PATH),
    parseResponse: parseTmapiShopItems,
  }),
} satisfies ProviderAdapter<TmapiCredentials>);
