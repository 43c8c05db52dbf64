import { type ConversionFailure, convertCny, type RateQuote } from '@yuantou/core';
import { convertedCell, rateDateCell } from '../cells/rows.js';
import type { OfferColumn, OfferView } from './offer-columns.js';

// `currency=USD` on =OFFER/=OFFERS (and the pane's currency setting): each CNY price column the buyer picked gets
// its converted twin beside it, labelled with the currency, and one `rate date` column — the search functions'
// cells (`convertedCell`, `rateDateCell`) with the proxy's quote. Amounts come from core's `convertCny`, the one
// conversion the proxy applies to searches and offers, so a price at any quantity (priced here with priceAt)
// converts exactly as the proxy would; a rate the proxy could not get shows its reason, never the CNY figure.

type Quote = RateQuote | ConversionFailure;

/** The CNY amount each price column shows, to convert. */
const CNY_AMOUNT: Readonly<Record<string, (view: OfferView) => number | null>> = {
  price: (v) => v.price?.unitPrice ?? null,
  subtotal: (v) => v.price?.subtotal ?? null,
  priceMin: (v) => v.offer.priceMin,
  priceMax: (v) => v.offer.priceMax,
};

/** The columns with converted twins and a rate date inserted, when a currency was asked; else as given. */
export function withCurrencyColumns(
  columns: readonly OfferColumn[],
  quote: Quote | undefined,
): OfferColumn[] {
  if (!quote) return [...columns];
  const out: OfferColumn[] = [];
  let rateDateAdded = false;
  for (const column of columns) {
    out.push(column);
    const amount = CNY_AMOUNT[column.field];
    if (!amount) continue;
    out.push({
      field: `${column.field}Converted`,
      header: `${column.header.replace(/ \(CNY\)$/, '')} (${quote.currency})`,
      description: `${column.description} Converted to ${quote.currency} at the proxy's rate.`,
      format: 'amount',
      value: (view) => (view.quote ? convertedCell(convertCny(amount(view), view.quote)) : null),
    });
    if (!rateDateAdded) {
      out.push({
        field: 'rateDate',
        header: 'rate date',
        description: "The date of the proxy's rate, marked (demo rates), (fixed rate) or (stale) when so.",
        format: 'text',
        value: (view) => (view.quote ? rateDateCell(view.quote) : null),
      });
      rateDateAdded = true;
    }
  }
  return out;
}
