import { Offer, type OfferQuery, type OfferSku, offerUrl } from '../../models/offer.js';
import { ProviderError } from '../../models/provider-error.js';
import type { ProductSupplier } from '../../models/supplier.js';
import { cleanLink } from '../../normalize/ad-link.js';
import { normalizeLocation } from '../../normalize/location.js';
import { sellerIdFrom } from '../../normalize/member-id.js';
import { originalOrTranslation } from '../../normalize/translated-text.js';
import { asArray, asRecord, toBool, toInteger, toNonNegative, toText } from '../../normalize/values.js';
import {
  positiveMeasure,
  positivePrice,
  priceBounds,
  sharedValue,
  stockOfSkus,
  toSizeCm,
  toTiers,
} from '../../offers/offer-parts.js';
import type { ProviderResponse } from '../provider-contract.js';
import { guardParse } from '../response-body.js';
import { tmapiErrorFor } from './tmapi-errors.js';
import { parseTmapiJson } from './tmapi-page.js';

// `GET /1688/item_detail` (https://tmapi.top/docs/ali/item-detail/get-item-detail-by-id.md): `item_id` (integer,
// required), `language` (en, zh, ru, th, pt, es, tr, vi, ja, ko; default zh). Field map in README.md.

export const TMAPI_OFFER_PATH = '/1688/item_detail';

/** `language` values the detail endpoint documents; default `zh`. */
export const TMAPI_OFFER_LANGUAGES: readonly string[] = [
  'en',
  'zh',
  'ru',
  'th',
  'pt',
  'es',
  'tr',
  'vi',
  'ja',
  'ko',
];

/**
 * The detail call's parameters, in the documented order; `language` only when asked for and documented (another
 * code is reported in `ignored` and the call made in TMAPI's default, Chinese).
 */
export function tmapiOfferParams(query: OfferQuery): {
  params: Record<string, string | undefined>;
  ignored: string[];
} {
  const known = query.language === undefined || TMAPI_OFFER_LANGUAGES.includes(query.language);
  return {
    params: { item_id: query.id, language: known ? query.language : undefined },
    ignored: known ? [] : ['language'],
  };
}

type Raw = Record<string, unknown>;

/** `sku_props` as lookups: pid → name, and `pid:vid` → value and image. */
function skuDimensions(data: Raw) {
  const names = new Map<string, string>();
  const values = new Map<string, { name: string; imageUrl: string | null }>();
  for (const prop of asArray(data.sku_props).map(asRecord)) {
    const pid = toText(prop.pid);
    const name = toText(prop.prop_name);
    if (pid === null || name === null) continue;
    names.set(pid, name);
    for (const value of asArray(prop.values).map(asRecord)) {
      const vid = toText(value.vid);
      const text = toText(value.name);
      if (vid !== null && text !== null)
        values.set(`${pid}:${vid}`, { name: text, imageUrl: cleanLink(value.imageUrl).url });
    }
  }
  return { names, values };
}

/**
 * A SKU's attributes from `props_ids` ("0:1;1:2") and `sku_props`: the recorded 2024 body's `props_names` holds
 * values only ("肤色;M"), the docs' holds "颜色:白色豹纹;尺码:L", so names come from `sku_props` when they can.
 */
/**
 * An attribute name or value as TMAPI sent it, in the requested language or left Chinese ("`sku_props[].values[]
 * .name` … stay Chinese" with `language=en`): a translation-only text is both `name` (required) and
 * `nameTranslated`, so the translated column never shows Chinese and the original is never empty.
 */
function attributePart(text: string, language: string | undefined): { text: string; translated?: string } {
  // Sizes and models ("L", "iPhone 15") read the same in every language: only a known request makes them one.
  if (language === undefined || language === 'zh') return { text };
  const { translated } = originalOrTranslation(text, language);
  return translated === null ? { text } : { text, translated };
}

function toAttribute(name: string, value: string, language: string | undefined) {
  const n = attributePart(name, language);
  const v = attributePart(value, language);
  return {
    name: n.text,
    value: v.text,
    ...(n.translated === undefined ? {} : { nameTranslated: n.translated }),
    ...(v.translated === undefined ? {} : { valueTranslated: v.translated }),
  };
}

function toSku(
  raw: Raw,
  dims: ReturnType<typeof skuDimensions>,
  language: string | undefined,
): OfferSku | null {
  const id = toText(raw.skuid) ?? toText(raw.specid);
  if (id === null) return null;
  const ids = (toText(raw.props_ids) ?? '').split(';').filter(Boolean);
  const named = (toText(raw.props_names) ?? '').split(';').filter(Boolean);
  let imageUrl: string | null = null;
  const attributes = ids.map((pair, i) => {
    const [pid] = pair.split(':');
    const value = dims.values.get(pair);
    imageUrl ??= value?.imageUrl ?? null;
    const fromNames = named[i]?.includes(':') ? named[i]!.split(':') : [undefined, named[i]];
    return toAttribute(
      dims.names.get(pid ?? '') ?? fromNames[0] ?? '',
      value?.name ?? fromNames[1] ?? '',
      language,
    );
  });
  if (attributes.length === 0) {
    for (const part of named) {
      const [name, value] = part.includes(':') ? part.split(':') : ['', part];
      attributes.push(toAttribute(name ?? '', value ?? '', language));
    }
  }
  const pack = asRecord(raw.package_info);
  return {
    id,
    attributes,
    price: positivePrice(raw.sale_price),
    stock: toInteger(raw.stock),
    imageUrl,
    // TMAPI's detail docs show `package_info.weight: 0.12` for a nightgown and name no unit: 0.12 kg is a
    // nightgown, 0.12 g is not, so kilograms (as `delivery_info.unit_weight`, which the docs do call kg).
    weightKg: positiveMeasure(pack.weight),
    ...optionalSize(toSizeCm(pack.length, pack.width, pack.height)),
  };
}

