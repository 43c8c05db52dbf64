import { makePage, type Page } from '../../models/page.js';
import type { Product } from '../../models/product.js';
import { ProviderError } from '../../models/provider-error.js';
import type { ProviderId } from '../../models/provider-id.js';
import { cleanLink } from '../../normalize/ad-link.js';
import { asArray, asRecord, toInteger, toNonNegative, toRate, toText } from '../../normalize/values.js';

// The 1688 Open Platform's offer page `{totalRecords, totalPage, pageSize, currentPage, data:[…]}`
// (providers.md §3), returned as-is by DajiSaaS (seed 003 docs) and PandaPon (seed 004 example).

/** 1688 offer ids are numeric; PandaPon sometimes sends only an opaque `offerMapId`, which has no public page. */
export function offerDetailUrl(offerId: string): string | null {
  return /^\d+$/.test(offerId) ? `https://detail.1688.com/offer/${offerId}.html` : null;
}

/** Counts and page numbers: non-negative safe integers or `null`. */
export function toCount(value: unknown): number | null {
  const n = toInteger(value);
  return n !== null && Number.isSafeInteger(n) ? n : null;
}

/**
 * One item of the page as a {@link Product}, or `null` when it has no id. Bad fields become `null`
 * (`"5%"` → 0.05, `null` prices stay unknown). The list has no seller id, so `supplier` is `null`.
 */
export function offerToProduct(provider: ProviderId, raw: unknown): Product | null {
  const item = asRecord(raw);
  const offerId = toText(item.offerId);
  const id = offerId ?? toText(item.offerMapId);
  if (id === null) return null;
  const subject = toText(item.subject);
  const subjectTrans = toText(item.subjectTrans);
  return {
    provider,
    id,
    title: subject ?? subjectTrans ?? '',
    titleTranslated: subjectTrans,
    url: offerId === null ? null : offerDetailUrl(offerId),
    imageUrl: cleanLink(item.imageUrl).url,
    price: toNonNegative(asRecord(item.priceInfo).price),
    priceMax: null,
    moq: toCount(item.minOrderQuantity),
    monthSold: toCount(item.monthSold),
    repurchaseRate: toRate(item.repurchaseRate),
    isAd: false,
    supplier: null,
  };
}

/**
 * The offer page as a {@link Page}. `null`/missing `data` is an empty result; anything else that is not
 * that page shape is `invalid_response`. Items without an id are dropped, not fatal.
 */
export function parseOfferPage(provider: ProviderId, raw: unknown): Page<Product> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw notAPage(provider);
  const page = raw as Record<string, unknown>;
  if (page.data !== undefined && page.data !== null && !Array.isArray(page.data)) throw notAPage(provider);
  const items = asArray(page.data)
    .map((item) => offerToProduct(provider, item))
    .filter((item): item is Product => item !== null);
  const currentPage = toCount(page.currentPage) ?? 1;
  const totalPage = toCount(page.totalPage);
  return makePage(items, {
    page: currentPage,
    pageSize: toCount(page.pageSize) ?? items.length,
    total: toCount(page.totalRecords),
    hasNext: totalPage === null ? null : currentPage < totalPage,
  });
}

function notAPage(provider: ProviderId): ProviderError {
  return new ProviderError({
    provider,
    kind: 'invalid_response',
    message: `${provider} answered without the expected page of offers`,
  });
}
