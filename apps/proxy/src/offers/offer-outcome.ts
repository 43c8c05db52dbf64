import {
  type ConversionFailure,
  cheaperTotalAt,
  type Language,
  type Offer,
  type OfferAttempt,
  type OfferItemError,
  OfferPriceError,
  type OfferResult,
  type ProviderId,
  priceAt,
  type RateQuote,
} from '@yuantou/core';
import { placeInEnglish, sellerLabels } from '../language/seller-labels.js';
import { convertOfferPrice } from './convert-offer.js';

// What one offer's lookup ended with, as POST /v1/offers answers it: served (by which provider, how old),
// exhausted (every provider's words) — or left by the batch deadline (batch-deadline.ts); and the fields every served result carries
// (price at the quantity, the seller's labels).

/** One distinct offer's outcome, before it is copied to every ref that names it. */
export interface Found {
  offerId: string;
  offer?: Offer;
  provider?: ProviderId;
  fromCache?: boolean;
  /** ISO 8601: when the provider gave `offer`. */
  fetchedAt?: string;
  stale?: boolean;
  staleReason?: string;
  ignored?: string[];
  attempts: OfferAttempt[];
  error?: OfferItemError;
}

/** One line per provider that failed, e.g. `tmapi: not found; onebound: quota exhausted`. */
function summary(attempts: OfferAttempt[]): string {
  return attempts.map((a) => `${a.provider}: ${a.error?.message ?? a.outcome}`).join('; ');
}

/**
 * The error of an offer no provider served: `not_found` only when every provider said so; otherwise the first
 * other failure (a spent quota at one provider means the offer may well exist).
 */
export function exhausted(offerId: string, attempts: OfferAttempt[]): OfferItemError {
  const kinds = attempts.map((a) => a.error?.kind);
  if (kinds.length > 0 && kinds.every((k) => k === 'not_found')) {
    return { kind: 'not_found', message: `offer ${offerId} not found (${summary(attempts)})` };
  }
  const other = attempts.find((a) => a.error && a.error.kind !== 'not_found')?.error;
  return {
    kind: other?.kind ?? 'upstream',
    message: `offer ${offerId} unavailable (${summary(attempts)})`,
  };
}

/** The seller's member id (joins with supplier and product rows) and, for a non-Chinese language, English places. */
export function offerSellerFields(offer: Offer, language: Language | undefined): Partial<OfferResult> {
  const seller = offer.supplier ? sellerLabels(offer.supplier, language) : undefined;
  const english = language !== undefined && language !== 'zh';
  return {
    memberId: offer.supplier?.id ?? null,
    ...(english
      ? {
          shipsFromTranslated: {
            provinceTranslated: placeInEnglish(offer.shipsFrom.province),
            cityTranslated: placeInEnglish(offer.shipsFrom.city),
          },
        }
      : {}),
    ...(seller ? { sellerTranslated: seller } : {}),
  };
}

export function served(
  offerId: string,
  provider: ProviderId,
  offer: Offer,
  attempt: OfferAttempt,
  attempts: OfferAttempt[],
  age: { fetchedAt?: number; staleReason?: string } = {},
): Found {
  return {
    offerId,
    offer,
    provider,
    fromCache: attempt.fromCache,
    ...(age.fetchedAt === undefined ? {} : { fetchedAt: new Date(age.fetchedAt).toISOString() }),
    ...(age.staleReason ? { stale: true, staleReason: age.staleReason } : {}),
    ...(attempt.ignored ? { ignored: attempt.ignored } : {}),
    attempts,
  };
}

export function priced(
  offer: Offer | undefined,
  quantity: number | undefined,
  quote: RateQuote | ConversionFailure | undefined,
): Partial<OfferResult> {
  if (!offer || quantity === undefined) return {};
  try {
    const at = priceAt(offer, quantity);
    const cheaper = at.belowMoq ? undefined : cheaperTotalAt(at);
    const price = { quantity, ...at, ...(cheaper ? { cheaperTotalAt: cheaper } : {}) };
    return { price: quote ? convertOfferPrice(price, quote) : price };
  } catch (error) {
    if (error instanceof OfferPriceError) return { priceProblem: error.message };
    throw error;
  }
}
