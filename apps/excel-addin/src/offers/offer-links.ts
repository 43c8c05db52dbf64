import {
  type Offer,
  type OfferPrice,
  OfferPriceError,
  OfferRefError,
  parseOfferRef,
  priceAt,
} from '@yuantou/core';
import type { AnswerAge } from '../cells/as-of.js';
import { type CellError, NotAvailableError } from '../cells/cell-error.js';
import { InputError } from '../cells/input-error.js';
import type { OfferLookup, Quote } from './offer-lookup.js';
import type { OfferOptions } from './offer-options.js';

// Pasted links and their offers: the offer id a cell names, the price a row shows, and a whole list of links
// settled one by one (=OFFERS' rows and the pane's Links mode), each with its offer or why it has none.

/**
 * One pasted link and its offer (priced at the asked quantity, else at the MOQ), or why there is none (`error`,
 * and `cellError`: the Excel error its row shows).
 */
export type LinkLookup =
  | {
      link: string;
      offer: Offer;
      price: OfferPrice | undefined;
      quote?: Quote;
      age?: AnswerAge;
      error?: undefined;
    }
  | { link: string; offer?: undefined; error: string; cellError?: CellError };

/** A cell with nothing in it (blank, or only spaces). */
export const isBlank = (cell: unknown) => cell === null || cell === undefined || String(cell).trim() === '';

/** The offer id from a cell; a Taobao, Tmall, AliExpress or Alibaba.com link is #VALUE! naming the site. */
export function offerIdOf(link: unknown): string {
  try {
    return parseOfferRef(String(link ?? ''));
  } catch (error) {
    if (error instanceof OfferRefError) throw new InputError('argument', error.message);
    throw error;
  }
}

/** The price at `quantity`, else at the minimum order (what the smallest order costs per piece). */
export function priceFor(offer: Offer, quantity: number | undefined): OfferPrice | undefined {
  const at = quantity ?? offer.moq ?? offer.priceTiers[0]?.minQuantity ?? 1;
  try {
    return { quantity: at, ...priceAt(offer, Math.max(at, 1)) };
  } catch (error) {
    if (error instanceof OfferPriceError) return undefined;
    throw error;
  }
}

/**
 * Every link of a list, each with its offer or why it has none. `onProgress(done, total)` is called as each link
 * is settled (the batch streams, so links settle as their lines arrive): the pane can show "n of N".
 */
export async function lookupLinks(
  lookup: OfferLookup,
  links: readonly string[],
  options: OfferOptions,
  signal?: AbortSignal,
  onProgress?: (done: number, total: number) => void,
): Promise<LinkLookup[]> {
  let done = 0;
  const settled = <T>(value: T): T => {
    onProgress?.(++done, links.length);
    return value;
  };
  return Promise.all(
    links.map(async (link): Promise<LinkLookup> => {
      try {
        const { offer, quote, age } = await lookup(offerIdOf(link), options, signal);
        return settled({
          link,
          offer,
          price: priceFor(offer, options.quantity),
          age,
          ...(quote ? { quote } : {}),
        });
      } catch (error) {
        if (error instanceof InputError)
          return settled({
            link,
            error: error.message,
            cellError: { code: 'invalidValue', message: error.message },
          });
        if (error instanceof NotAvailableError)
          return settled({
            link,
            error: error.message,
            cellError: { code: 'notAvailable', message: error.message },
          });
        throw error;
      }
    }),
  );
}
