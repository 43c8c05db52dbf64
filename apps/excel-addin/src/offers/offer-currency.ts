import {
  type ConversionFailure,
  convertCny,
  effectivePrice,
  type Offer,
  type RateQuote,
} from '@yuantou/core';
import { convertedCell, convertedRich, rateDateCell } from '../cells/rows.js';
import { moneyText } from '../data-types/money.js';
import type { OfferColumn, OfferView } from './offer-row.js';

// `currency=USD` on =OFFER/=OFFERS (and the workbook's currency default): each CNY price column the buyer picked
// gets a converted twin labelled with the currency, and one `rate date` column — ALL AFTER the picked columns, in
// the picked order (issue 21: "Optional columns are appended at the end of a spill, never inserted in the middle"),
// so the fields the buyer wrote keep their positions whatever the currency. Amounts come from core's `convertCny`,
// the one conversion the proxy applies to searches and offers, so a price at any quantity (priced here with
// priceAt) converts exactly as the proxy would; a rate the proxy could not get shows its reason, never the CNY
// figure. Converted amounts are numbers rounded to the currency's minor unit, with its number format where the
// host shows data types (data-types/money.ts); the tier ladder and the variants get text twins in the currency.

type Quote = RateQuote | ConversionFailure;

/** The CNY amount each price column shows, to convert. */
const CNY_AMOUNT: Readonly<Record<string, (view: OfferView) => number | null>> = {
  price: (v) => v.price?.unitPrice ?? null,
  subtotal: (v) => v.price?.subtotal ?? null,
  priceMin: (v) => v.offer.priceMin,
  priceMax: (v) => v.offer.priceMax,
};

/** A CNY amount as text in the quote's currency (`€0.68`), or `null` when it cannot be converted. */
function convertedText(cny: number | null, quote: Quote): string | null {
  const converted = convertCny(cny, quote);
  return converted && !('error' in converted) ? moneyText(converted.amount, converted.currency) : null;
}

/** `2+ €0.68; 100+ €0.61`: the tier ladder in the quote's currency. */
export function tiersTextIn(offer: Offer, quote: Quote): string | null {
  if (offer.priceTiers.length === 0 || 'error' in quote) return null;
  return offer.priceTiers
    .map((t) => `${t.minQuantity}+ ${convertedText(effectivePrice(t) ?? t.price, quote) ?? '?'}`)
    .join('; ');
}

/** `红, L €0.68` per variant, one per line: the variants' prices in the quote's currency. */
export function variantPricesIn(offer: Offer, quote: Quote): string | null {
  if (offer.skus.length === 0 || 'error' in quote) return null;
  return offer.skus
    .map((sku) => {
      const name = sku.attributes.map((a) => a.valueTranslated ?? a.value).join(', ') || sku.id;
      return `${name} ${convertedText(sku.price, quote) ?? '—'}`;
    })
    .join('\n');
}

/** The text columns with a twin in the currency. */
const TEXT_TWINS: Readonly<Record<string, (offer: Offer, quote: Quote) => string | null>> = {
  tiers: tiersTextIn,
  variants: variantPricesIn,
};

/** The picked columns, then their converted twins and a rate date when a currency was asked; else as given. */
export function withCurrencyColumns(
  columns: readonly OfferColumn[],
  quote: Quote | undefined,
): OfferColumn[] {
  if (!quote) return [...columns];
  const twins: OfferColumn[] = [];
  for (const column of columns) {
    const header = `${column.header.replace(/ \(CNY\)$/, '')} (${quote.currency})`;
    const amount = CNY_AMOUNT[column.field];
    if (amount) {
      const converted = (view: OfferView) => (view.quote ? convertCny(amount(view), view.quote) : null);
      twins.push({
        field: `${column.field}Converted`,
        header,
        description: `${column.description} Converted to ${quote.currency} at the proxy's rate.`,
        format: 'amount',
        value: (view) => convertedCell(converted(view)),
        rich: (view, caps) => convertedRich(converted(view), caps),
      });
    }
    const text = TEXT_TWINS[column.field];
    if (text) {
      twins.push({
        field: `${column.field}Converted`,
        header,
        description: `${column.description} In ${quote.currency} at the proxy's rate.`,
        format: 'text',
        value: (view) => (view.quote ? text(view.offer, view.quote) : null),
      });
    }
  }
  if (twins.length === 0) return [...columns];
  return [
    ...columns,
    ...twins,
    {
      field: 'rateDate',
      header: 'rate date',
      description: "The date of the proxy's rate, marked (demo rates), (fixed rate) or (stale) when so.",
      format: 'text',
      value: (view) => (view.quote ? rateDateCell(view.quote) : null),
    },
  ];
}
