import * as z from 'zod';
import { MaxAge } from '../models/max-age.js';
import { Conversion, ConversionFailure, CurrencyCode, RateQuote, RateSource } from '../models/money.js';
import { Quota } from '../models/page.js';
import { ErrorKind, ProviderErrorJson } from '../models/provider-error.js';
import { ProviderId } from '../models/provider-id.js';
import { PublicImageUrl } from '../models/public-url.js';
import { ImageRegion, Keyword, Language, MAX_PAGE_SIZE, SORTS } from '../models/query.js';
import { RankedProduct, RankedSupplier } from '../models/ranked.js';
import { ProductPriceAt } from '../offers/product-price-at.js';
import { SellerLabels } from './seller-labels.js';

// The proxy's HTTP API, shared by the proxy (route schemas, OpenAPI) and createClient (validation), so the
// two cannot drift.

/**
 * The paths of the yuantou proxy's HTTP API: the searches, `/v1/providers`, `/v1/usage`, and the liveness
 * (`/healthz`) and readiness (`/readyz`) probes.
 */
export const ROUTES = {
  suppliers: '/v1/suppliers',
  products: '/v1/products',
  productsByImage: '/v1/products/by-image',
  providers: '/v1/providers',
  usage: '/v1/usage',
  currencies: '/v1/currencies',
  health: '/healthz',
  ready: '/readyz',
} as const;

/** `score` (default) orders by our ranking; the others are passed to providers and applied to the merged list. */
export const RouteSort = z.enum(['score', ...SORTS]);
/** A sort order of the proxy's searches: `score` (default, our ranking) or a provider {@link Sort}. */
export type RouteSort = z.infer<typeof RouteSort>;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const queryNumber = z.preprocess(blankToUndefined, z.coerce.number().nonnegative().optional());
const queryInt = (min: number, max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
const queryText = z.preprocess(blankToUndefined, z.string().trim().max(50).optional());
const queryBool = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const text = v.trim().toLowerCase();
  if (text === '' || text === 'true' || text === '1' || text === 'yes') return true;
  if (text === 'false' || text === '0' || text === 'no') return false;
  return v;
}, z.boolean().optional());

/** `tmapi,onebound` or `['tmapi','onebound']` → a de-duplicated list of known provider ids. */
export const ProviderList = z.preprocess(
  (v) => {
    const parts = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : v;
    return Array.isArray(parts) ? [...new Set(parts.map((p) => String(p).trim()).filter(Boolean))] : parts;
  },
  z.array(ProviderId).min(1, 'name at least one provider'),
);

const filterParams = {
  provider: ProviderList.optional(),
  page: queryInt(1, 1000, 1),
  pageSize: queryInt(1, MAX_PAGE_SIZE, 20),
  sort: z.preprocess(blankToUndefined, RouteSort.default('score')),
  factoryOnly: queryBool,
  city: queryText,
  province: queryText,
  priceMin: queryNumber,
  priceMax: queryNumber,
  minOrder: z.preprocess(blankToUndefined, z.coerce.number().int().nonnegative().optional()),
  language: z.preprocess(blankToUndefined, Language.optional()),
  /** Prices are also given in this currency (ISO 4217), next to the original CNY. */
  currency: z.preprocess(blankToUndefined, CurrencyCode.optional()),
  /**
   * Pieces the buyer means to order (product searches): each product gets `priceAtQuantity` and is ranked on
   * it; an MOQ above it is flagged. Unlike `minOrder`, not a filter sent to providers. Supplier search refuses it.
   */
  quantity: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000_000).optional()),
  /** Seconds: how old a served answer may be (see {@link MaxAge}). */
  maxAge: MaxAge,
};

const priceRangeOrdered = (q: { priceMin?: number; priceMax?: number }) =>
  q.priceMin === undefined || q.priceMax === undefined || q.priceMin <= q.priceMax;
const priceRangeIssue = { message: 'priceMin must not exceed priceMax', path: ['priceMin'] };

/** `GET /v1/suppliers` and `GET /v1/products` query string. */
export const SearchParams = z
  .object({ q: Keyword, ...filterParams })
  .refine(priceRangeOrdered, priceRangeIssue);
