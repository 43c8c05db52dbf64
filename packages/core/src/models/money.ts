import * as z from 'zod';

// Prices on 1688 are in CNY. A buyer may ask for them in another currency; every converted value carries where
// its rate came from, and the CNY amount it was converted from is never dropped (Product.price stays CNY).

/** An ISO 4217 code as the buyer typed it (`usd` → `USD`). Whether a rate exists is the rate source's call. */
export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO 4217 code such as USD, EUR or GBP');
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/**
 * Where a rate came from: the ECB euro reference rates (cross rate via EUR), fixed rates from the proxy's
 * config, or the bundled sample rates of demo mode.
 */
export const RateSource = z.enum(['ecb', 'config', 'demo']);
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
export type RateQuote = z.infer<typeof RateQuote>;

/** A CNY amount converted into the requested currency, saying what it came from. */
export const ConvertedAmount = RateQuote.extend({ amount: z.number().nonnegative() });
export type ConvertedAmount = z.infer<typeof ConvertedAmount>;

/** The rate could not be obtained: an error for this value, never a silent CNY amount. */
export const ConversionFailure = z.object({ currency: z.string(), error: z.string() });
export type ConversionFailure = z.infer<typeof ConversionFailure>;

export const Conversion = z.union([ConvertedAmount, ConversionFailure]);
export type Conversion = z.infer<typeof Conversion>;

/** Significant digits kept: enough for a unit price of 0.03 CNY in USD, and no float noise. */
const SIGNIFICANT_DIGITS = 6;

/** Converts a CNY amount with a quote; `null` stays `null` (no price is not a price of 0). */
export function convertCny(cny: number | null, quote: RateQuote | ConversionFailure): Conversion | null {
  if (cny === null) return null;
  if ('error' in quote) return quote;
  return { amount: Number((cny / quote.rate).toPrecision(SIGNIFICANT_DIGITS)), ...quote };
}

export function isConversionFailure(value: Conversion): value is ConversionFailure {
  return 'error' in value;
}
