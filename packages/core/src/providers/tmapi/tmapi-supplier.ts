import { ProviderError } from '../../models/provider-error.js';
import {
  emptySupplierDetail,
  type ShopRating,
  SupplierDetail,
  type SupplierRef,
} from '../../models/supplier-detail.js';
import { cleanLink } from '../../normalize/ad-link.js';
import { normalizeLocation } from '../../normalize/location.js';
import { asArray, asRecord, toBool, toInteger, toNonNegative, toText } from '../../normalize/values.js';
import type { ProviderResponse, SupplierFollowUp } from '../provider-contract.js';
import type { QueryParams } from '../provider-params.js';
import { guardParse } from '../response-body.js';
import { tmapiErrorFor } from './tmapi-errors.js';
import { parseTmapiJson } from './tmapi-page.js';

// `GET /1688/shop/shop_info` (https://tmapi.top/docs/ali/shop/get-shop-information.md) takes `shop_url` or
// `member_id` and answers `member_id, seller_id, company_id` ("internal, not a registration number"),
// `company_name, contact_phone, shop_url, shop_logo, shop_name, chat_url` (web IM link), `location_str,
// is_industry_brand, is_factory, is_super_factory, is_flagship_shop, is_tp, tp_year, favorite_count,
// shop_ratings[{title, type, score}]`. `GET /1688/shop/items` (…/get-shop-items.md) takes `member_id`
// (required), `page`, `page_size`, `sort` and answers `total_count`: the catalogue size.

export const TMAPI_SHOP_INFO_PATH = '/1688/shop/shop_info';
export const TMAPI_SHOP_ITEMS_PATH = '/1688/shop/items';

/** `member_id` or `shop_url`, the two documented keys; TMAPI documents no lookup by login id. */
export function tmapiSupplierParams(ref: SupplierRef): { params: QueryParams; ignored: string[] } {
  if (ref.kind === 'memberId') return { params: { member_id: ref.value }, ignored: [] };
  if (ref.kind === 'shopUrl') return { params: { shop_url: ref.value }, ignored: [] };
  throw new ProviderError({
    provider: 'tmapi',
    kind: 'bad_request',
    message: 'TMAPI looks a shop up by member id or shop link, not by login id',
  });
}

function ratings(raw: unknown): ShopRating[] {
  return asArray(raw)
    .map(asRecord)
    .map((r) => ({ title: toText(r.title), type: toText(r.type), score: toNonNegative(r.score) }))
    .filter((r): r is ShopRating => r.title !== null && r.score !== null);
}

/** A `shop_info` data object as a detail; `null` when it names no shop at all. */
export function toTmapiSupplierDetail(data: Record<string, unknown>): SupplierDetail | null {
  const memberId = toText(data.member_id);
  const shopUrl = cleanLink(data.shop_url).url;
  if (memberId === null && shopUrl === null && toText(data.company_name) === null) return null;
  const empty = emptySupplierDetail('tmapi');
  const isTp = toBool(data.is_tp);
  return {
    ...empty,
    memberId: memberId?.startsWith('b2b-') ? memberId : null,
    companyName: toText(data.company_name),
    shopName: toText(data.shop_name),
    shopUrl,
    chatUrl: cleanLink(data.chat_url).url,
    // "广东省 汕头市": the same reader as the searches' `location`.
    location: normalizeLocation(data.location_str),
    yearsOnPlatform: isTp === false ? null : toNonNegative(data.tp_year),
    badges: {
      ...empty.badges,
      factory: toBool(data.is_factory),
      superFactory: toBool(data.is_super_factory),
      flagship: toBool(data.is_flagship_shop),
      industryBrand: toBool(data.is_industry_brand),
      trustPass: isTp,
    },
    shopRatings: ratings(data.shop_ratings),
    followers: toInteger(data.favorite_count),
  };
}

/** Reads a `shop_info` body; an answer without a shop is `not_found` (TMAPI documents no code for it). */
export function parseTmapiSupplier(response: ProviderResponse): SupplierDetail {
  return guardParse('tmapi', () => {
    const body = parseTmapiJson(response);
    const error = tmapiErrorFor(response, body);
    if (error) throw error;
    const detail = toTmapiSupplierDetail(asRecord(asRecord(body).data));
    if (detail === null) {
      throw new ProviderError({
        provider: 'tmapi',
        kind: 'not_found',
        status: response.status,
        message: 'TMAPI returned no shop for this id',
      });
    }
    return SupplierDetail.parse(detail);
  });
}

/** `shop/items` with one item per page: only `total_count` is read, so the smallest page costs the same call. */
export function tmapiCatalogueParams(detail: SupplierDetail): QueryParams | null {
  return detail.memberId === null ? null : { member_id: detail.memberId, page: 1, page_size: 1 };
}

/** The catalogue size from a `shop/items` body; errors as for every TMAPI body. */
export function completeTmapiCatalogue(detail: SupplierDetail, response: ProviderResponse): SupplierDetail {
  return guardParse('tmapi', () => {
    const body = parseTmapiJson(response);
    const error = tmapiErrorFor(response, body);
    if (error) throw error;
    return { ...detail, catalogueSize: toInteger(asRecord(asRecord(body).data).total_count) };
  });
}

/** The follow-up TMAPI's `getSupplier` makes; `sign` is the adapter's own GET signer for `shop/items`. */
export function tmapiCatalogueFollowUp<Credentials>(
  signItems: (params: QueryParams, credentials: Credentials) => ReturnType<SupplierFollowUp['sign']>,
): SupplierFollowUp<QueryParams, Credentials> {
  return {
    name: 'shop/items',
    sign: (_params, detail, credentials) => {
      const params = tmapiCatalogueParams(detail);
      return params === null ? null : signItems(params, credentials);
    },
    complete: completeTmapiCatalogue,
  };
}
