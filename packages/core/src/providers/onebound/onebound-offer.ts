import { Offer, type OfferQuery, type OfferSku, offerUrl } from '../../models/offer.js';
import { ProviderError } from '../../models/provider-error.js';
import type { ProductSupplier } from '../../models/supplier.js';
import { cleanLink } from '../../normalize/ad-link.js';
import { normalizeLocation } from '../../normalize/location.js';
import { sellerIdFrom } from '../../normalize/member-id.js';
import { originalOrTranslation, trustedTranslation } from '../../normalize/translated-text.js';
import { asArray, asRecord, toBool, toInteger, toNonNegative, toText } from '../../normalize/values.js';
import { hasHan, positivePrice, priceBounds, stockOfSkus, toTiers } from '../../offers/offer-parts.js';
import type { ProviderResponse } from '../provider-contract.js';
import { guardParse } from '../response-body.js';
import { checkOneboundBody, errorFromUnparsableBody } from './onebound-errors.js';

// `GET /1688/item_get/?num_iid=…&lang=…` (open.onebound.cn/help/api/1688.item_get.html): `lang` is documented as
// cn, en, ru (default cn); clients also send ko, zh-TW, zh-CN. Two body shapes: the 2021 one, and a newer one
// adding `priceRange` [[startQuantity, price], …], `min_num`, `unit` and `cn_source` (the untranslated originals).

export const ONEBOUND_OFFER_API = 'item_get';

/** `lang` values Onebound documents ("lang [cn,en,ru]"), by our language code. */
const ONEBOUND_LANGS: Readonly<Record<string, string>> = { zh: 'cn', en: 'en', ru: 'ru' };

/**
 * `num_iid`, and `lang` when asked for (`zh` is Onebound's `cn`). Only the documented cn, en, ru are sent:
 * clients send ko and others, but a recorded `lang=ko` body came back `translate_status:"error"`, partly
 * translated — so another language is reported in `ignored` and the offer comes in Chinese.
 */
export function oneboundOfferParams(query: OfferQuery): {
  params: Record<string, string | undefined>;
  ignored: string[];
} {
  const lang = query.language === undefined ? undefined : ONEBOUND_LANGS[query.language];
  return {
    params: { num_iid: query.id, lang },
    ignored: query.language !== undefined && lang === undefined ? ['language'] : [],
  };
}

/** Our language code for Onebound's (`cn` → `zh`; `zh-CN`/`zh-TW` are Chinese too). */
function ourLanguage(lang: string | null): string | undefined {
  if (lang === null) return undefined;
  return lang === 'cn' || lang.toLowerCase().startsWith('zh') ? 'zh' : lang;
}

/**
 * How far the body's translation can be trusted. The envelope's `translate_status` ("ok" or "error") and
 * `language.current_lang` say it: a recorded `lang=ko` body with `translate_status:"error"` was only partly
 * translated, and one project measured good results only with `translate_status=='ok'` (6 of 9 untranslated
 * otherwise). A body without the field (resellers strip the envelope) is judged by script alone.
 */
export interface OneboundTranslation {
  /** The language of the item's text (`current_lang`, else the `lang` sent), in our codes. */
  language: string | undefined;
  /** False when the envelope says the translation failed: its text is then never shown as a translation. */
  trusted: boolean;
}

type Raw = Record<string, unknown>;

// "凡是_sopid@开头的即为加密openid" — a nick starting with `_sopid@` is the encrypted seller openid
// (blog.csdn.net/Api_coco/article/details/136051766), the same kind of id the official platform sends.
const OPEN_ID_PREFIX = '_sopid@';

/** `"0:0:颜色:白;1:2:尺码:L"` → [{ key: '0:0', name: '颜色', value: '白' }, …]; values may hold colons. */
function splitProperties(text: unknown): { key: string; name: string; value: string }[] {
  return (toText(text) ?? '')
    .split(';')
    .filter(Boolean)
    .map((part) => {
      const [pid = '', vid = '', name = '', ...value] = part.split(':');
      return { key: `${pid}:${vid}`, name, value: value.join(':') };
    });
}

