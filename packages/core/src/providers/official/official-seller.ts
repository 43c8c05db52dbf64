import type { ProviderId } from '../../models/provider-id.js';
import {
  emptySupplierDetail,
  type ShopRating,
  type SupplierBadges,
  type SupplierDetail,
} from '../../models/supplier-detail.js';
import { normalizeLocation } from '../../normalize/location.js';
import { asRecord, toNonNegative, toNumber, toText, toTextList } from '../../normalize/values.js';

// The seller facts the 1688 Open Platform puts in its detail (`ProductDetailModel`) and search items, which
// DajiSaaS and PandaPon relay unchanged. There is no shop-profile call in the cross-border set ("There is no
// shop-profile endpoint in the 142-API cross-border set"), so these fields are all a supplier card gets from these
// three providers, at no extra cost. Documented (uncertain: copies of the doc pages):
//   `sellerIdentities` (`super_factory`, `powerful_merchants`, `tp_member`);
//   `sellerDataInfo{tradeMedalLevel, compositeServiceScore, logisticsExperienceScore, disputeComplaintScore,
//     offerExperienceScore, afterSalesExperienceScore, consultingExperienceScore, repeatPurchasePercent, tpYear}`;
//   `productSimpleShippingInfo{shippingTimeGuarantee, perfectFulfillmentRate30d, pickupWithin24hRate30d,
//     qualityReturnRate30d, perfectFulfillmentRate7d, pickupWithin24hRate7d, delayedShippingRate7d}`.
// The detail doc names the badges `offerIdentities` instead ("超级工厂,实力商家，诚信通" = super factory, powerful
// merchant, TrustPass; "real value seen: `["powerful_merchants"]`"): both lists are read together, codes or names.

/** The `sellerDataInfo` scores kept as shop ratings, under the provider's own names (scores out of 5). */
export const OFFICIAL_SELLER_SCORES = [
  'compositeServiceScore',
  'logisticsExperienceScore',
  'disputeComplaintScore',
  'offerExperienceScore',
  'afterSalesExperienceScore',
  'consultingExperienceScore',
] as const;

/** `sellerDataInfo.tradeMedalLevel`, the trade medal (a level, 1–5 in the samples), kept as a rating too. */
const TRADE_MEDAL = 'tradeMedalLevel';

const IDENTITIES: Record<
  keyof Pick<SupplierBadges, 'superFactory' | 'powerMerchant' | 'trustPass'>,
  string[]
> = {
  superFactory: ['super_factory', '超级工厂'],
  powerMerchant: ['powerful_merchants', '实力商家'],
  trustPass: ['tp_member', '诚信通'],
};

/**
 * A rate as a fraction 0–1, or `null`. The platform sends fractions ("0.4666" for `repeatPurchasePercent` in its
 * sample); `"98%"` is read as a percent. A number above 1 without `%` is ambiguous (a percent, or a bad fraction)
 * and so unknown, never guessed; negative or non-numeric text is unknown too.
 */
export function officialFraction(value: unknown): number | null {
  const text = typeof value === 'string' ? value.trim() : value;
  const isPercent = typeof text === 'string' && text.endsWith('%');
  const n = toNumber(isPercent ? (text as string).slice(0, -1) : text);
  if (n === null || n < 0) return null;
  const fraction = isPercent ? n / 100 : n;
  return fraction <= 1 ? Math.round(fraction * 10000) / 10000 : null;
}

/** The badge codes or names, from an array or a comma-separated text (ASCII or full-width commas). */
function identitiesOf(data: Record<string, unknown>): string[] | null {
  const lists = [data.sellerIdentities, data.offerIdentities].filter(
    (raw) => Array.isArray(raw) || typeof raw === 'string',
  );
  if (lists.length === 0) return null;
  return lists.flatMap((raw) => (Array.isArray(raw) ? raw : [raw]).flatMap((v) => toTextList(v)));
}

function badgesOf(data: Record<string, unknown>): SupplierBadges {
  const badges = emptySupplierDetail('demo').badges;
  const identities = identitiesOf(data);
  if (identities === null) return badges;
  // A list that is there says yes or no for each badge it can name; the others stay unknown.
  for (const [badge, names] of Object.entries(IDENTITIES))
    badges[badge as keyof typeof IDENTITIES] = identities.some((i) => names.includes(i));
  return badges;
}

function ratingsOf(seller: Record<string, unknown>): ShopRating[] {
  const ratings: ShopRating[] = [];
  for (const title of [TRADE_MEDAL, ...OFFICIAL_SELLER_SCORES]) {
    const score = toNonNegative(seller[title]);
    if (score !== null) ratings.push({ title, type: 'sellerDataInfo', score });
  }
  return ratings;
}

/** Whether any seller fact is there at all: an item without them gives no card rather than an empty one. */
function hasSellerFacts(data: Record<string, unknown>): boolean {
  return (
    identitiesOf(data) !== null ||
    Object.keys(asRecord(data.sellerDataInfo)).length > 0 ||
    Object.keys(asRecord(data.productSimpleShippingInfo)).length > 0
  );
}

/**
 * The seller facts of an official (or DajiSaaS/PandaPon-relayed) detail model or search item as a
 * {@link SupplierDetail}, or `null` when the item carries none. Pure; unknown is `null`. `memberId` is always
 * `null`: the platform gives only an encrypted `sellerOpenId`, never a member id. Rates outside 0–1, negative or
 * non-numeric values are unknown; the `sellerDataInfo` scores become shop ratings under the provider's names;
 * `tpYear` is the years on 1688; the location is `productShippingInfo.sendGoodsAddressText` (where it ships from).
 * Not in the model, so not kept: `shippingTimeGuarantee`, `qualityReturnRate30d`, `delayedShippingRate7d`.
 */
export function officialSellerDetail(provider: ProviderId, raw: unknown): SupplierDetail | null {
  const data = asRecord(raw);
  if (!hasSellerFacts(data)) return null;
  const seller = asRecord(data.sellerDataInfo);
  const shipping = asRecord(data.productSimpleShippingInfo);
  const years = toNonNegative(seller.tpYear);
  return {
    ...emptySupplierDetail(provider),
    companyName: toText(data.companyName),
    location: normalizeLocation(asRecord(data.productShippingInfo).sendGoodsAddressText),
    yearsOnPlatform: years,
    badges: badgesOf(data),
    shopRatings: ratingsOf(seller),
    fulfilment: {
      perfect7d: officialFraction(shipping.perfectFulfillmentRate7d),
      perfect30d: officialFraction(shipping.perfectFulfillmentRate30d),
      pickup24h7d: officialFraction(shipping.pickupWithin24hRate7d),
      pickup24h30d: officialFraction(shipping.pickupWithin24hRate30d),
    },
    repurchaseRate: officialFraction(seller.repeatPurchasePercent),
  };
}
