import * as z from 'zod';
import { MaxAge } from '../models/max-age.js';
import { Conversion, ConversionFailure, CurrencyCode, RateQuote } from '../models/money.js';
import { Offer } from '../models/offer.js';
import { ErrorKind, ProviderErrorJson } from '../models/provider-error.js';
import { ProviderId } from '../models/provider-id.js';
import { Language } from '../models/query.js';
import { CheaperTotalAt } from '../offers/product-price-at.js';
import { SellerLabels } from './seller-labels.js';

// `GET /v1/offers/:ref` and `POST /v1/offers`: details for 1688 links, shared by the proxy (route schemas,
// OpenAPI) and createClient (validation), so the two cannot drift.

/** The proxy's offer-detail paths: `POST /v1/offers` (up to {@link MAX_OFFER_REFS} refs) and `GET /v1/offers/:ref` (one). */
export const OFFER_ROUTES = {
  offers: '/v1/offers',
  offer: '/v1/offers/:ref',
  /** `GET`: the snapshots the proxy kept of one offer, newest first ({@link OfferHistoryResponse}). */
  history: '/v1/offers/:ref/history',
} as const;

/** Most refs one `POST /v1/offers` accepts; the add-in splits larger batches. */
export const MAX_OFFER_REFS = 200;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Pieces to price the offer at (`price` in each result). */
const Quantity = z.coerce.number().positive('quantity must be more than 0').max(1e9);

/** What a buyer pasted: a link, an id, or text around either. Parsed per item, so one bad ref fails only itself. */
export const OfferRef = z.string().max(2000, 'a ref is longer than 2000 characters');

/** `POST /v1/offers` JSON body. */
export const OffersBody = z.object({
  refs: z
    .array(OfferRef)
    .min(1, 'give at least one ref')
    .max(MAX_OFFER_REFS, `at most ${MAX_OFFER_REFS} refs per request`),
  language: Language.optional(),
  quantity: Quantity.optional(),
  /** Prices are also given in this currency (ISO 4217), next to the original CNY. */
  currency: CurrencyCode.optional(),
  /** Seconds: how old a served offer may be; `0` forces one fresh paid call (see {@link MaxAge}). */
  maxAge: MaxAge,
});
/** A `POST /v1/offers` body after parsing: see the {@link OffersBody} schema. */
export type OffersBody = z.infer<typeof OffersBody>;
/** A `POST /v1/offers` body as a caller may send it: `refs` (links or ids), optional `language` and `quantity` (pieces). */
export type OffersBodyInput = z.input<typeof OffersBody>;

/** `GET /v1/offers/:ref` query string. */
export const OfferParams = z.object({
  language: z.preprocess(blankToUndefined, Language.optional()),
  quantity: z.preprocess(blankToUndefined, Quantity.optional()),
  /** Prices are also given in this currency (ISO 4217), next to the original CNY. */
  currency: z.preprocess(blankToUndefined, CurrencyCode.optional()),
  /** Seconds: how old a served offer may be; `0` forces one fresh paid call (see {@link MaxAge}). */
  maxAge: MaxAge,
});
/** A `GET /v1/offers/:ref` query string after parsing: see the {@link OfferParams} schema. */
export type OfferParams = z.infer<typeof OfferParams>;
/** A `GET /v1/offers/:ref` query string as a caller may give it: optional `language` and `quantity` (pieces). */
export type OfferParamsInput = z.input<typeof OfferParams>;

/** What one provider said about one offer, in the order they were asked. */
export const OfferAttempt = z.object({
  provider: ProviderId,
  outcome: z.enum(['ok', 'error']),
  fromCache: z.boolean(),
  durationMs: z.number().nonnegative(),
  /** Request fields this provider could not honour (e.g. `language` it cannot translate into). */
  ignored: z.array(z.string()).optional(),
  error: ProviderErrorJson.optional(),
});
/** What one provider said about one offer: see the {@link OfferAttempt} schema. */
export type OfferAttempt = z.infer<typeof OfferAttempt>;

