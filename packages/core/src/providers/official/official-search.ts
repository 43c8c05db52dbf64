import { ProviderError } from '../../models/provider-error.js';
import type { ProviderId } from '../../models/provider-id.js';
import type { FilterName, ImageQuery, SearchFilters, Sort } from '../../models/query.js';
import { clampPageSize, ignoredFields } from '../ignored-fields.js';
import type {
  OfficialCountry,
  OfficialFilter,
  OfficialSortDirection,
  OfficialSortField,
} from './official-enums.js';

// The 1688 Open Platform's `product.search.keywordQuery`/`imageQuery` business parameters (providers.md §3),
// which DajiSaaS (seed 003) and PandaPon (seed 004) resell under their own auth. One mapping for all three.

/** The business parameters, in the order the platform documents them. `sort` is a JSON object as text. */
export type OfferSearchParams = {
  keyword?: string;
  beginPage: number;
  pageSize: number;
  country: OfficialCountry;
  filter?: string;
  sort?: string;
  priceStart?: string;
  priceEnd?: string;
};

export type OfferSearchQuery = SearchFilters & {
  keyword?: string;
  page: number;
  pageSize: number;
  sort: Sort;
};

const SORTS: Partial<Record<Sort, readonly [OfficialSortField, OfficialSortDirection]>> = {
  price_asc: ['price', 'asc'],
  price_desc: ['price', 'desc'],
  sales: ['monthSold', 'desc'],
  repurchase: ['rePurchaseRate', 'desc'],
};

const SUPPORTED_FILTERS: readonly FilterName[] = ['priceMin', 'priceMax', 'factoryOnly', 'language'];

/** `country` is required; titles come back in Chinese (`subject`) whatever it says, so `zh` → `en`. */
const DEFAULT_COUNTRY: OfficialCountry = 'en';

export interface OfferSearchOptions {
  /** The provider's page-size limit. */
  maxPageSize: number;
  /** Set where the provider only translates into English (PandaPon image search: "目前固定传 en"). */
  englishOnly?: boolean;
}

/** Maps a caller's query to the platform's parameters and lists what the platform cannot honour. */
export function offerSearchParams(
  query: OfferSearchQuery,
  { maxPageSize, englishOnly = false }: OfferSearchOptions,
): { params: OfferSearchParams; ignored: string[] } {
  const sort = SORTS[query.sort];
  const filters: OfficialFilter[] = query.factoryOnly ? ['certifiedFactory'] : [];
  const translated = query.language !== undefined && query.language !== 'zh';
  const languageIgnored = englishOnly && translated && query.language !== 'en';
  const country = translated && !englishOnly ? (query.language as OfficialCountry) : DEFAULT_COUNTRY;
  const params: OfferSearchParams = {
    ...(query.keyword === undefined ? {} : { keyword: query.keyword }),
    beginPage: query.page,
    pageSize: clampPageSize(query.pageSize, maxPageSize),
    country,
    ...(filters.length > 0 ? { filter: filters.join(',') } : {}),
    ...(sort ? { sort: JSON.stringify({ [sort[0]]: sort[1] }) } : {}),
    ...(query.priceMin === undefined ? {} : { priceStart: String(query.priceMin) }),
    ...(query.priceMax === undefined ? {} : { priceEnd: String(query.priceMax) }),
  };
  const ignored = ignoredFields(query, {
    filters: languageIgnored ? SUPPORTED_FILTERS.filter((name) => name !== 'language') : SUPPORTED_FILTERS,
    sorts: Object.keys(SORTS) as Sort[],
  });
  return { params, ignored };
}

/**
 * The query's image URL. Where the provider can only search base64 images after a separate upload call
 * (`uploadApi`) for an `imageId`, a base64 query is `bad_request`: a pure adapter cannot make two calls.
 */
export function requireImageUrl(provider: ProviderId, query: ImageQuery, uploadApi: string): string {
  if (query.imageUrl !== undefined) return query.imageUrl;
  throw new ProviderError({
    provider,
    kind: 'bad_request',
    message: `${provider} image search needs an image URL: base64 images must first go through ${uploadApi}, which is not supported`,
  });
}

/** Images 1688 itself hosts (`cbu01.alicdn.com`, `img.alicdn.com`, `*.1688.com`): `imageAddress` finds these. */
export function isAlibabaHosted(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return /(^|\.)alicdn\.com$/.test(host) || /(^|\.)1688\.com$/.test(host);
  } catch {
    return false;
  }
}