/** A keyword search's query string after parsing (defaults filled): see the {@link SearchParams} schema. */
export type SearchParams = z.infer<typeof SearchParams>;
/** A keyword search's query string as a caller may give it (strings or numbers; blanks mean "not set"). */
export type SearchParamsInput = z.input<typeof SearchParams>;

/**
 * `GET /v1/suppliers/:id/offers` query string: a supplier's catalogue, ranked like a product search. Paging,
 * `sort`, `language`, `currency`, `quantity`, `provider` and `maxAge` as for {@link SearchParams}; no keyword
 * and no filters (no provider filters a shop's catalogue).
 */
export const SupplierOffersParams = z.object({
  provider: filterParams.provider,
  page: filterParams.page,
  pageSize: filterParams.pageSize,
  sort: filterParams.sort,
  language: filterParams.language,
  currency: filterParams.currency,
  quantity: filterParams.quantity,
  maxAge: filterParams.maxAge,
});
/** A supplier catalogue's query string after parsing: see the {@link SupplierOffersParams} schema. */
export type SupplierOffersParams = z.infer<typeof SupplierOffersParams>;
/** A supplier catalogue's query string as a caller may give it. */
export type SupplierOffersParamsInput = z.input<typeof SupplierOffersParams>;

/** Largest accepted base64 image (about 3 MB of image); the proxy's body limit is a little above it. */
export const MAX_IMAGE_BASE64_LENGTH = 4 * 1024 * 1024;

/** `POST /v1/products/by-image` JSON body. */
export const ImageSearchBody = z
  .object({
    imageUrl: PublicImageUrl.optional(),
    imageBase64: z
      .string()
      .trim()
      .max(MAX_IMAGE_BASE64_LENGTH, 'imageBase64 is larger than 4 MB')
      .transform((s) => s.replace(/^data:image\/[a-z+.-]+;base64,/i, ''))
      .pipe(
        z
          .string()
          .min(16, 'imageBase64 is too short')
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'imageBase64 is not valid base64'),
      )
      .optional(),
    /** Search only this part of the photo: a `regions[].box` of an earlier answer. */
    region: z.preprocess(blankToUndefined, ImageRegion.optional()),
    /** Narrow the image matches by a word (providers that cannot list it in `ignored`). */
    keyword: z.preprocess(blankToUndefined, Keyword.optional()),
    ...filterParams,
  })
  .refine((b) => (b.imageUrl === undefined) !== (b.imageBase64 === undefined), {
    message: 'give exactly one of imageUrl or imageBase64',
    path: ['imageUrl'],
  })
  .refine(priceRangeOrdered, priceRangeIssue);
/** An image search body after parsing: see the {@link ImageSearchBody} schema. */
export type ImageSearchBody = z.infer<typeof ImageSearchBody>;
/** An image search body as a caller may send it: exactly one of `imageUrl` or `imageBase64`, plus filters. */
export type ImageSearchBodyInput = z.input<typeof ImageSearchBody>;

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

/**
 * One provider as `GET /v1/providers` describes it: whether the proxy has it enabled (credentials configured),
 * its operations, how it finds suppliers, and its page-size maximum per operation.
 */
export const ProviderDescription = z.object({
  id: ProviderId,
  name: z.string(),
  enabled: z.boolean(),
  operations: z.array(z.enum(['searchSuppliers', 'searchProducts', 'searchProductsByImage'])),
  supplierSearch: z.enum(['native', 'fromProducts', 'none']),
  maxPageSize: z.record(z.string(), z.number()),
  /** The names (never the values) of the credential fields this provider is configured with. */
  credentialFields: z.array(z.string()).optional(),
  /** Which of those are secrets: never shown, logged or echoed by the proxy. */
  secretFields: z.array(z.string()).optional(),
});
/** One provider as `GET /v1/providers` describes it: see the {@link ProviderDescription} schema. */
export type ProviderDescription = z.infer<typeof ProviderDescription>;

/**
 * `GET /v1/currencies` answer: the currencies the proxy can convert CNY prices into right now, with the rates'
 * source and date, so a client can refuse a currency before any search (RUB is not in the ECB's list).
 */
export const CurrenciesResponse = z.object({
  currencies: z.array(z.string()),
  source: RateSource.nullable(),
  rateDate: z.string().nullable(),
  stale: z.boolean(),
  /** Why no list could be had (the rate feed is down); `currencies` is then empty. */
  error: z.string().optional(),
});
/** The `GET /v1/currencies` answer: see the {@link CurrenciesResponse} schema. */
export type CurrenciesResponse = z.infer<typeof CurrenciesResponse>;

