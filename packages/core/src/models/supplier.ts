import * as z from 'zod';
import { CREDIT_LEVELS } from './credit-levels.js';
import { ProviderId } from './provider-id.js';

export { CREDIT_LEVELS };
/** A 1688 integrity (诚信) level, best first: `AAAAA` … `A`, then `B`, `C` (see {@link CREDIT_LEVELS}). */
export const CreditLevel = z.enum(CREDIT_LEVELS);
/** A 1688 integrity level: `AAAAA`, `AAAA`, `AAA`, `AA`, `A`, `B` or `C`. */
export type CreditLevel = z.infer<typeof CreditLevel>;

/** A fraction in 0–1; providers send `"0.3"`, `0.015` or `"5%"`, all normalised to this. */
export const Rate = z.number().min(0).max(1);

/** Where a seller is: province and city as the provider names them (Chinese), `null` when unknown. */
export const Location = z.object({
  province: z.string().nullable(),
  city: z.string().nullable(),
});
/** A seller's province and city; `null` when unknown. */
export type Location = z.infer<typeof Location>;

/** Seller facts added after the first release (issue "Ranking v2"); see {@link Supplier}. */
const sellerGrades = {
  /**
   * Onebound's `credit_score`, "信用评分(0-100)" (seed 001 §5.3).
   */
  creditScore: z.number().min(0).max(100).nullable(),
  /**
   * Onebound's trade medal `transaction_level` `lv.1`–`lv.5` as 1–5: "近30天交易额门槛" from 新手商家 (new shop)
   * to 顶级商家 (top seller) (seed 001 §7.2).
   */
  tradeLevel: z.number().int().min(1).max(5).nullable(),
  /** Onebound's `is_enterprise`, "是否企业认证" — a registered company rather than an individual (seed 001 §5.3). */
  isEnterprise: z.boolean().nullable(),
  /** TMAPI's `invoice_available` (seed 000): the seller issues invoices (发票), which a business buyer needs. */
  invoiceAvailable: z.boolean().nullable(),
};

/**
 * A 1688 seller as any provider describes it. Unknown is always `null`, never `0` or `""`, so ranking can
 * tell "no data" from "bad data".
 */
export const Supplier = z.object({
  provider: ProviderId,
  /** The 1688 member id (`b2b-…`) when the provider gives one — the key for merging — else `<provider>:<id>`. */
  id: z.string().min(1),
  /** Company name. */
  name: z.string().nullable(),
  nick: z.string().nullable(),
  /** Shop or factory page, ad-tracking parameters removed. */
  url: z.string().nullable(),
  /** The provider's link carried paid-placement markers (`_p_isad`, `tracelog=p4p`, `cbu_ad_*`). */
  isAd: z.boolean(),
  isFactory: z.boolean().nullable(),
  isSuperFactory: z.boolean().nullable(),
  creditLevel: CreditLevel.nullable(),
  // Added fields default to `null` on input, so answers from an older proxy still parse.
  creditScore: sellerGrades.creditScore.default(null),
  tradeLevel: sellerGrades.tradeLevel.default(null),
  isEnterprise: sellerGrades.isEnterprise.default(null),
  invoiceAvailable: sellerGrades.invoiceAvailable.default(null),
  /** As 1688 names it, e.g. `金牌制造`, `无牌工厂`. */
  factoryLevel: z.string().nullable(),
  areaM2: z.number().nonnegative().nullable(),
  yearsOnPlatform: z.number().nonnegative().nullable(),
  repurchaseRate: Rate.nullable(),
  responseRate: Rate.nullable(),
  returnRate: Rate.nullable(),
  location: Location,
  tags: z.array(z.string()),
  mainProducts: z.array(z.string()),
  salesCount: z.number().nonnegative().nullable(),
  productsCount: z.number().nonnegative().nullable(),
  /** Lowest and highest product price seen (CNY); filled when a supplier is derived from products. */
  priceMin: z.number().nonnegative().nullable(),
  priceMax: z.number().nonnegative().nullable(),
});
/** A 1688 seller as one provider describes it: see the {@link Supplier} schema. */
export type Supplier = z.infer<typeof Supplier>;

/** A supplier after {@link mergeSuppliers}: the richest value per field, and every provider that listed it. */
export const MergedSupplier = Supplier.extend({
  sources: z.array(ProviderId).min(1),
});
/** A seller merged across providers, with the `sources` that listed it. */
export type MergedSupplier = z.infer<typeof MergedSupplier>;

/** The seller as a product listing knows it: at least `id` and `name`. */
export const ProductSupplier = Supplier.extend(sellerGrades)
  .partial()
  .extend({
    id: z.string().min(1),
    name: z.string().nullable(),
  });
/** The seller as a product listing knows it: `id` and `name`, other {@link Supplier} fields optional. */
export type ProductSupplier = z.infer<typeof ProductSupplier>;

/** Every field of a Supplier set to unknown; adapters spread what they know over it. */
export function emptySupplier(provider: ProviderId, id: string): Supplier {
  return {
    provider,
    id,
    name: null,
    nick: null,
    url: null,
    isAd: false,
    isFactory: null,
    isSuperFactory: null,
    creditLevel: null,
    creditScore: null,
    tradeLevel: null,
    isEnterprise: null,
    invoiceAvailable: null,
    factoryLevel: null,
    areaM2: null,
    yearsOnPlatform: null,
    repurchaseRate: null,
    responseRate: null,
    returnRate: null,
    location: { province: null, city: null },
    tags: [],
    mainProducts: [],
    salesCount: null,
    productsCount: null,
    priceMin: null,
    priceMax: null,
  };
}