/** `sizeCm` only when the variant gives one: the docs' zero sizes mean "not given". */
const optionalSize = (sizeCm: ReturnType<typeof toSizeCm>) => (sizeCm ? { sizeCm } : {});

function toSupplier(data: Raw, shipsFrom: Offer['shipsFrom']): ProductSupplier | null {
  const shop = asRecord(data.shop_info);
  const id = sellerIdFrom('tmapi', shop.seller_member_id, shop.seller_user_id);
  if (id === null) return null;
  return {
    provider: 'tmapi',
    id,
    name: toText(shop.shop_name),
    nick: toText(shop.seller_login_id),
    url: cleanLink(shop.shop_url).url,
    location: shipsFrom,
  };
}

/**
 * The offer in a TMAPI detail body `{code:200, msg, data:{…}}`. `language` is the `language` sent (`zh` when
 * none was: TMAPI's default), or undefined when not known.
 */
export function toTmapiOffer(data: Raw, language?: string): Offer | null {
  const id = toText(data.item_id);
  if (id === null || !/^\d+$/.test(id)) return null;
  const dims = skuDimensions(data);
  const skus = asArray(data.skus)
    .map((raw) => toSku(asRecord(raw), dims, language))
    .filter((sku): sku is OfferSku => sku !== null);
  const tiered = asRecord(data.tiered_price_info);
  const range = asRecord(data.sku_price_range);
  const rawTiers = asArray(tiered.prices).length > 0 ? asArray(tiered.prices) : asArray(range.sku_param);
  const priceTiers = toTiers(
    rawTiers.map(asRecord).map((t) => ({ minQuantity: t.beginAmount, price: t.price })),
  );
  const priceInfo = asRecord(data.price_info);
  const delivery = asRecord(data.delivery_info);
  const shipsFrom = normalizeLocation(delivery.location);
  const mix = asRecord(data.mixed_batch);
  const mixParam = asRecord(range.mix_param);
  // One title and one unit come back, in the requested language: Chinese text is the original (asked for, or
  // left untranslated), anything else the translation.
  const title = originalOrTranslation(toText(data.title), language);
  const unit = originalOrTranslation(toText(data.offer_unit), language);
  const translated =
    title.translated !== null ||
    unit.translated !== null ||
    skus.some((s) => s.attributes.some((a) => a.nameTranslated != null || a.valueTranslated != null));
  const packages =
    skus.length > 0 ? asArray(data.skus).map((raw) => asRecord(asRecord(raw).package_info)) : [];
  const sizes = packages.map((p) => toSizeCm(p.length, p.width, p.height));
  const sameSize =
    sizes.length > 0 && sizes.every((s) => JSON.stringify(s) === JSON.stringify(sizes[0])) ? sizes[0]! : null;
  const mixSupported = toBool(mixParam.supportMix);
  return {
    provider: 'tmapi',
    id,
    url: offerUrl(id),
    title: title.original,
    titleTranslated: title.translated,
    images: asArray(data.main_imgs)
      .map((u) => cleanLink(u).url)
      .filter((u): u is string => u !== null),
    priceTiers,
    ...priceBounds(priceTiers, skus, priceInfo.price_min, priceInfo.price_max, priceInfo.price),
    moq: toInteger(tiered.begin_num) ?? toInteger(range.begin_num) ?? priceTiers[0]?.minQuantity ?? null,
    unit: unit.original,
    unitTranslated: unit.translated,
    translationLanguage: translated && language !== undefined ? language : null,
    stock: toInteger(data.stock) ?? toInteger(range.stock) ?? stockOfSkus(skus),
    skus,
    // `delivery_info.unit_weight` is kg; the docs example's 0 means "not given".
    weightKg: positiveMeasure(delivery.unit_weight) ?? sharedValue(skus.map((s) => s.weightKg)),
    sizeCm: sameSize,
    shipsFrom,
    mixedBatch:
      Object.keys(mix).length === 0 && mixSupported === null
        ? null
        : {
            supported: mixSupported,
            minAmount: toNonNegative(mix.mix_amount ?? mixParam.mixAmount),
            minQuantity: toNonNegative(mix.mix_num ?? mixParam.mixNum),
          },
    soldCount: toInteger(data.sale_count) ?? toInteger(asRecord(data.sale_info).sale_quantity_90days),
    supplier: toSupplier(data, shipsFrom),
    sellerOpenId: null,
  };
}

/**
 * Reads a detail body; an answer without an offer is `not_found` (TMAPI documents no code for a removed offer).
 * `params` (what was sent) say the language of the text: the body does not.
 */
export function parseTmapiOffer(response: ProviderResponse, params?: object): Offer {
  return guardParse('tmapi', () => {
    const body = parseTmapiJson(response);
    const error = tmapiErrorFor(response, body);
    if (error) throw error;
    const language = params === undefined ? undefined : (toText(asRecord(params).language) ?? 'zh');
    const offer = toTmapiOffer(asRecord(asRecord(body).data), language);
    if (offer === null) {
      throw new ProviderError({
        provider: 'tmapi',
        kind: 'not_found',
        status: response.status,
        message: 'TMAPI returned no offer for this id (removed, or not a 1688 offer)',
      });
    }
    return Offer.parse(offer);
  });
}
