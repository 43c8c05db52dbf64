import type { SupplierRef } from '../models/supplier-detail.js';

// What a buyer pastes to name a supplier: a member id (`b2b-2208087470531de12c`), a shop link
// (`https://shop1234567.1688.com`, `https://winport.m.1688.com/page/index.html?memberId=b2b-…`, the factory card
// `https://sale.1688.com/factory/card.html?memberId=b2b-…`) or the seller's login id (旺旺 name).

const MEMBER_ID = /^b2b-[0-9a-z]{6,40}$/i;
const MEMBER_ID_IN_TEXT = /memberId=(b2b-[0-9a-z]{6,40})/i;
// 1688 hosts that are not a shop: offer pages, search, the mobile site, the factory channel.
const NOT_A_SHOP = new Set([
  'www',
  'detail',
  'm',
  's',
  'sale',
  'winport',
  'air',
  'work',
  'login',
  'page',
  'p4psearch',
]);
// A login id: letters (Chinese included), digits, `_`, `-`, `.`; no spaces, no URL. 2–64 characters.
const LOGIN_ID = /^[\p{L}\p{N}_.-]{2,64}$/u;

/**
 * The supplier a buyer's text names, or `null` when it names none (the proxy answers 400 naming `id`, the add-in
 * `#VALUE!`, both without a paid call). A link's `memberId=` wins over its host; a shop host keeps only
 * `https://<host>` (tracking parameters dropped, so equal shops make equal cache keys).
 */
export function parseSupplierRef(input: unknown): SupplierRef | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (text === '' || text.length > 2000) return null;
  if (MEMBER_ID.test(text)) return { kind: 'memberId', value: text.toLowerCase() };
  if (/^https?:\/\//i.test(text) || /^[a-z0-9-]+(\.m)?\.1688\.com/i.test(text)) return fromLink(text);
  if (/^b2b-/i.test(text)) return null;
  return LOGIN_ID.test(text) ? { kind: 'loginId', value: text } : null;
}

function fromLink(text: string): SupplierRef | null {
  const inQuery = MEMBER_ID_IN_TEXT.exec(text);
  if (inQuery) return { kind: 'memberId', value: inQuery[1]!.toLowerCase() };
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (!host.endsWith('.1688.com')) return null;
  const labels = host.slice(0, -'.1688.com'.length).split('.');
  const shop = labels[0]!;
  if (labels.length > 1 || NOT_A_SHOP.has(shop) || !/^[a-z0-9-]+$/.test(shop)) return null;
  return { kind: 'shopUrl', value: `https://${host}` };
}

/** The text form of a reference, for a cache key, a log line or a message: the member id, link or login id. */
export const supplierRefText = (ref: SupplierRef): string => ref.value;

// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of digits and capitals without
// I, O, Z, S and V.
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * A link a buyer opens to check a company on the national enterprise credit information system (国家企业信用信息公示系统,
 * gsxt.gov.cn) by its unified social credit code, or `null` for text that is not such a code. Built, never fetched
 * by yuantou: the site asks a human for a captcha. The search page's `searchword` parameter is uncertain (no
 * documented deep link); the code is in the link either way for the buyer to paste.
 */
export function creditCheckUrl(creditCode: string | null | undefined): string | null {
  const code = creditCode?.trim().toUpperCase();
  if (!code || !CREDIT_CODE.test(code)) return null;
  return `https://www.gsxt.gov.cn/corp-query-search-1.html?searchword=${code}`;
}

// The official platform (and DajiSaaS, PandaPon, which relay it) names a seller only by an encrypted `sellerOpenId`
// ("The seller member id is not returned. Only `sellerOpenId` (encrypted, e.g. "BBBL9S1tA…")"), so their offers
// give the supplier id `<provider>:<openId>`. It cannot be turned into a member id without a paid decrypt call.
const SELLER_OPEN_ID = /^(alibaba|dajisaas|pandapon):([A-Za-z0-9+/=_-]{4,200})$/;

/** A seller the official platform names by its encrypted `sellerOpenId`, as in `alibaba:BBBL9S1tA…`. */
export interface SellerOpenIdRef {
  /** The provider whose offer answers named the seller: the official platform or a reseller relaying it. */
  provider: 'alibaba' | 'dajisaas' | 'pandapon';
  /** The encrypted seller id as that provider gave it; it is not a member id and cannot be matched to one. */
  sellerOpenId: string;
}

/**
 * The provider and `sellerOpenId` of a supplier id `<provider>:<sellerOpenId>` given by an official or reseller
 * offer (alibaba, dajisaas, pandapon), or `null` for any other text. Such a seller has no member id: its card is
 * what that provider's offer answers said about it.
 */
export function parseSellerOpenIdRef(input: unknown): SellerOpenIdRef | null {
  if (typeof input !== 'string') return null;
  const match = SELLER_OPEN_ID.exec(input.trim());
  if (!match) return null;
  return { provider: match[1] as SellerOpenIdRef['provider'], sellerOpenId: match[2]! };
}
