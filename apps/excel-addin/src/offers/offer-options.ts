import { OfferParams } from '@yuantou/core';
import { MAX_AGE_OPTION_DOC, maxAgeOption } from '../cells/freshness.js';
import { InputError } from '../cells/input-error.js';
import { type CellValue, OptionNames, optionPairs, richOption, yesNoOption } from '../cells/option-reader.js';

// `options` of =OFFER and =OFFERS: text such as "language=en; currency=USD; quantity=500; header", or a 2-column
// range of names and values, read by the one option reader the search functions use (cells/option-reader.ts:
// the same name folding, aliases and yes/no words). What `language`, `currency` and `quantity` mean is core's
// OfferParams schema (the one the proxy's GET /v1/offers/:ref reads); `header` (a header row above =OFFER's
// row) and `rich` (`rich=off`: plain values where the host could show cards and pictures) are the add-in's own.

export interface OfferOptions {
  language?: OfferParams['language'];
  quantity?: number;
  /** Prices also in this currency (ISO 4217, upper-cased), converted by the proxy's rates. */
  currency?: string;
  header?: boolean;
  /** `false` with `rich=off`; absent or `true` shows cards and pictures where the host can. */
  rich?: boolean;
  /** Seconds: the formula's own `maxage=1d` (cells/freshness.ts); absent reuses what was paid for. */
  maxAge?: number;
  /** `changes`: Δ price, Δ stock and since against the fetch before (offer-changes.ts). */
  changes?: boolean;
}

/**
 * Every option =OFFER and =OFFERS take, with what it does: core's offer parameters, then the add-in's own.
 * Typed against core's OfferParams, so a parameter core adds fails the build until it is described here; the
 * reader's names ARE these keys, so =FIELDS("OFFERS") and the reader cannot differ.
 */
// `maxAge` is the add-in's reading of core's parameter: an age such as `1d` or `6h` (cells/freshness.ts), and
// every request carries one whether the formula names it or not.
export const OFFER_OPTION_DOCS: Readonly<Record<keyof OfferParams | 'header' | 'rich' | 'changes', string>> =
  {
    language: 'Translate titles and variants: zh, en, ru, vi, ja, ko, fr, pt, es (lang).',
    quantity: 'Price the price and subtotal columns (and the card) at this many pieces (qty).',
    currency: 'Add each CNY price converted to this ISO currency, e.g. USD, and a rate date column (ccy).',
    header: '=OFFER: a header row above the row (header=no: the row alone).',
    rich: 'rich=off: plain values where Excel could show cards and pictures.',
    maxAge: MAX_AGE_OPTION_DOC,
    changes:
      'changes: add Δ price, Δ stock and since (vs the fetch before, from the history the proxy kept), before "as of".',
  };

const OFFER_OPTIONS = new OptionNames(Object.keys(OFFER_OPTION_DOCS));

export function parseOfferOptions(argument: unknown): OfferOptions {
  const options: OfferOptions = {};
  for (const [name, value] of optionPairs(
    argument as CellValue[][] | CellValue,
    'language=en; quantity=500',
  )) {
    const option = OFFER_OPTIONS.read(name, value);
    const { written, key, value: text } = option;
    if (key === 'header') {
      options.header = yesNoOption(option);
      continue;
    }
    if (key === 'rich') {
      options.rich = richOption(option);
      continue;
    }
    if (key === 'changes') {
      options.changes = yesNoOption(option);
      continue;
    }
    if (key === 'maxAge') {
      options.maxAge = maxAgeOption(option);
      continue;
    }
    const param = key as keyof OfferParams;
    const parsed = OfferParams.safeParse({ [param]: typeof text === 'string' ? text.toLowerCase() : text });
    const got = parsed.success ? parsed.data[param] : undefined;
    if (got === undefined) {
      const issue = parsed.error?.issues[0]?.message ?? 'needs a value';
      throw InputError.option(written, text === '' ? 'needs a value' : issue);
    }
    if (param === 'language') options.language = got as OfferOptions['language'];
    else if (param === 'currency') options.currency = got as string;
    else options.quantity = got as number;
  }
  return options;
}
