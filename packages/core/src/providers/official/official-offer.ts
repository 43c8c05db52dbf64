import { Offer, type OfferQuery, type OfferSku, offerUrl } from '../../models/offer.js';
import { ProviderError } from '../../models/provider-error.js';
import type { ProviderId } from '../../models/provider-id.js';
import type { ProductSupplier } from '../../models/supplier.js';
import { cleanLink } from '../../normalize/ad-link.js';
import { normalizeLocation } from '../../normalize/location.js';
import { trustedTranslation } from '../../normalize/translated-text.js';
import {
  asArray,
  asRecord,
  toBool,
  toInteger,
  toNonNegative,
  toRate,
  toText,
} from '../../normalize/values.js';
import {
  gramsToKg,
  positiveMeasure,
  positivePrice,
  priceBounds,
  sharedValue,
  stockOfSkus,
  toSizeCm,
  toTiers,
} from '../../offers/offer-parts.js';
import type { ProviderResponse } from '../provider-contract.js';
import { officialSellerDetail } from './official-seller.js';

// The official `ProductDetailModel` of `product.search.queryProductDetail` (open.1688.com, crossborder
// namespace), which DajiSaaS and PandaPon relay unchanged inside their own envelopes. Field map and units in
// README.md; the one trap: `productShippingInfo.skuShippingInfoList[].weight` is grams ("Long, 单位g") while
// every other weight in the model is kilograms.

export const OFFER_DETAIL_API = '1/com.alibaba.fenxiao.crossborder/product.search.queryProductDetail';

/**
 * `country` values the platform documents for its translations ("ja-日语 en-英语"; en, ja, ko, ru, vi, fr, pt, es,
 * th, id, ar). An undocumented code "succeeds silently with `subjectTrans === subject`" (measured), so it is
 * never sent: the offer comes in English and the language is reported in `ignored`.
 */
export const OFFICIAL_COUNTRIES: readonly string[] = [
  'en',
  'ja',
  'ko',
  'ru',
  'vi',
  'fr',
  'pt',
  'es',
  'th',
  'id',
  'ar',
];

/** `country` is required; `subject` stays Chinese whatever it says, so `zh`, none or an unknown code → `en`. */
export function officialCountry(language: string | undefined): string {
  return language !== undefined && OFFICIAL_COUNTRIES.includes(language) ? language : 'en';
}

/** `language` in `ignored` when the platform cannot translate into it (Chinese is `subject` itself). */
export function officialIgnored(language: string | undefined): string[] {
  return language === undefined || language === 'zh' || OFFICIAL_COUNTRIES.includes(language)
    ? []
    : ['language'];
}

/** `offerDetailParam`, the one JSON-text parameter: `offerId` is a Long in the doc, so it is sent as a number. */
export function offerDetailParam(query: OfferQuery): string {
  return JSON.stringify({ offerId: Number(query.id), country: officialCountry(query.language) });
}

/** The `country` a call was made with, read back from its params (`offerDetailParam` JSON, or `country`). */
export function countryOf(params: object | undefined): string | undefined {
  const record = asRecord(params);
  const direct = toText(record.country);
  if (direct !== null) return direct;
  const text = toText(record.offerDetailParam);
  if (text === null) return undefined;
  try {
    return toText(asRecord(JSON.parse(text)).country) ?? undefined;
  } catch {
    return undefined;
  }
}

type Raw = Record<string, unknown>;

/** Per-SKU weights: `skuShippingDetails` (kg) first, else `skuShippingInfoList` (grams), keyed by skuId and specId. */
function skuWeights(shipping: Raw): Map<string, number> {
  const weights = new Map<string, number>();
  const put = (raw: Raw, kg: number | null) => {
    if (kg === null) return;
    for (const key of [toText(raw.skuId), toText(raw.specId)])
      if (key !== null && !weights.has(key)) weights.set(key, kg);
  };
  for (const raw of asArray(shipping.skuShippingDetails).map(asRecord)) put(raw, positiveMeasure(raw.weight));
  for (const raw of asArray(shipping.skuShippingInfoList).map(asRecord)) put(raw, gramsToKg(raw.weight));
  return weights;
}

function toSku(raw: Raw, weights: Map<string, number>, country: string | undefined): OfferSku | null {
  const id = toText(raw.skuId) ?? toText(raw.specId);
  if (id === null) return null;
  const attributes = asArray(raw.skuAttributes).map(asRecord);
  const specId = toText(raw.specId);
  return {
    id,
    attributes: attributes.map((a) => {
      const name = toText(a.attributeName) ?? '';
      const value = toText(a.value) ?? '';
      // "Compare before trusting the value": an echo of the Chinese or Chinese text is no translation.
      return {
        name,
        value,
        nameTranslated: trustedTranslation(name, toText(a.attributeNameTrans), country),
        valueTranslated: trustedTranslation(value, toText(a.valueTrans), country),
      };
    }),
    price: positivePrice(raw.price),
    promotionPrice: positivePrice(raw.promotionPrice),
    stock: toInteger(raw.amountOnSale),
    imageUrl: attributes.map((a) => cleanLink(a.skuImageUrl).url).find((u) => u !== null) ?? null,
    weightKg: weights.get(id) ?? (specId === null ? undefined : weights.get(specId)) ?? null,
  };
}