/** `priceAt(offer, quantity)` as sent over the wire. */
export const OfferPrice = z.object({
  quantity: z.number().positive(),
  unitPrice: z.number().nonnegative(),
  subtotal: z.number().nonnegative(),
  tierMinQuantity: z.number().nullable(),
  belowMoq: z.boolean(),
  nextTier: z.object({ minQuantity: z.number(), unitPrice: z.number() }).optional(),
  /** `unitPrice` in the requested `currency` (or why it could not be converted). */
  unitPriceConverted: Conversion.optional(),
  /** `subtotal` in the requested `currency`. */
  subtotalConverted: Conversion.optional(),
  /** "Cheaper at more": the next tier's start quantity makes the total lower (see {@link cheaperTotalAt}). */
  cheaperTotalAt: CheaperTotalAt.optional(),
  /** `cheaperTotalAt.subtotal` in the requested `currency`. */
  cheaperTotalAtConverted: Conversion.optional(),
});
/** The price of an offer at a quantity (CNY): unit price, subtotal, the tier used, whether below the MOQ, the next cheaper tier. */
export type OfferPrice = z.infer<typeof OfferPrice>;

/**
 * An offer's CNY prices in the requested `currency`, each with its rate (or why there is none — never a silent
 * CNY amount): the same converted-price shape as a search's `…Converted` fields. Tiers and SKUs in the offer's
 * order; a `null` is a price the offer does not give.
 */
export const OfferPricesConverted = z.object({
  priceMin: Conversion.nullable(),
  priceMax: Conversion.nullable(),
  priceTiers: z.array(
    z.object({
      minQuantity: z.number().int().positive(),
      price: Conversion,
      promotionPrice: Conversion.nullable().optional(),
    }),
  ),
  skus: z.array(
    z.object({
      id: z.string(),
      price: Conversion.nullable(),
      promotionPrice: Conversion.nullable().optional(),
    }),
  ),
});
/** An offer's prices in the requested currency, as {@link OfferPricesConverted} parses them. */
export type OfferPricesConverted = z.infer<typeof OfferPricesConverted>;

/**
 * Why one item has no offer: `invalid_ref` (not a 1688 link or id; the message names the site when it is
 * Taobao, Tmall, AliExpress or Alibaba.com), `no_provider` (no enabled provider has offer details), `deadline`
 * (the batch's deadline passed before any provider answered it: ask again; an answer still coming is cached), or
 * the provider error kind that ended the last attempt (`not_found` when every provider said so).
 */
export const OfferItemError = z.object({
  kind: z.union([ErrorKind, z.enum(['invalid_ref', 'no_provider', 'deadline'])]),
  message: z.string(),
  /**
   * When `not_found` is a remembered answer (no provider was paid this time): when the providers last said so
   * (ISO 8601). The proxy asks again once its not-found lifetime has passed.
   */
  checkedAt: z.string().optional(),
});
/** Why one item has no offer: see the {@link OfferItemError} schema. */
export type OfferItemError = z.infer<typeof OfferItemError>;

/**
 * The answer for one ref: the offer id read from it, the offer and which provider served it (from cache or
 * not), its price at the requested quantity, every provider attempt, or the `error` that left it without an offer.
 */
export const OfferResult = z.object({
  /** The ref exactly as given. */
  ref: z.string(),
  /** The 1688 offer id read from the ref; null when none could be. */
  offerId: z.string().nullable(),
  offer: Offer.optional(),
  /** The price at the requested `quantity`, when one was asked and the offer has prices. */
  price: OfferPrice.optional(),
  /** Why `price` is missing although a quantity was asked (e.g. the offer lists no price). */
  priceProblem: z.string().optional(),
  /** The offer's prices in the requested `currency`, when one was asked. */
  pricesConverted: OfferPricesConverted.optional(),
  /** The seller's member id (`b2b-…`) or `<provider>:<openId>`, as supplier and product rows carry it. */
  memberId: z.string().nullable().optional(),
  /** With a `language` other than `zh`: ship-from places and the seller's labels in English. */
  shipsFromTranslated: z
    .object({ provinceTranslated: z.string().nullable(), cityTranslated: z.string().nullable() })
    .optional(),
  sellerTranslated: SellerLabels.optional(),
  /** The provider that served `offer`. */
  provider: ProviderId.optional(),
  /** Request fields the serving provider could not honour (`language` it cannot give). */
  ignored: z.array(z.string()).optional(),
  fromCache: z.boolean().optional(),
  /** When the provider gave `offer` (ISO 8601); a cached or archived offer keeps its original time. */
  fetchedAt: z.string().optional(),
  /** True when `offer` is an older answer served because no provider could answer now (see `staleReason`). */
  stale: z.boolean().optional(),
  /** Why an older offer was served, e.g. `budget reached — values as of 3 Dec 14:05 UTC`. */
  staleReason: z.string().optional(),
  attempts: z.array(OfferAttempt),
  error: OfferItemError.optional(),
});
/** The answer for one ref: see the {@link OfferResult} schema. */
export type OfferResult = z.infer<typeof OfferResult>;