/** `props_img` {"0:0": url} (top level or in `cn_source`), else `prop_imgs.prop_img[{properties, url}]`. */
function propertyImages(item: Raw, source: Raw): Map<string, string> {
  const images = new Map<string, string>();
  for (const table of [asRecord(item.props_img), asRecord(source.props_img)])
    for (const [key, url] of Object.entries(table)) {
      const clean = cleanLink(url).url;
      if (clean !== null && !images.has(key)) images.set(key, clean);
    }
  for (const raw of asArray(asRecord(item.prop_imgs).prop_img).map(asRecord)) {
    const key = toText(raw.properties);
    const clean = cleanLink(raw.url).url;
    if (key !== null && clean !== null && !images.has(key)) images.set(key, clean);
  }
  return images;
}

function toSku(
  raw: Raw,
  original: Raw | undefined,
  images: Map<string, string>,
  translation: OneboundTranslation,
): OfferSku | null {
  const id = toText(raw.sku_id) ?? toText(raw.spec_id);
  if (id === null) return null;
  const shown = splitProperties(raw.properties_name);
  // With `lang` set, the item's names are translated and `cn_source` keeps the Chinese ones.
  const chinese = original ? splitProperties(original.properties_name) : [];
  return {
    id,
    attributes: shown.map((attr, i) => {
      const cn = chinese[i];
      const name = cn?.name || attr.name;
      const value = cn?.value || attr.value;
      if (!translation.trusted) return { name, value };
      const nameTranslated = trustedTranslation(cn?.name ?? '', attr.name, translation.language);
      const valueTranslated = trustedTranslation(cn?.value ?? '', attr.value, translation.language);
      return {
        name,
        value,
        ...(nameTranslated === null ? {} : { nameTranslated }),
        ...(valueTranslated === null ? {} : { valueTranslated }),
      };
    }),
    price: positivePrice(raw.price),
    stock: toInteger(raw.quantity),
    imageUrl: shown.map((attr) => images.get(attr.key)).find((url) => url !== undefined) ?? null,
    // No per-SKU weight in item_get.
    weightKg: null,
  };
}

function toSupplier(item: Raw, shipsFrom: Offer['shipsFrom'], openId: string | null): ProductSupplier | null {
  const seller = asRecord(item.seller_info);
  const id =
    sellerIdFrom('onebound', seller.sid, seller.user_num_id, item.seller_id) ??
    (openId && `onebound:${openId}`);
  if (!id) return null;
  const nick = toText(seller.nick) ?? toText(item.nick);
  const shop = cleanLink(seller.zhuy).url;
  return {
    provider: 'onebound',
    id,
    name: toText(seller.shop_name) ?? toText(seller.title),
    nick: nick?.startsWith(OPEN_ID_PREFIX) ? null : nick,
    // The newer shape's `zhuy` can be the offer page itself, which is not the shop.
    url: shop !== null && !/\/offer\/\d+\.html/.test(shop) ? shop : null,
    location: shipsFrom,
  };
}

