import type { Product } from '../../models/product.js';
import type { ProductSupplier } from '../../models/supplier.js';
import { cleanLink } from '../../normalize/ad-link.js';
import { creditLevelFromTags } from '../../normalize/credit-level.js';
import { normalizeLocation } from '../../normalize/location.js';
import { sellerIdFrom } from '../../normalize/member-id.js';
import { priceRange } from '../../normalize/price-range.js';
import {
  asArray,
  asRecord,
  toBool,
  toNonNegative,
  toRate,
  toText,
  toTextList,
} from '../../normalize/values.js';
import { leadingQuantity, tmapiQuantityPrices } from './tmapi-quantity-prices.js';

// TMAPI's `/1688/search/items` (and `/search/image`) items, in both formats real answers carry (README "What
// recorded responses add"): the current one (`is_ad`, `moq`, `shop_info.is_factory`, `shop_info.location`) and
// the older, widely deployed one (`type`, units in `quantity_prices`, `shop_info.biz_type`, `delivery_info`).

type RawItem = Record<string, unknown>;

/**
 * Paid placement from the older format's `type`: `"p4p"` is a paid placement, `"normal"` organic. `"bid"` is not
 * documented anywhere we could find: it is left as organic rather than guessed to be an ad.
 */
function isPaidPlacement(type: unknown): boolean {
  return toText(type)?.toLowerCase() === 'p4p';
}

/** `biz_type`: `"生产加工"` (manufacturing) is a factory, `"经销批发"` (distribution/wholesale) is not; else unknown. */
function factoryFromBizType(bizType: unknown): boolean | null {
  const text = toText(bizType);
  if (text === null) return null;
  if (text.includes('生产') || text.includes('加工')) return true;
  if (text.includes('经销') || text.includes('批发')) return false;
  return null;
}

/**
 * Item rates on these endpoints are percentages: `"38.46"`, `"11.2%"`, `"33%"` (unlike the factory search's
 * `"0.3"` fractions), so a bare number is read as percent too.
 */
function percentRate(value: unknown): number | null {
  const text = toText(value);
  if (text === null) return null;
  return toRate(text.endsWith('%') ? text : `${text}%`);
}

/** The seller as a product listing's `shop_info` describes it, the older format's `delivery_info` beside it. */
function toTmapiProductSupplier(raw: RawItem): ProductSupplier | null {
  const shop = asRecord(raw.shop_info);
  const id = sellerIdFrom('tmapi', shop.member_id);
  if (id === null) return null;
  const serviceTags = toTextList(shop.service_tags);
  // `location` is a list such as `["广东", "汕头市"]`; the older format has `delivery_info.area_from` instead.
  const place = shop.location ?? asRecord(raw.delivery_info).area_from;
  return {
    provider: 'tmapi',
    id,
    name: toText(shop.company_name),
    nick: toText(shop.login_id),
    url: cleanLink(shop.shop_url).url,
    isFactory: toBool(shop.is_factory) ?? factoryFromBizType(shop.biz_type),
    isSuperFactory: toBool(shop.is_super_factory),
    creditLevel: creditLevelFromTags(serviceTags),
    yearsOnPlatform: toNonNegative(shop.shop_years),
    location: normalizeLocation(place),
    // `biz_type` is kept as a tag too: ranking's trader inference reads it when `is_factory` is missing.
    tags: toTextList([...serviceTags, shop.biz_type]),
  };
}

/** A product from `GET /1688/search/items` or `/1688/search/image`, either format. */
export function toTmapiProduct(raw: RawItem): Product | null {
  const id = toText(raw.item_id);
  if (id === null) return null;
  const link = cleanLink(raw.product_url);
  const tiers = asArray(raw.quantity_prices).map(asRecord);
  // `price` is the current sale price and may be below every tier: the lowest unit price is over all of them.
  const prices = priceRange(
    raw.price,
    asRecord(raw.price_info).sale_price,
    ...tiers.map((tier) => tier.price),
  );
  const sale = asRecord(raw.sale_info);
  // `sale_quantity_int` counts everything sold, not 30 days; `sale_quantity` is its text ("已售100+件").
  const totalSold =
    toNonNegative(sale.sale_quantity_int) ??
    leadingQuantity(/\d+/.exec(String(sale.sale_quantity ?? ''))?.[0]);
  return {
    provider: 'tmapi',
    id,
    title: toText(raw.title) ?? '',
    titleTranslated: null,
    url: link.url,
    imageUrl: cleanLink(raw.img).url,
    price: prices.min,
    priceMax: prices.max,
    // No `moq` field in the older format: the first tier's `begin_num` is the minimum order.
    moq: toNonNegative(raw.moq) ?? leadingQuantity(tiers[0]?.begin_num),
    monthSold: null,
    totalSold,
    repurchaseRate: percentRate(raw.item_repurchase_rate),
    isAd: toBool(raw.is_ad) === true || isPaidPlacement(raw.type) || link.isAd,
    supplier: toTmapiProductSupplier(raw),
    ...withTiers(tmapiQuantityPrices(raw.quantity_prices)),
  };
}

/** `priceTiers` only when the item has some, so an item without `quantity_prices` reads as before. */
const withTiers = (priceTiers: Product['priceTiers'] & object) =>
  priceTiers.length > 0 ? { priceTiers } : {};