/** The seller: the model names none but the encrypted `sellerOpenId` and `companyName`; never a member id. */
function toSupplier(provider: ProviderId, data: Raw, shipsFrom: Offer['shipsFrom']): ProductSupplier | null {
  const openId = toText(data.sellerOpenId);
  const name = toText(data.companyName);
  if (openId === null && name === null) return null;
  const seller = asRecord(data.sellerDataInfo);
  return {
    provider,
    // `<provider>:<openId>` like every non-member id; with only a company name, the name stands in.
    id: `${provider}:${openId ?? name}`,
    name,
    repurchaseRate: toRate(seller.repeatPurchasePercent),
    location: shipsFrom,
  };
}

/**
 * The offer in a `ProductDetailModel`, or `null` when it has no offer id. `country` is the one the call was made
 * with: the language of the `…Trans` fields (undefined when not known).
 */
export function toOfficialOffer(provider: ProviderId, data: Raw, country?: string): Offer | null {
  const id = toText(data.offerId);
  if (id === null || !/^\d+$/.test(id)) return null;
  const sale = asRecord(data.productSaleInfo);
  const shipping = asRecord(data.productShippingInfo);
  const weights = skuWeights(shipping);
  const skus = asArray(data.productSkuInfos)
    .map((raw) => toSku(asRecord(raw), weights, country))
    .filter((sku): sku is OfferSku => sku !== null);
  // quoteType 1 = priced per SKU: any price ranges then are not quantity tiers.
  const perSku = toInteger(sale.quoteType) === 1;
  const priceTiers = perSku
    ? []
    : toTiers(
        asArray(sale.priceRangeList)
          .map(asRecord)
          .map((t) => ({ minQuantity: t.startQuantity, price: t.price, promotionPrice: t.promotionPrice })),
      );
  const shipsFrom = normalizeLocation(shipping.sendGoodsAddressText);
  const images = [...asArray(asRecord(data.productImage).images), asRecord(data.productImage).whiteImage]
    .map((u) => cleanLink(u).url)
    .filter((u): u is string => u !== null);
  const mix = asRecord(data.sellerMixSetting);
  const unitInfo = asRecord(sale.unitInfo);
  const unit = toText(unitInfo.unit);
  // `subject`/`subjectTrans`, `unit`/`transUnit`: original and translation side by side. An unknown country
  // "succeeds silently with subjectTrans === subject", and some products have no translation at all.
  const title = toText(data.subject);
  const titleTranslated = trustedTranslation(title ?? '', toText(data.subjectTrans), country);
  const unitTranslated = trustedTranslation(unit ?? '', toText(unitInfo.transUnit), country);
  const translated =
    titleTranslated !== null ||
    unitTranslated !== null ||
    skus.some((s) => s.attributes.some((a) => a.nameTranslated != null || a.valueTranslated != null));
  return {
    provider,
    id,
    url: offerUrl(id),
    title,
    titleTranslated,
    images: [...new Set(images)],
    priceTiers,
    ...priceBounds(priceTiers, skus),
    moq: toInteger(data.minOrderQuantity) ?? priceTiers[0]?.minQuantity ?? null,
    unit,
    unitTranslated,
    translationLanguage: translated && country !== undefined ? country : null,
    stock: toInteger(sale.amountOnSale) ?? stockOfSkus(skus),
    skus,
    // `productShippingInfo.weight` is kg; without it, the weight every SKU shares.
    weightKg: positiveMeasure(shipping.weight) ?? sharedValue(skus.map((s) => s.weightKg)),
    sizeCm: toSizeCm(shipping.length, shipping.width, shipping.height),
    shipsFrom,
    mixedBatch:
      Object.keys(mix).length === 0
        ? null
        : {
            supported: toBool(mix.generalHunpi),
            minAmount: toNonNegative(mix.mixAmount),
            minQuantity: toNonNegative(mix.mixNumber),
          },
    soldCount: toInteger(data.soldOut),
    supplier: toSupplier(provider, data, shipsFrom),
    sellerOpenId: toText(data.sellerOpenId),
    supplierDetail: officialSellerDetail(provider, data),
  };
}

/** The offer in a `ProductDetailModel`; `success` with no model means the offer is gone (`not_found`). */
export function officialOfferOrNotFound(
  provider: ProviderId,
  data: unknown,
  response: ProviderResponse,
  country?: string,
): Offer {
  const offer = toOfficialOffer(provider, asRecord(data), country);
  if (offer === null) {
    throw new ProviderError({
      provider,
      kind: 'not_found',
      status: response.status,
      message: `${provider} returned no offer for this id (removed, or not a 1688 offer)`,
    });
  }
  return Offer.parse(offer);
}