/** The offer in an item_get `item`, or `null` without an id. */
export function toOneboundOffer(
  item: Raw,
  translation: OneboundTranslation = { language: undefined, trusted: true },
): Offer | null {
  const id = toText(item.num_iid);
  if (id === null || !/^\d+$/.test(id)) return null;
  const source = asRecord(item.cn_source);
  const sourceItem = asRecord(source.item);
  const originals = asArray(sourceItem.skus).map(asRecord);
  const images = propertyImages(item, source);
  const skus = asArray(asRecord(item.skus).sku)
    .map(asRecord)
    .map((raw) =>
      toSku(
        raw,
        originals.find((o) => toText(o.sku_id) === toText(raw.sku_id)),
        images,
        translation,
      ),
    )
    .filter((sku): sku is OfferSku => sku !== null);
  const priceTiers = toTiers(
    asArray(item.priceRange).map((pair) => ({ minQuantity: asArray(pair)[0], price: asArray(pair)[1] })),
  );
  const shown = toText(item.title);
  const chineseTitle = toText(sourceItem.cn_title);
  const title = hasHan(chineseTitle) ? chineseTitle : hasHan(shown) ? shown : null;
  const titleTranslated =
    translation.trusted && shown !== null
      ? trustedTranslation(title ?? '', shown, translation.language)
      : null;
  // `unit` is one text in the item's language ("个" in the newer shape's English body: left untranslated).
  const unit = originalOrTranslation(toText(item.unit), translation.language);
  const unitTranslated = translation.trusted ? unit.translated : null;
  const shipsFrom = normalizeLocation(item.location);
  const nick = toText(item.nick) ?? toText(asRecord(item.seller_info).nick);
  const openId = nick?.startsWith(OPEN_ID_PREFIX) ? nick.slice(OPEN_ID_PREFIX.length) || null : null;
  const mixSupported = toBool(item.is_support_mix);
  const pictures = [...asArray(item.item_imgs).map((img) => asRecord(img).url), item.pic_url]
    .map((url) => cleanLink(url).url)
    .filter((url): url is string => url !== null);
  return {
    provider: 'onebound',
    id,
    url: offerUrl(id),
    title,
    titleTranslated,
    images: [...new Set(pictures)],
    priceTiers,
    ...priceBounds(priceTiers, skus, item.price, item.orginal_price),
    moq: toInteger(item.min_num) ?? priceTiers[0]?.minQuantity ?? null,
    unit: unit.original,
    unitTranslated,
    translationLanguage:
      translation.language !== undefined &&
      (titleTranslated !== null ||
        unitTranslated !== null ||
        skus.some((s) => s.attributes.some((a) => a.nameTranslated != null || a.valueTranslated != null)))
        ? translation.language
        : null,
    stock: toInteger(item.num) ?? stockOfSkus(skus),
    skus,
    // `item_weight` ("1000" for a camera case) states no unit: left unknown rather than guessed.
    weightKg: null,
    sizeCm: null,
    shipsFrom,
    mixedBatch:
      mixSupported === null && item.mix_amount == null && item.mix_number == null
        ? null
        : {
            supported: mixSupported,
            minAmount: toNonNegative(item.mix_amount),
            minQuantity: toNonNegative(item.mix_number),
          },
    soldCount: toInteger(item.total_sold) ?? toInteger(item.sales),
    supplier: toSupplier(item, shipsFrom, openId),
    sellerOpenId: openId,
  };
}

function notFound(response: ProviderResponse): ProviderError {
  return new ProviderError({
    provider: 'onebound',
    kind: 'not_found',
    status: response.status,
    message: 'Onebound returned no offer for this id (removed, or not a 1688 offer)',
  });
}

/** Reads an item_get body; "no result" (error code 2000) or a body without an item is `not_found`. */
export function parseOneboundOffer(response: ProviderResponse, params?: object): Offer {
  return guardParse('onebound', () => {
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      throw (
        errorFromUnparsableBody(response) ??
        new ProviderError({
          provider: 'onebound',
          kind: 'invalid_response',
          status: response.status,
          message: 'onebound answered with a body that is not JSON',
        })
      );
    }
    if (checkOneboundBody(response, body) === 'empty') throw notFound(response);
    const envelope = asRecord(body);
    const status = toText(envelope.translate_status);
    const offer = toOneboundOffer(asRecord(envelope.item), {
      language: ourLanguage(
        toText(asRecord(envelope.language).current_lang) ?? toText(asRecord(params).lang) ?? null,
      ),
      trusted: status === null || status.toLowerCase() === 'ok',
    });
    if (offer === null) throw notFound(response);
    return Offer.parse(offer);
  });
}
