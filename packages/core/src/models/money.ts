import * as z from 'zod';

// Prices on 1688 are in CNY. A buyer may ask for them in another currency; every converted value carries where
// its rate came from, and the CNY amount it was converted from is never dropped (Product.price stays CNY).

/** An ISO 4217 code as the buyer typed it (`usd` → `USD`). Whether a rate exists is the rate source's call. */
export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO 4217 code such as USD, EUR or GBP');
/** An upper-case three-letter ISO 4217 currency code, e.g. `USD`. */
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/**
 * Where a rate came from: the ECB euro reference rates (cross rate via EUR), fixed rates from the proxy's
 * config, or the bundled sample rates of demo mode.
 */
export const RateSource = z.enum(['ecb', 'config', 'demo']);
/** Where a rate came from: `ecb`, `config` or `demo`. */
export type RateSource = z.infer<typeof RateSource>;

/** One exchange rate as applied: how many CNY one unit of `currency` costs, and how old it is. */
export const RateQuote = z.object({
  currency: z.string(),
  /** CNY per one unit of `currency` (e.g. 7.19 for USD): `amount = cny / rate`. */
  rate: z.number().positive(),
  /** The publication date of the rate (YYYY-MM-DD); null for fixed rates from config, which have none. */
  rateDate: z.string().nullable(),
  source: RateSource,
  /** The rate is older than the proxy's limit (4 days by default): still applied, but worth a warning. */
  stale: z.boolean(),
});
/** One exchange rate as applied (CNY per unit of `currency`), with its date, source and staleness. */
export type RateQuote = z.infer<typeof RateQuote>;

/** A CNY amount converted into the requested currency, saying what it came from. */
export const ConvertedAmount = RateQuote.extend({ amount: z.number().nonnegative() });
/** A CNY amount in the requested currency, with the rate that produced it. */
export type ConvertedAmount = z.infer<typeof ConvertedAmount>;

/** The rate could not be obtained: an error for this value, never a silent CNY amount. */
export const ConversionFailure = z.object({ currency: z.string(), error: z.string() });
/** A conversion that could not be made: the currency asked for and why. */
export type ConversionFailure = z.infer<typeof ConversionFailure>;

/** A converted amount, or the reason it could not be converted (tell them apart with {@link isConversionFailure}). */
export const Conversion = z.union([ConvertedAmount, ConversionFailure]);
/** A {@link ConvertedAmount} or a {@link ConversionFailure}. */
export type Conversion = z.infer<typeof Conversion>;

/** Significant digits kept: enough for a unit price of 0.03 CNY in USD, and no float noise. */
const SIGNIFICANT_DIGITS = 6;

/** Converts a CNY amount with a quote; `null` stays `null` (no price is not a price of 0). */
export function convertCny(cny: number | null, quote: RateQuote | ConversionFailure): Conversion | null {
  if (cny === null) return null;
  if ('error' in quote) return quote;
  return { amount: Number((cny / quote.rate).toPrecision(SIGNIFICANT_DIGITS)), ...quote };
}

/** Whether a conversion failed (it has an `error` instead of an `amount`). */
export function isConversionFailure(value: Conversion): value is ConversionFailure {
  return 'error' in value;
}
