import { makePage, type Page } from '../../models/page.js';
import type { Product } from '../../models/product.js';
import { emptySupplier, type ProductSupplier, type Supplier } from '../../models/supplier.js';
import { cleanLink } from '../../normalize/ad-link.js';
import {
  normalizeCreditLevel,
  normalizeCreditScore,
  normalizeTradeLevel,
} from '../../normalize/credit-level.js';
import { normalizeLocation } from '../../normalize/location.js';
import { sellerIdFrom } from '../../normalize/member-id.js';
import { priceRange } from '../../normalize/price-range.js';
import {
  asRecord,
  toBool,
  toInteger,
  toNonNegative,
  toRate,
  toText,
  toTextList,
} from '../../normalize/values.js';
import type { ProviderResponse } from '../provider-contract.js';
import { guardParse, invalidResponse as invalidProviderResponse, readItemList } from '../response-body.js';
import { checkOneboundBody, errorFromUnparsableBody } from './onebound-errors.js';
import { oneboundQuota } from './onebound-quota.js';

// Onebound bodies are read by hand with the lenient normalizers; both envelopes share
// `items:{page, real_total_results, total_results, pagecount, page_size, item:[…]}` (seed 001 §3–4).

type RawItem = Record<string, unknown>;

const invalidResponse = (response: ProviderResponse, what: string) =>
  invalidProviderResponse('onebound', response, what);

function parseOneboundJson(response: ProviderResponse): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    throw errorFromUnparsableBody(response) ?? invalidResponse(response, 'a body that is not JSON');
  }
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads either envelope; error code `2000` (no result) is an empty page. */
export function readOneboundPage<T>(response: ProviderResponse, toItem: (raw: RawItem) => T | null): Page<T> {
  return guardParse('onebound', () => {
    const body = parseOneboundJson(response);
    const outcome = checkOneboundBody(response, body);
    const container = asRecord(body).items;
    if (!isObject(container) && outcome === 'ok') throw invalidResponse(response, 'no `items` object');
    const meta = asRecord(container);
    const { items, listed } = readItemList('onebound', response, meta.item, '`items.item`', toItem);
    const page = toInteger(meta.page) ?? 1;
    const pageCount = toInteger(meta.pagecount);
    const quota = oneboundQuota(asRecord(body).api_info, response);
    const result = makePage(items, {
      page,
      // Unreadable entries still took a place on the provider's page.
      pageSize: toInteger(meta.page_size) ?? listed,
      // `total_results` is what can be paged through; `real_total_results` may be larger (seed 001 §4).
      total: outcome === 'empty' ? 0 : (toInteger(meta.total_results) ?? toInteger(meta.real_total_results)),
      hasNext: outcome === 'empty' ? false : pageCount === null ? null : page < pageCount,
    });
    return quota === null ? result : { ...result, quota };
  });
}

/** `"浙江 杭州市"` from `location`, or `area` when `location` is missing (seed 001 §5.4). */
const sellerLocation = (raw: RawItem) => normalizeLocation(toText(raw.location) ?? raw.area);

/** A shop from `item_search_seller` (seed 001 §5). */
export function toOneboundSupplier(raw: RawItem): Supplier | null {
  const id = sellerIdFrom('onebound', raw.seller_id, raw.member_id, raw.shop_id);
  if (id === null) return null;
  const link = cleanLink(raw.shop_url);
  return {
    ...emptySupplier('onebound', id),
    name: toText(raw.shop_name),
    nick: toText(raw.seller_nick),
    url: link.url,
    isAd: link.isAd,
    isFactory: toBool(raw.is_factory),
    creditLevel: normalizeCreditLevel(raw.credit_level),
    // Seed 001 §5.3/§5.5: `credit_score` "信用评分(0-100)", `is_enterprise` "是否企业认证",
    // `transaction_level` "lv.4" 交易勋章等级.
    creditScore: normalizeCreditScore(raw.credit_score),
    tradeLevel: normalizeTradeLevel(raw.transaction_level),
    isEnterprise: toBool(raw.is_enterprise),
    yearsOnPlatform: toNonNegative(raw.years_in_business),
    returnRate: toRate(raw.return_rate),
    location: sellerLocation(raw),
    // Descriptive badges: the trade medal (`lv.5`), response time and shipping speed.
    tags: toTextList([raw.transaction_level, raw.response_time, raw.shipping_speed]),
    // `"真丝连衣裙、丝绸围巾、真丝睡衣"`
    mainProducts: toTextList(raw.main_business),
    salesCount: toNonNegative(raw.sales_count),
    productsCount: toNonNegative(raw.products_count),
  };
}

/** The seller of a product: a nested `seller_info` when present, else the item's own seller fields. */
function toOneboundProductSupplier(raw: RawItem): ProductSupplier | null {
  const seller = isObject(raw.seller_info) ? asRecord(raw.seller_info) : raw;
  // Recorded `seller_info` carries the 1688 member id in `sid` (`b2b-…`) beside the numeric `user_num_id`: the
  // member id is what merges a seller across providers, so it wins over every other id.
  const id = sellerIdFrom(
    'onebound',
    seller.sid,
    seller.member_id,
    seller.seller_id,
    seller.shop_id,
    seller.user_num_id,
  );
  if (id === null) return null;
  return {
    provider: 'onebound',
    id,
    name: toText(seller.company_name) ?? toText(seller.shop_name),
    nick: toText(seller.seller_nick) ?? toText(seller.nick),
    url: cleanLink(seller.shop_url).url,
    isFactory: toBool(seller.is_factory),
    creditLevel: normalizeCreditLevel(seller.credit_level),
    location: sellerLocation(seller),
  };
}

/** A product from `item_search` (providers.md §2). */
export function toOneboundProduct(raw: RawItem): Product | null {
  const id = toText(raw.num_iid);
  if (id === null) return null;
  const link = cleanLink(raw.detail_url);
  const prices = priceRange(raw.price, raw.promotion_price);
  return {
    provider: 'onebound',
    id,
    title: toText(raw.title) ?? '',
    titleTranslated: null,
    url: link.url,
    imageUrl: cleanLink(raw.pic_url).url,
    price: prices.min,
    priceMax: prices.max,
    moq: null,
    monthSold: toNonNegative(raw.sales),
    repurchaseRate: null,
    isAd: link.isAd,
    supplier: toOneboundProductSupplier(raw),
  };
}
