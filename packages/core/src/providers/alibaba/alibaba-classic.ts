import { makePage, type Page } from '../../models/page.js';
import type { Product } from '../../models/product.js';
import { ProviderError } from '../../models/provider-error.js';
import type { ProductQuery, Sort } from '../../models/query.js';
import { emptySupplier, type ProductSupplier } from '../../models/supplier.js';
import { cleanLink } from '../../normalize/ad-link.js';
import { normalizeCreditLevel } from '../../normalize/credit-level.js';
import { asArray, asRecord, toBool, toNonNegative, toText } from '../../normalize/values.js';
import { defineOperation } from '../define-operation.js';
import { clampPageSize, ignoredFields } from '../ignored-fields.js';
import { offerDetailUrl, toCount } from '../official/offer-list.js';
import type { ProviderResponse, RequestContext } from '../provider-contract.js';
import { resolveContext } from '../request-context.js';
import { guardParse, httpStatusError, parseJsonBody } from '../response-body.js';
import { type AlibabaCredentials, aopRequest, gatewayError } from './alibaba-gateway.js';

// Seed 002's `alibaba.product.search`, its parameters and response as the seed describes them. The seed signs it
// with MD5 over url-encoded params; the gateway really checks `_aop_signature` (providers.md §3), so it is
// sent through the same signed gateway call as the crossborder searches.
// UNVERIFIED: the seed gives no namespace; `com.alibaba.product` is where 1688's `alibaba.product.*` APIs live.
export const CLASSIC_SEARCH_API = '1/com.alibaba.product/alibaba.product.search';
const MAX_PAGE_SIZE = 50;

// Seed 002: sort_type 0 综合, 1 价格升, 2 价格降, 3 销量降.
const SORT_TYPES: Partial<Record<Sort, string>> = { price_asc: '1', price_desc: '2', sales: '3' };

// Seed 002: supplier_type 0 全部, 1 生产厂家, 2 经销商; the response spells the type out.
function isFactory(supplierType: unknown): boolean | null {
  const text = toText(supplierType);
  if (text === '生产厂家' || text === '1') return true;
  if (text === '经销商' || text === '2') return false;
  return null;
}

function toSupplier(raw: unknown): ProductSupplier | null {
  const supplier = asRecord(raw);
  const userId = toText(supplier.user_id);
  if (userId === null) return null;
  return {
    // The platform's numeric user id is not the `b2b-…` member id other providers give, so it is namespaced.
    ...emptySupplier('alibaba', `alibaba:${userId}`),
    name: toText(supplier.company_name),
    isFactory: isFactory(supplier.supplier_type),
    creditLevel: normalizeCreditLevel(supplier.credit_level),
    yearsOnPlatform: toNonNegative(supplier.year),
    tags: toBool(supplier.is_verified) ? ['实名认证'] : [],
  };
}

function toProduct(raw: unknown): Product | null {
  const item = asRecord(raw);
  const id = toText(item.product_id);
  if (id === null) return null;
  return {
    provider: 'alibaba',
    id,
    title: toText(item.title) ?? '',
    titleTranslated: null,
    url: offerDetailUrl(id),
    imageUrl: cleanLink(item.image_url).url,
    price: toNonNegative(item.price),
    priceMax: null,
    moq: toCount(item.min_order),
    // Seed 002: `sales_count` is the 30-day sales.
    monthSold: toCount(asRecord(item.transaction).sales_count),
    repurchaseRate: null,
    isAd: false,
    supplier: toSupplier(item.supplier),
  };
}

function parseClassicSearch(response: ProviderResponse): Page<Product> {
  return guardParse('alibaba', () => {
    const body = asRecord(parseJsonBody('alibaba', response));
    const gateway = gatewayError(body, response);
    if (gateway) throw gateway;
    if (response.status >= 400) throw httpStatusError('alibaba', response);
    const result = asRecord(body.alibaba_product_search_response).result;
    if (typeof result !== 'object' || result === null || Array.isArray(result)) {
      throw new ProviderError({
        provider: 'alibaba',
        kind: 'invalid_response',
        status: response.status,
        message: '1688 Open Platform answered without alibaba_product_search_response.result',
      });
    }
    const page = result as Record<string, unknown>;
    const items = asArray(page.products)
      .map(toProduct)
      .filter((product): product is Product => product !== null);
    return makePage(items, {
      page: toCount(page.page) ?? 1,
      pageSize: toCount(page.page_size) ?? items.length,
      total: toCount(page.total_results),
    });
  });
}

export const alibabaClassicSearch = defineOperation({
  maxPageSize: MAX_PAGE_SIZE,
  map(query: ProductQuery) {
    const sortType = SORT_TYPES[query.sort];
    const params: Record<string, string> = {
      keywords: query.keyword,
      page: String(query.page),
      page_size: String(clampPageSize(query.pageSize, MAX_PAGE_SIZE)),
      ...(query.priceMin === undefined ? {} : { start_price: String(query.priceMin) }),
      ...(query.priceMax === undefined ? {} : { end_price: String(query.priceMax) }),
      ...(query.factoryOnly ? { supplier_type: '1' } : {}),
      ...(query.minOrder === undefined ? {} : { min_order: String(query.minOrder) }),
      ...(sortType === undefined ? {} : { sort_type: sortType }),
    };
    const ignored = ignoredFields(query, {
      filters: ['priceMin', 'priceMax', 'factoryOnly', 'minOrder'],
      sorts: Object.keys(SORT_TYPES) as Sort[],
    });
    return { params, ignored };
  },
  sign: (params: Record<string, string>, credentials: AlibabaCredentials, ctx?: Partial<RequestContext>) =>
    aopRequest(CLASSIC_SEARCH_API, params, credentials, resolveContext(ctx)),
  parseResponse: parseClassicSearch,
});
