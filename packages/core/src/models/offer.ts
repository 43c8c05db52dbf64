import * as z from 'zod';
import { ProviderId } from './provider-id.js';
import { Location, ProductSupplier } from './supplier.js';
import { SupplierDetail } from './supplier-detail.js';

// One 1688 offer (商品详情) as any provider's detail endpoint describes it. Unknown is always `null`, never `0`
// or `""`: a buyer must be able to tell "no stock" from "the provider did not say". Prices are CNY.

/** A quantity price (阶梯价): from `minQuantity` pieces on, each piece costs `price`. */
export const PriceTier = z.object({
  minQuantity: z.number().int().positive(),
  price: z.number().nonnegative(),
  /** A promotion price for this tier when the provider gives one; {@link priceAt} uses it when lower. */
  promotionPrice: z.number().nonnegative().nullable().optional(),
});
/** A quantity price (阶梯价), as {@link PriceTier} parses it. */
export type PriceTier = z.infer<typeof PriceTier>;

/** One attribute of a variant, e.g. `颜色: 红色` (colour: red), with its translation when the provider gave one. */
export const SkuAttribute = z.object({
  /**
   * As 1688 names it, e.g. `颜色`. Where the provider returned only a translation (TMAPI with `language=en`
   * sends `Color`), the translation, also given as `nameTranslated`.
   */
  name: z.string(),
  value: z.string(),
  /** In the offer's `translationLanguage`. */
  nameTranslated: z.string().nullable().optional(),
  valueTranslated: z.string().nullable().optional(),
});
/** One attribute of a variant, as {@link SkuAttribute} parses it. */
export type SkuAttribute = z.infer<typeof SkuAttribute>;

/** The package size in centimetres, whatever unit the provider used; each side `null` when not given. */
export const SizeCm = z.object({
  length: z.number().nonnegative().nullable(),
  width: z.number().nonnegative().nullable(),
  height: z.number().nonnegative().nullable(),
});
/** The package size, as {@link SizeCm} parses it. */
export type SizeCm = z.infer<typeof SizeCm>;

/** One variant (a colour/size combination) with its own price and stock. */
export const OfferSku = z.object({
  id: z.string().min(1),
  attributes: z.array(SkuAttribute),
  price: z.number().nonnegative().nullable(),
  /** A promotion price when the provider gives one; {@link priceAt} uses it when lower than `price`. */
  promotionPrice: z.number().nonnegative().nullable().optional(),
  stock: z.number().int().nonnegative().nullable(),
  imageUrl: z.string().nullable(),
  /** Kilograms, whatever unit the provider used. */
  weightKg: z.number().nonnegative().nullable(),
  /**
   * The variant's own package size, when the provider gives one per variant (TMAPI `skus[].package_info{length,
   * width, height}`); absent otherwise (the offer's `sizeCm` then applies). Landed costs measure the variant by it.
   */
  sizeCm: SizeCm.nullable().optional(),
});
/** One variant, as {@link OfferSku} parses it. */
export type OfferSku = z.infer<typeof OfferSku>;

/** 混批: whether the seller lets the buyer reach the MOQ by mixing this offer with others of the shop. */
export const MixedBatch = z.object({
  supported: z.boolean().nullable(),
  /** The order amount (CNY) from which mixing is allowed. */
  minAmount: z.number().nonnegative().nullable(),
  /** The number of pieces from which mixing is allowed. */
  minQuantity: z.number().nonnegative().nullable(),
});
/** The mixed-batch rule, as {@link MixedBatch} parses it. */
export type MixedBatch = z.infer<typeof MixedBatch>;

/**
 * One 1688 offer's details as any provider's detail endpoint (`getOffer`) describes it: prices in CNY, unknown
 * values `null`, price tiers ascending. {@link priceAt} prices it at a quantity.
 */