/** `GET /v1/providers` answer: every provider and whether the proxy runs in demo mode. */
export const ProvidersResponse = z.object({
  providers: z.array(ProviderDescription),
  /** True when no real provider is configured and only sample data is served. */
  demoMode: z.boolean(),
  /**
   * What no enabled provider offers, so the add-in can say so instead of failing: the search operations and
   * `getOffer` (offer details). Absent from older proxies.
   */
  capabilitiesLeftOut: z
    .array(z.enum(['searchSuppliers', 'searchProducts', 'searchProductsByImage', 'getOffer']))
    .optional(),
  /**
   * Every capability no enabled provider offers, those of {@link capabilitiesLeftOut} and the later ones:
   * `estimateFreight` (freight to the buyer's warehouse, landed cost), `getSupplier` (supplier cards) and
   * `searchSupplierOffers` (a supplier's catalogue). Plain strings, so a capability added later never fails an
   * older client's validation. Absent from older proxies.
   */
  leftOut: z.array(z.string()).optional(),
});
/** The `GET /v1/providers` answer: see the {@link ProvidersResponse} schema. */
export type ProvidersResponse = z.infer<typeof ProvidersResponse>;

/** What one provider has cost today (UTC), counted across every proxy instance. */
export const ProviderUsage = z.object({
  provider: ProviderId,
  /** The UTC day counted, `2026-12-01`. */
  day: z.string(),
  /** Paid calls sent upstream today (retries included). */
  callsToday: z.number().int().nonnegative(),
  /** The configured daily budget (`YUANTOU_<PROVIDER>_DAILY_CALLS`), null when unlimited. */
  dailyBudget: z.number().int().positive().nullable(),
  /** Searches answered from the proxy's cache today, at no cost. */
  cacheHitsToday: z.number().int().nonnegative(),
  /** The provider's own quota as it last reported it (Onebound's `api_info`), null when it reports none. */
  upstreamQuota: Quota.nullable(),
  /** ISO 8601 time until which the provider gets no call (quota answered, or budget spent); null when usable. */
  exhaustedUntil: z.string().nullable(),
});
/** What one provider has cost today: see the {@link ProviderUsage} schema. */
export type ProviderUsage = z.infer<typeof ProviderUsage>;

/** The calling buyer's own paid calls today, when the proxy names its tokens (`YUANTOU_TOKENS=alice:…`). */
export const BuyerUsage = z.object({
  /** The buyer's name as configured; never the token. */
  name: z.string(),
  /** Paid calls this buyer's requests caused today (UTC), across proxy instances. */
  callsToday: z.number().int().nonnegative(),
  /** The buyer's own daily budget (`YUANTOU_TOKEN_DAILY_CALLS`), null when only provider budgets apply. */
  dailyBudget: z.number().int().positive().nullable(),
  /** ISO 8601 time the buyer's budget is back (next 00:00 UTC) while it is spent; null when usable. */
  exhaustedUntil: z.string().nullable(),
});
/** The calling buyer's own spend in `GET /v1/usage`. */
export type BuyerUsage = z.infer<typeof BuyerUsage>;

/** `GET /v1/usage`. */
export const UsageResponse = z.object({
  day: z.string(),
  providers: z.array(ProviderUsage),
  /** The caller's own spend; absent when the proxy runs without named tokens. */
  buyer: BuyerUsage.optional(),
  /** Paid calls of the whole team today: the sum of `providers[].callsToday`. */
  teamCallsToday: z.number().int().nonnegative().optional(),
});
/** The `GET /v1/usage` answer: the UTC day and each provider's usage. */
export type UsageResponse = z.infer<typeof UsageResponse>;

/** Every error body the proxy sends (RFC 9457 problem details, plus our fields). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  /** The request field at fault, for 400s. */
  field: z.string().optional(),
  kind: z
    .union([ErrorKind, z.enum(['validation', 'unauthorized', 'too_many_requests', 'internal'])])
    .optional(),
  retryAfterSeconds: z.number().optional(),
  providers: z.array(ProviderStatus).optional(),
});
/** An error body of the proxy: see the {@link Problem} schema. */
export type Problem = z.infer<typeof Problem>;
