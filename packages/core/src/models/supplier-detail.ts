import * as z from 'zod';
import { ProviderId } from './provider-id.js';
import { Location, Rate } from './supplier.js';

// One supplier looked up by itself (issue 25, "supplier due diligence"): what TMAPI's `shop_info`, Onebound's
// `seller_info`, the official platform's seller fields and the demo provider say about a shop. Unknown is always
// `null`, never `0`, `""` or `false`, so a card can say "not given" rather than "no".

/** 1688's badges on a shop: `true`/`false` where a provider said so, `null` where none did. */
export const SupplierBadges = z.object({
  /** TMAPI `is_factory`: 1688 lists the shop as a factory (源头工厂). */
  factory: z.boolean().nullable(),
  /** TMAPI `is_super_factory`, official `sellerIdentities` `super_factory` (超级工厂). */
  superFactory: z.boolean().nullable(),
  /** Official `sellerIdentities` `powerful_merchants` (实力商家). */
  powerMerchant: z.boolean().nullable(),
  /** TMAPI `is_flagship_shop` (旗舰店). */
  flagship: z.boolean().nullable(),
  /** TMAPI `is_industry_brand` (行业品牌). */
  industryBrand: z.boolean().nullable(),
  /** 1688's own factory inspection (深度验厂 / 实地验厂 / 验厂报告 among a shop's service tags). */
  inspected: z.boolean().nullable(),
  /** TMAPI `is_tp`, official `tp_member`: a paying TrustPass (诚信通) member. */
  trustPass: z.boolean().nullable(),
});
/** 1688's badges on a shop; see {@link SupplierBadges}. */
export type SupplierBadges = z.infer<typeof SupplierBadges>;

/** One of TMAPI's `shop_ratings[{title, type, score}]` (e.g. 商品体验 4.5), as the provider names it. */
export const ShopRating = z.object({
  title: z.string(),
  type: z.string().nullable(),
  score: z.number().nonnegative(),
});
/** One shop rating; see {@link ShopRating}. */
export type ShopRating = z.infer<typeof ShopRating>;

/**
 * The official platform's `productSimpleShippingInfo` rates, as fractions 0–1: perfect fulfilment
 * (`perfectFulfillmentRate7d/30d`) and dispatch within 24 h (`pickupWithin24hRate7d/30d`).
 */
export const FulfilmentRates = z.object({
  perfect7d: Rate.nullable(),
  perfect30d: Rate.nullable(),
  pickup24h7d: Rate.nullable(),
  pickup24h30d: Rate.nullable(),
});
/** Fulfilment and pickup rates; see {@link FulfilmentRates}. */
export type FulfilmentRates = z.infer<typeof FulfilmentRates>;

/** The company behind the shop, from Onebound's `seller_info` (uncertain fields, see its README). */
export const SupplierRegistration = z.object({
  /** `company_id`: the unified social credit code (统一社会信用代码, 18 characters), e.g. `92330281MA2EP3DC93`. */
  creditCode: z.string().nullable(),
  /** `company_dj`: the registering authority (登记机关). */
  authority: z.string().nullable(),
  /** `company_time`: the business term as given, e.g. `2009-03-23 至 长期`. */
  term: z.string().nullable(),
  /** `shop_type`: the business type as given, e.g. `个体经营` (sole proprietorship). */
  businessType: z.string().nullable(),
  /** `address`, with its `(自主申报)` marker removed into {@link selfDeclared}. */
  address: z.string().nullable(),
  /** The address carried `(自主申报)`: the seller declared it, nobody checked it. */
  selfDeclared: z.boolean().nullable(),
});
/** Registration facts; see {@link SupplierRegistration}. */
export type SupplierRegistration = z.infer<typeof SupplierRegistration>;

/** Onebound's `company_info` capacity facts, as the seller declared them (text, units included). */
export const SupplierCapacity = z.object({
  factorySize: z.string().nullable(),
  manufactureType: z.string().nullable(),
  productionCapacity: z.string().nullable(),
  annualRevenue: z.string().nullable(),
});
/** Declared capacity; see {@link SupplierCapacity}. */
export type SupplierCapacity = z.infer<typeof SupplierCapacity>;

/** One supplier in detail, as one provider (or the merge of several) describes it. Unknown is `null`. */
export const SupplierDetail = z.object({
  provider: ProviderId,
  /** The 1688 member id (`b2b-…`), the key that merges providers; `null` when the provider did not say. */
  memberId: z.string().nullable(),
  /** The registered company name (公司名). */
  companyName: z.string().nullable(),
  /** The shop's own name on 1688, which may differ from the company's. */
  shopName: z.string().nullable(),
  /** The seller's 1688 login id (旺旺 name). */
  loginId: z.string().nullable(),
  /** The shop's home page (`https://shopNNN.1688.com`). */
  shopUrl: z.string().nullable(),
  /** A web IM (旺旺) link to chat with the seller. */
  chatUrl: z.string().nullable(),
  location: Location,
  /** Years on 1688 as a TrustPass member (TMAPI `tp_year`, official `tpYear`). */
  yearsOnPlatform: z.number().nonnegative().nullable(),
  badges: SupplierBadges,
  shopRatings: z.array(ShopRating),
  fulfilment: FulfilmentRates,
  repurchaseRate: Rate.nullable(),
  responseRate: Rate.nullable(),
  /** How many offers the shop lists (TMAPI `shop/items` `total_count`): breadth is itself a trader hint. */
  catalogueSize: z.number().int().nonnegative().nullable(),
  /** How many buyers follow the shop (TMAPI `favorite_count`). */
  followers: z.number().int().nonnegative().nullable(),
  registration: SupplierRegistration,
  capacity: SupplierCapacity,
});
/** One supplier in detail; see the {@link SupplierDetail} schema. */
export type SupplierDetail = z.infer<typeof SupplierDetail>;

/** Every field of a {@link SupplierDetail} unknown; parsers spread what they read over it. */
export function emptySupplierDetail(provider: ProviderId): SupplierDetail {
  return {
    provider,
    memberId: null,
    companyName: null,
    shopName: null,
    loginId: null,
    shopUrl: null,
    chatUrl: null,
    location: { province: null, city: null },
    yearsOnPlatform: null,
    badges: {
      factory: null,
      superFactory: null,
      powerMerchant: null,
      flagship: null,
      industryBrand: null,
      inspected: null,
      trustPass: null,
    },
    shopRatings: [],
    fulfilment: { perfect7d: null, perfect30d: null, pickup24h7d: null, pickup24h30d: null },
    repurchaseRate: null,
    responseRate: null,
    catalogueSize: null,
    followers: null,
    registration: {
      creditCode: null,
      authority: null,
      term: null,
      businessType: null,
      address: null,
      selfDeclared: null,
    },
    capacity: { factorySize: null, manufactureType: null, productionCapacity: null, annualRevenue: null },
  };
}

/**
 * How a supplier is looked up: by member id (`b2b-…`), by shop link (`https://shopNNN.1688.com`) or by login id.
 * {@link parseSupplierRef} reads one from what a buyer pastes.
 */
export const SupplierRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('memberId'), value: z.string().regex(/^b2b-[0-9a-z]+$/i) }),
  z.object({ kind: z.literal('shopUrl'), value: z.url() }),
  z.object({ kind: z.literal('loginId'), value: z.string().min(2).max(64) }),
]);
/** A supplier reference; see {@link SupplierRef}. */
export type SupplierRef = z.infer<typeof SupplierRef>;
