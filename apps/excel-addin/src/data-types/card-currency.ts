import {
  type Conversion,
  type ConversionFailure,
  convertCny,
  type Offer,
  type OfferPrice,
  type ProductResult,
  type RateQuote,
} from '@yuantou/core';
import { type CardProperty, type RichCellCapabilities, section, textValue } from './cell-values.js';
import { moneyCell, moneyText } from './money.js';

// The buyer's currency and quantity on cards (issue 21: "offer and product cards … in that currency, each with
// its rate date; the CNY figure is kept beside it"). Kept apart from entity-cards.ts so the CNY cards read as
// before: these properties are ADDED, each converted amount a number with the currency's number format
// (money.ts), and one `Rate date`. A rate the proxy could not get is a text property saying why.

type Quote = RateQuote | ConversionFailure;

/** A converted amount as a card property: a formatted number, or why there is none. */
function convertedProperty(
  value: Conversion | null | undefined,
  capabilities: RichCellCapabilities,
): CardProperty | null {
  if (value === null || value === undefined) return null;
  if ('error' in value) return textValue(`no ${value.currency} rate: ${value.error}`);
  return moneyCell(value.amount, value.currency, capabilities);
}

function rateDateText(quote: Quote): string {
  if ('error' in quote) return `no rate: ${quote.error}`;
  return [quote.rateDate, quote.source === 'demo' ? '(demo rates)' : null, quote.stale ? '(stale)' : null]
    .filter(Boolean)
    .join(' ');
}

/** What a card adds: its properties and the section listing them (`null` when there is nothing to add). */
export interface CardAddition {
  properties: [string, CardProperty | null][];
  section: (all: Record<string, CardProperty>) => Excel.CardLayoutListSection | null;
}

/** The currency the product's converted prices are in, from the first converted amount it carries. */
function productCurrency(p: Partial<ProductResult>): string | null {
  return p.priceConverted?.currency ?? p.priceAtQuantityConverted?.unitPrice?.currency ?? null;
}

/**
 * A product card's price at the buyer's quantity (`Quantity`, `Unit price`, `Subtotal`, `Quantity note` — the
 * names of the offer card, so a column of cards sums alike) and its prices in the buyer's currency.
 */
export function productCardAdditions(
  p: Partial<ProductResult>,
  capabilities: RichCellCapabilities,
): CardAddition {
  const at = p.priceAtQuantity;
  const code = productCurrency(p);
  const converted = p.priceAtQuantityConverted;
  const cheaper = at?.cheaperTotalAt
    ? `cheaper at ${at.cheaperTotalAt.quantity}: ${moneyText(at.cheaperTotalAt.subtotal, 'CNY')} in total`
    : null;
  const note = [at?.belowMoqReason, at?.note, cheaper].filter(Boolean).join('; ');
  const rate = p.priceConverted && !('error' in p.priceConverted) ? rateDateText(p.priceConverted) : null;
  const names = {
    price: `Price (${code})`,
    unit: `Unit price (${code})`,
    subtotal: `Subtotal (${code})`,
  };
  const properties: [string, CardProperty | null][] = [
    ['Quantity', at ? moneyless(at.quantity, capabilities) : null],
    ['Unit price', at?.unitPrice == null ? null : moneyCell(at.unitPrice, 'CNY', capabilities)],
    ['Subtotal', at?.subtotal == null ? null : moneyCell(at.subtotal, 'CNY', capabilities)],
    ['Quantity note', note ? textValue(note) : null],
    ...(code
      ? ([
          [names.price, convertedProperty(p.priceConverted, capabilities)],
          [names.unit, convertedProperty(converted?.unitPrice, capabilities)],
          [names.subtotal, convertedProperty(converted?.subtotal, capabilities)],
          ['Rate date', rate ? textValue(rate) : null],
        ] as [string, CardProperty | null][])
      : []),
  ];
  return {
    properties,
    section: (all) =>
      section(
        at ? `Price at ${at.quantity}` : `Prices in ${code}`,
        [
          'Quantity',
          'Unit price',
          'Subtotal',
          'Quantity note',
          names.price,
          names.unit,
          names.subtotal,
          'Rate date',
        ],
        all,
      ),
  };
}

/** A piece count as a card number. */
function moneyless(value: number, capabilities: RichCellCapabilities): CardProperty {
  return capabilities.doubleNumberFormat
    ? { type: 'Double', basicValue: value, numberFormat: '#,##0' }
    : { type: 'FormattedNumber', basicValue: value, numberFormat: '#,##0' };
}

/**
 * An offer card's prices in the buyer's currency: each tier (`From 100 (EUR)`), the price range when there are no
 * tiers, the unit price and subtotal at the asked quantity, and the rate date.
 */
export function offerCardAdditions(
  offer: Offer,
  tiers: readonly (readonly [number, number])[],
  priced: OfferPrice | undefined,
  quote: Quote | undefined,
  capabilities: RichCellCapabilities,
): CardAddition {
  if (!quote) return { properties: [], section: () => null };
  const code = quote.currency;
  const convert = (cny: number | null) => convertedProperty(convertCny(cny, quote), capabilities);
  const properties: [string, CardProperty | null][] = [
    ...tiers.map(([from, price]): [string, CardProperty | null] => [
      `From ${from} (${code})`,
      convert(price),
    ]),
    [`Price min (${code})`, tiers.length ? null : convert(offer.priceMin)],
    [`Price max (${code})`, tiers.length ? null : convert(offer.priceMax)],
    [`Unit price (${code})`, priced ? convert(priced.unitPrice) : null],
    [`Subtotal (${code})`, priced ? convert(priced.subtotal) : null],
    ['Rate date', textValue(rateDateText(quote))],
  ];
  return {
    properties,
    section: (all) =>
      section(
        `Prices in ${code}`,
        properties.map(([name]) => name),
        all,
      ),
  };
}
