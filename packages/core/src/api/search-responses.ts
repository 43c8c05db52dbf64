import * as z from 'zod';
import { Conversion, ConversionFailure, RateQuote } from '../models/money.js';
import { ProviderErrorJson } from '../models/provider-error.js';
import { ProviderId } from '../models/provider-id.js';
import { ImageRegion } from '../models/query.js';
import { RankedProduct, RankedSupplier } from '../models/ranked.js';
import { ProductPriceAt } from '../offers/product-price-at.js';
import { SellerLabels } from './seller-labels.js';

// What the proxy's searches answer: one page of ranked suppliers or products, what each provider did, and how
// the keyword was translated. Shared by the proxy (route schemas, OpenAPI) and createClient (validation), so the
// two cannot drift.

/** What happened at one provider for one search. */
export const ProviderStatus = z.object({
  provider: ProviderId,
  outcome: z.enum(['ok', 'error']),
  fromCache: z.boolean(),
  /**
   * Served from cache past its freshness while a refresh runs in the background, or (with `staleReason`) an older
   * answer served because the provider could not answer.
   */
  stale: z.boolean(),
  durationMs: z.number().nonnegative(),
  itemCount: z.number().int().nonnegative(),
  /** Query fields this provider could not honour. */
  ignored: z.array(z.string()),
  error: ProviderErrorJson.optional(),
  /**
   * When the provider gave this answer (ISO 8601): a cached or archived answer keeps its original time. Absent on
   * errors and from proxies older than this field.
   */
  fetchedAt: z.string().optional(),
  /**
   * Why an older answer was served instead of an error, e.g. `budget reached — values as of 3 Dec 14:05 UTC`
   * (with `stale: true`): the provider was out of budget or quota, or down.
   */
  staleReason: z.string().optional(),
});
/** What happened at one provider for one search: see the {@link ProviderStatus} schema. */
export type ProviderStatus = z.infer<typeof ProviderStatus>;

/** How a non-Chinese keyword was searched on providers that search in Chinese only. */
export const KeywordTranslation = z.object({
  /** The keyword as typed. */
  typed: z.string(),
  /** What those providers were asked for, e.g. `玩具厂`. */
  searchedAs: z.string(),
  /** `machine` (LibreTranslate), `glossary` (built-in, word by word), `untranslated` (searched as typed). */
  method: z.enum(['none', 'machine', 'glossary', 'untranslated']),
  /** Words kept as typed. */
  untranslated: z.array(z.string()),
  /** A sentence for the buyer when the translation is partial, missing or came from the fallback. */
  note: z.string().optional(),
  /** Providers sent `searchedAs`; the others translate keywords themselves and got `typed`. */
  providers: z.array(ProviderId),
  /**
   * How each provider searched: `provider` (sent the keyword as typed; the provider translates it, e.g. the
   * official platform's `keywordTranslate`), `machine` or `glossary` (sent our translation `searchedAs`),
   * `typed` (nothing could be translated: sent as typed). Optional: older proxies do not send it.
   */
  paths: z
    .array(
      z.object({
        provider: ProviderId,
        path: z.enum(['provider', 'machine', 'glossary', 'typed']),
        /** The keyword this provider was sent. */
        keyword: z.string(),
      }),
    )
    .optional(),
});
/** How a non-Chinese keyword was searched: see the {@link KeywordTranslation} schema. */
export type KeywordTranslation = z.infer<typeof KeywordTranslation>;

/** A CNY price in the requested currency: the amount with its rate, or why there is none. */
const converted = Conversion.nullable().optional();

/** A price tier in the requested currency: its start quantity and its converted unit price. */
export const PriceTierConverted = z.object({
  minQuantity: z.number().int().positive(),
  price: Conversion,
  promotionPrice: Conversion.optional(),
});
/** A converted price tier: see the {@link PriceTierConverted} schema. */
export type PriceTierConverted = z.infer<typeof PriceTierConverted>;

/** {@link ProductPriceAt}'s CNY amounts in the requested currency (`null` where the CNY amount is `null`). */
export const ProductPriceAtConverted = z.object({
  unitPrice: Conversion.nullable(),
  subtotal: Conversion.nullable(),
  /** The "cheaper at more" total, converted. */
  cheaperTotalAt: Conversion.optional(),
});
/** The price at the buyer's quantity in their currency: see the {@link ProductPriceAtConverted} schema. */
export type ProductPriceAtConverted = z.infer<typeof ProductPriceAtConverted>;