export const Offer = z.object({
  provider: ProviderId,
  /** The 1688 offer id (digits). */
  id: z.string().regex(/^\d+$/),
  /** `https://detail.1688.com/offer/<id>.html`, without tracking. */
  url: z.string(),
  /** The title as the seller wrote it (Chinese), when the provider returned it. */
  title: z.string().nullable(),
  /** The title in {@link Offer.translationLanguage}; never Chinese text passed off as a translation. */
  titleTranslated: z.string().nullable(),
  images: z.array(z.string()),
  /** Ascending by `minQuantity`; empty when the provider gives none (then SKU prices apply). */
  priceTiers: z.array(PriceTier),
  priceMin: z.number().nonnegative().nullable(),
  priceMax: z.number().nonnegative().nullable(),
  /** Minimum order quantity (起订量), in `unit`s. */
  moq: z.number().int().nonnegative().nullable(),
  /**
   * As the seller wrote it (`件`, `个`). Before `unitTranslated` existed this could hold a translation such as
   * `Piece(s)`; parsers now put a translation-only unit in `unitTranslated` and leave this `null`.
   */
  unit: z.string().nullable(),
  /** The unit in {@link Offer.translationLanguage} (`Piece(s)`), when the provider gave a translation. */
  unitTranslated: z.string().nullable().optional(),
  /**
   * The language of every `…Translated` field of this offer (`titleTranslated`, `unitTranslated`, the SKU
   * attributes' `nameTranslated`/`valueTranslated`), e.g. `en`; `null` when the offer carries no translation or
   * the language is not known. Providers that return only the requested language (TMAPI's detail) fill the
   * translated fields and leave the originals `null` (title, unit) or repeat the text (SKU attribute names and
   * values, which are required): this field says which language that text is in.
   */
  translationLanguage: z.string().nullable().optional(),
  stock: z.number().int().nonnegative().nullable(),
  skus: z.array(OfferSku),
  weightKg: z.number().nonnegative().nullable(),
  sizeCm: SizeCm.nullable(),
  shipsFrom: Location,
  mixedBatch: MixedBatch.nullable(),
  soldCount: z.number().int().nonnegative().nullable(),
  /**
   * The seller. `id` is the 1688 member id (`b2b-…`) when the provider gives one; the official platform (and
   * DajiSaaS/PandaPon, which relay it) gives only an encrypted `sellerOpenId`, kept as `<provider>:<openId>`.
   */
  supplier: ProductSupplier.nullable(),
  /**
   * The official platform's encrypted seller id (e.g. `BBBL9S1tA…`), relayed by DajiSaaS and PandaPon. It is not
   * a member id and cannot be turned into one; `null` from providers that name the member instead.
   */
  sellerOpenId: z.string().nullable(),
  /**
   * What the offer's answer says about its seller, as a supplier card: the official platform's (and DajiSaaS's
   * and PandaPon's) `sellerIdentities`, `sellerDataInfo` and `productSimpleShippingInfo`, which come with every
   * detail at no extra cost. The proxy keeps it so `GET /v1/suppliers/<provider>:<sellerOpenId>` answers without a
   * paid call. Absent or `null` from providers whose details carry no such facts.
   */
  supplierDetail: SupplierDetail.nullable().optional(),
});
/** One 1688 offer's details, as {@link Offer} parses it. */
export type Offer = z.infer<typeof Offer>;

/** The input of every adapter's `getOffer`: an offer id and, where the provider supports it, a language. */
export const OfferQuery = z.object({
  id: z.string().regex(/^\d{5,20}$/, 'a 1688 offer id is 5–20 digits'),
  /** Passed through as the provider documents its language parameter (`en`, `ru`…); omitted = provider default. */
  language: z.string().min(2).max(10).optional(),
});
/** The input of `getOffer`, as {@link OfferQuery} parses it. */
export type OfferQuery = z.infer<typeof OfferQuery>;

/** The clean detail URL of an offer, as every provider's parser builds it. */
export function offerUrl(id: string): string {
  return `https://detail.1688.com/offer/${id}.html`;
}