/** `POST /v1/offers` answer: one result per ref, in input order, each with its own `error`. */
export const OffersResponse = z.object({
  /** One per ref, in the order given. */
  results: z.array(OfferResult),
  /** The providers tried for each offer, in this order. */
  providerOrder: z.array(ProviderId),
  /** True when any offer is bundled sample data (the demo provider), so UIs can label it. */
  sampleData: z.boolean(),
  /** The rate applied to every converted price, or why prices could not be converted. */
  currency: z.union([RateQuote, ConversionFailure]).optional(),
});
/** The `POST /v1/offers` answer: see the {@link OffersResponse} schema. */
export type OffersResponse = z.infer<typeof OffersResponse>;

/** The media type of a streamed `POST /v1/offers` answer: one JSON object per line ({@link OffersStreamLine}). */
export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

/**
 * One line of a streamed `POST /v1/offers` answer (asked with `Accept: application/x-ndjson`): first `start`
 * (how many results will come, the provider order, the currency quote), then one `result` per ref as soon as it is
 * known — in the order they finish, `index` being the ref's place in `refs` — then `end`. A stream that stops
 * before `end` was cut: the refs without a line have no answer.
 */
export const OffersStreamLine = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    /** How many `result` lines follow: one per ref. */
    total: z.number().int().nonnegative(),
    providerOrder: z.array(ProviderId),
    /** The rate applied to every converted price, or why prices could not be converted. */
    currency: z.union([RateQuote, ConversionFailure]).optional(),
  }),
  z.object({
    type: z.literal('result'),
    /** The ref's place in the request's `refs`. */
    index: z.number().int().nonnegative(),
    result: OfferResult,
  }),
  z.object({
    type: z.literal('end'),
    /** True when any offer is bundled sample data (the demo provider). */
    sampleData: z.boolean(),
  }),
]);
/** One line of a streamed `POST /v1/offers` answer: see the {@link OffersStreamLine} schema. */
export type OffersStreamLine = z.infer<typeof OffersStreamLine>;

/** `GET /v1/offers/:ref/history` query string: how many snapshots at most (newest first). */
export const OfferHistoryParams = z.object({
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1000).default(100)),
});
/** A history query after parsing: see the {@link OfferHistoryParams} schema. */
export type OfferHistoryParams = z.infer<typeof OfferHistoryParams>;

/** One SKU's price and stock in a snapshot (`null` = the provider did not say). */
export const OfferSnapshotSku = z.object({
  id: z.string(),
  price: z.number().nullable(),
  stock: z.number().nullable(),
});
/** One SKU in a snapshot: see the {@link OfferSnapshotSku} schema. */
export type OfferSnapshotSku = z.infer<typeof OfferSnapshotSku>;

/**
 * What one paid fetch of an offer said about its prices and stock: 1688 has no price-history API, so history is
 * what the proxy itself fetched (one snapshot per paid fetch, kept a year by default).
 */
export const OfferSnapshot = z.object({
  /** When the provider answered (ISO 8601). */
  fetchedAt: z.string(),
  provider: ProviderId,
  priceTiers: z.array(z.object({ minQuantity: z.number(), price: z.number() })),
  priceMin: z.number().nullable(),
  priceMax: z.number().nullable(),
  moq: z.number().nullable(),
  stock: z.number().nullable(),
  skus: z.array(OfferSnapshotSku),
});
/** One snapshot of an offer: see the {@link OfferSnapshot} schema. */
export type OfferSnapshot = z.infer<typeof OfferSnapshot>;

/** `GET /v1/offers/:ref/history` answer: the offer id read from the ref and its snapshots, newest first. */
export const OfferHistoryResponse = z.object({
  offerId: z.string(),
  snapshots: z.array(OfferSnapshot),
});
/** The offer history answer: see the {@link OfferHistoryResponse} schema. */
export type OfferHistoryResponse = z.infer<typeof OfferHistoryResponse>;
