import { Offer, type OfferQuery, type OfferSku, offerUrl } from '../../models/offer.js';
import { ProviderError } from '../../models/provider-error.js';
import type { ProductSupplier } from '../../models/supplier.js';
import { cleanLink } from '../../normalize/ad-link.js';
import { normalizeLocation } from '../../normalize/location.js';
import { sellerIdFrom } from '../../normalize/member-id.js';
import { asArray, asRecord, toBool, toInteger, toNonNegative, toText } from '../../normalize/values.js';
import {
  hasHan,
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
import { parseTmapiJson } from './tmapi-schemas.js';

// `GET /1688/item_detail` (https://tmapi.top/docs/ali/item-detail/get-item-detail-by-id.md): `item_id` (integer,
// required), `language` (en, zh, ru, th, pt, es, tr, vi, ja, ko; default zh). Field map in README.md.

export const TMAPI_OFFER_PATH = '/1688/item_detail';

/** The detail call's parameters, in the documented order; `language` only when asked for. */
export function tmapiOfferParams(query: OfferQuery): Record<string, string | undefined> {
  return { item_id: query.id, language: query.language };
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
function toSku(raw: Raw, dims: ReturnType<typeof skuDimensions>): OfferSku | null {
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
    return {
      name: dims.names.get(pid ?? '') ?? fromNames[0] ?? '',
      value: value?.name ?? fromNames[1] ?? '',
    };
  });
  if (attributes.length === 0) {
    for (const part of named) {
      const [name, value] = part.includes(':') ? part.split(':') : ['', part];
      attributes.push({ name: name ?? '', value: value ?? '' });
    }
  }
  const pack = asRecord(raw.package_info);
  return {
    id,
    attributes,
    price: positivePrice(raw.sale_price),
    stock: toInteger(raw.stock),
    imageUrl,
    // `package_info.weight` is 0.12 for a nightgown in the docs: kilograms (offer-details.md §2, "kg?").
    weightKg: positiveMeasure(pack.weight),
  };
}

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

/** The offer in a TMAPI detail body `{code:200, msg, data:{…}}`. */
export function toTmapiOffer(data: Raw): Offer | null {
  const id = toText(data.item_id);
  if (id === null || !/^\d+$/.test(id)) return null;
  const dims = skuDimensions(data);
  const skus = asArray(data.skus)
    .map((raw) => toSku(asRecord(raw), dims))
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
  const title = toText(data.title);
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
    // One title comes back, in the requested language: with Chinese characters it is the original.
    title: hasHan(title) ? title : null,
    titleTranslated: hasHan(title) ? null : title,
    images: asArray(data.main_imgs)
      .map((u) => cleanLink(u).url)
      .filter((u): u is string => u !== null),
    priceTiers,
    ...priceBounds(priceTiers, skus, priceInfo.price_min, priceInfo.price_max, priceInfo.price),
    moq: toInteger(tiered.begin_num) ?? toInteger(range.begin_num) ?? priceTiers[0]?.minQuantity ?? null,
    unit: toText(data.offer_unit),
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

/** Reads a detail body; an answer without an offer is `not_found` (TMAPI documents no code for a removed offer). */
export function parseTmapiOffer(response: ProviderResponse): Offer {
  return guardParse('tmapi', () => {
    const body = parseTmapiJson(response);
    const error = tmapiErrorFor(response, body);
    if (error) throw error;
    const offer = toTmapiOffer(asRecord(asRecord(body).data));
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
