import * as z from 'zod';
import { LandedCost, LandedCostOptions } from '../landed/landed-options.js';
import { OfferRefError, parseOfferRef } from '../offers/offer-ref.js';
import { MAX_OFFER_REFS, OfferItemError, OfferRef } from './offer-routes.js';

// `POST /v1/landed-cost` and its batch form, shared by the proxy (route schemas, OpenAPI) and createClient.

/** The proxy's landed-cost paths: one offer, and a column of links (up to {@link MAX_OFFER_REFS}). */
export const LANDED_ROUTES = {
  landedCost: '/v1/landed-cost',
  landedCostBatch: '/v1/landed-cost/batch',
} as const;

/** A ref that must be a 1688 link or offer id: anything else is a 400 naming `ref`, before any paid call. */
const OfferLinkRef = OfferRef.superRefine((ref, ctx) => {
  try {
    parseOfferRef(ref);
  } catch (error) {
    if (!(error instanceof OfferRefError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
  }
});

/** `POST /v1/landed-cost` JSON body: the offer's link or id and the {@link LandedCostOptions}. */
export const LandedCostBody = LandedCostOptions.extend({ ref: OfferLinkRef });
/** A `POST /v1/landed-cost` body after parsing. */
export type LandedCostBody = z.infer<typeof LandedCostBody>;
/** A `POST /v1/landed-cost` body as a caller writes it. */
export type LandedCostBodyInput = z.input<typeof LandedCostBody>;

/** `POST /v1/landed-cost/batch` JSON body: one set of options for a column of links, each parsed on its own. */
export const LandedCostBatchBody = LandedCostOptions.extend({
  refs: z
    .array(OfferRef)
    .min(1, 'give at least one ref')
    .max(MAX_OFFER_REFS, `at most ${MAX_OFFER_REFS} refs per request`),
});
/** A `POST /v1/landed-cost/batch` body after parsing. */
export type LandedCostBatchBody = z.infer<typeof LandedCostBatchBody>;
/** A `POST /v1/landed-cost/batch` body as a caller writes it. */
export type LandedCostBatchBodyInput = z.input<typeof LandedCostBatchBody>;

/** `POST /v1/landed-cost` answer: the {@link LandedCost} and when its offer and estimate were fetched. */
export const LandedCostResponse = LandedCost.extend({
  /** When the proxy computed it (ISO 8601); the offer and estimate may come from its cache. */
  fetchedAt: z.string(),
});
/** The `POST /v1/landed-cost` answer: see the {@link LandedCostResponse} schema. */
export type LandedCostResponse = z.infer<typeof LandedCostResponse>;

/** One link's answer in a batch: its landed cost, or the `error` that left it without one. */
export const LandedCostItem = z.object({
  /** The ref exactly as given. */
  ref: z.string(),
  /** The 1688 offer id read from the ref; null when none could be. */
  offerId: z.string().nullable(),
  result: LandedCostResponse.optional(),
  error: z
    .object({
      kind: z.union([OfferItemError.shape.kind, z.enum(['no_price', 'unknown_sku', 'missing_rate'])]),
      message: z.string(),
    })
    .optional(),
});
/** One link's answer in a batch: see the {@link LandedCostItem} schema. */
export type LandedCostItem = z.infer<typeof LandedCostItem>;

/** `POST /v1/landed-cost/batch` answer: one item per ref, in input order. */
export const LandedCostBatchResponse = z.object({ results: z.array(LandedCostItem) });
/** The `POST /v1/landed-cost/batch` answer: see the {@link LandedCostBatchResponse} schema. */
export type LandedCostBatchResponse = z.infer<typeof LandedCostBatchResponse>;
