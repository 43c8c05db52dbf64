import { makePage, type Page } from '../../models/page.js';
import { emptySupplier, type Supplier } from '../../models/supplier.js';
import { cleanLink } from '../../normalize/ad-link.js';
import { creditLevelFromTags } from '../../normalize/credit-level.js';
import { normalizeLocation } from '../../normalize/location.js';
import { sellerIdFrom } from '../../normalize/member-id.js';
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
import { tmapiErrorFor, tmapiStatusError } from './tmapi-errors.js';

// TMAPI bodies are read by hand with the lenient normalizers: the seed sends numbers as strings
// (`"factory_area_size":"1000"`, `"shop_repurchase_rate":"0.3"`), and one bad field must cost only that field.

type RawItem = Record<string, unknown>;

// Seed 000 prints `"factory_level": NULL`, which JSON.parse rejects. Only when the strict parse fails, bare
// `NULL` tokens in value position are read as `null`.
const BARE_NULL = /([:[,]\s*)NULL(?=\s*[,\]}])/g;

export function parseTmapiJson(response: ProviderResponse): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    try {
      return JSON.parse(response.body.replace(BARE_NULL, '$1null'));
    } catch {
      if (response.status >= 400) throw tmapiStatusError(response);
      throw invalidResponse(response, 'a body that is not JSON');
    }
  }
}

const invalidResponse = (response: ProviderResponse, what: string) =>
  invalidProviderResponse('tmapi', response, what);

/** Reads the `{code, msg, data:{page, page_size, total_count, has_next_page?, items}}` envelope. */
export function readTmapiPage<T>(response: ProviderResponse, toItem: (raw: RawItem) => T | null): Page<T> {
  return guardParse('tmapi', () => {
    const body = parseTmapiJson(response);
    const error = tmapiErrorFor(response, body);
    if (error) throw error;
    const data = asRecord(body).data;
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw invalidResponse(response, 'no `data` object');
    const meta = asRecord(data);
    const { items, listed } = readItemList('tmapi', response, meta.items, '`data.items`', toItem);
    return makePage(items, {
      page: toInteger(meta.page) ?? 1,
      // Unreadable entries still took a place on the provider's page.
      pageSize: toInteger(meta.page_size) ?? listed,
      total: toInteger(meta.total_count),
      hasNext: toBool(meta.has_next_page),
    });
  });
}

/** A factory from `GET /1688/search/factories` (seed 000 item fields). */
export function toTmapiSupplier(raw: RawItem): Supplier | null {
  const id = sellerIdFrom('tmapi', raw.member_id, raw.userid);
  if (id === null) return null;
  const link = cleanLink(raw.factory_url);
  const serviceTags = toTextList(raw.service_tags);
  return {
    ...emptySupplier('tmapi', id),
    name: toText(raw.company_name),
    nick: toText(raw.login_id),
    url: link.url,
    isAd: link.isAd,
    isFactory: toBool(raw.is_factory),
    isSuperFactory: toBool(raw.super_factory),
    // The seed carries the integrity level only as a tag, e.g. `AA诚信等级`.
    creditLevel: creditLevelFromTags(serviceTags),
    factoryLevel: toText(raw.factory_level),
    areaM2: toNonNegative(raw.factory_area_size),
    yearsOnPlatform: toNonNegative(raw.tp_year),
    repurchaseRate: toRate(raw.shop_repurchase_rate),
    responseRate: toRate(raw.response_rate),
    // Seed 000: `"invoice_available": true` — the factory issues invoices.
    invoiceAvailable: toBool(raw.invoice_available),
    // `location` is `{city: "汕头"}` only; the province comes from normalizeLocation's city table.
    location: normalizeLocation(raw.location),
    tags: serviceTags,
    mainProducts: toTextList(raw.product_tags),
  };
}

export { toTmapiProduct } from './tmapi-item.js';