/** A red flag's English label, beside the Chinese `reason`. */
const flagsTranslated = z.array(z.object({ flag: z.string(), label: z.string() })).optional();

/**
 * A product in a search answer: CNY prices as given, plus `…Converted` when a `currency` was asked for, the price
 * at the buyer's `quantity`, and (with a `language` other than `zh`) the seller's places and labels translated.
 */
export const ProductResult = RankedProduct.extend({
  priceConverted: converted,
  priceMaxConverted: converted,
  /** The search result's quantity prices in the requested currency, when it has tiers. */
  priceTiersConverted: z.array(PriceTierConverted).optional(),
  /** With `quantity`: the price at that quantity (CNY), or why it is unknown. */
  priceAtQuantity: ProductPriceAt.optional(),
  priceAtQuantityConverted: ProductPriceAtConverted.optional(),
  /** The seller's {@link SupplierResult} `memberId`: the same value in product and supplier rows, so they join. */
  memberId: z.string().nullable().optional(),
  sellerTranslated: SellerLabels.optional(),
  flagsTranslated,
});
/** A ranked product in a search answer, CNY prices plus optional converted ones. */
export type ProductResult = z.infer<typeof ProductResult>;

/** A ranked supplier in a search answer: CNY `priceMin`/`priceMax` plus `…Converted` when a `currency` was asked for. */
export const SupplierResult = RankedSupplier.extend({
  priceMinConverted: converted,
  priceMaxConverted: converted,
  /**
   * The seller's 1688 member id (`b2b-…`), else the provider's own seller id as `<provider>:<id>` (e.g. a seller
   * open id): the same value a product row of this seller carries, so the rows join (XLOOKUP).
   */
  memberId: z.string().nullable().optional(),
  /** With a `language` other than `zh`: places and labels translated, the Chinese kept in their fields. */
  translated: SellerLabels.optional(),
  flagsTranslated,
});
/** A ranked supplier in a search answer, CNY prices plus optional converted ones. */
export type SupplierResult = z.infer<typeof SupplierResult>;

const searchResponse = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().nonnegative().nullable(),
    hasNext: z.boolean(),
    providers: z.array(ProviderStatus),
    /** True when any item is bundled sample data (the demo provider), so UIs can label it. */
    sampleData: z.boolean(),
    /** What was searched on providers that need Chinese, when the keyword was not Chinese (`玩具厂`). */
    searchedAs: z.string().optional(),
    translation: KeywordTranslation.optional(),
    /** The rate applied to every `…Converted` price, or why prices could not be converted. */
    currency: z.union([RateQuote, ConversionFailure]).optional(),
    /** Image search: the objects a provider detected in the photo (`box` to send back as `region`). */
    regions: z.array(z.object({ box: ImageRegion, current: z.boolean() })).optional(),
    /**
     * Image search: the size of the photo as the provider got it (after the proxy re-encoded it), the pixels the
     * `regions` boxes count in — scale them by the shown picture's size over this to draw them.
     */
    regionImageSize: z
      .object({ width: z.number().int().positive(), height: z.number().int().positive() })
      .optional(),
    /** Image search: what the answer says about how the picture was used (the demo does not look at it). */
    notes: z.array(z.string()).optional(),
  });

/**
 * `GET /v1/suppliers` answer: one page of ranked suppliers merged across providers, what each provider did,
 * and whether any of it is sample data.
 */
export const SupplierSearchResponse = searchResponse(SupplierResult);
/** The `GET /v1/suppliers` answer: see the {@link SupplierSearchResponse} schema. */
export type SupplierSearchResponse = z.infer<typeof SupplierSearchResponse>;

/**
 * `GET /v1/products` and `POST /v1/products/by-image` answer: one page of ranked products across providers,
 * what each provider did, and whether any of it is sample data.
 */
export const ProductSearchResponse = searchResponse(ProductResult);
/** The product search answer: see the {@link ProductSearchResponse} schema. */
export type ProductSearchResponse = z.infer<typeof ProductSearchResponse>;
