import type { ConversionFailure, Offer, OfferPrice, OfferSnapshot, RateQuote } from '@yuantou/core';
import type { AnswerAge } from '../cells/as-of.js';
import type { Cell, ColumnFormat, RichCell, RichValue, Row } from '../cells/rows.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';

// One offer as a row of =OFFER, =OFFERS and the pane's tables: what every column reads (the view), what a column
// is, and the header and cells a list of columns gives. The columns themselves are offer-columns.ts (the picked
// fields), offer-currency.ts (the converted twins), offer-changes.ts (`changes`) and offer-as-of-columns.ts (the
// closing `as of` and `stale`).

/**
 * What a column reads: the offer and its price at the call's `quantity` (else at the minimum order); no price
 * when the offer lists none.
 */
export interface OfferView {
  offer: Offer;
  price: OfferPrice | undefined;
  /** The quantity the call asked for (its `quantity` option); absent when `price` is at the minimum order. */
  quantity?: number | undefined;
  /** The proxy's rate for the requested `currency`, when one was asked (see offer-currency.ts). */
  quote?: RateQuote | ConversionFailure | undefined;
  /** When the provider gave this offer, and why the proxy served an older one (if it did). */
  age?: AnswerAge | undefined;
  /** With the `changes` option: the snapshot before this answer (offer-changes.ts). */
  previous?: OfferSnapshot | undefined;
}

export interface OfferColumn {
  /** The name used in `fields` (case-insensitive). */
  field: string;
  header: string;
  /** What the column holds, for =FIELDS, the pane's field list and the formula builder (cells/function-docs.ts). */
  description: string;
  /** How "Insert as table" formats the column (`text` keeps Excel's General, right for plain numbers). */
  format: ColumnFormat;
  value: (view: OfferView) => Cell | null;
  /**
   * Where the host shows data types: the title's card, the image's picture or a converted amount with its
   * currency number format (`null` keeps the plain value).
   * Sorting, filtering and formulas over the other columns behave as with plain values.
   */
  rich?: (view: OfferView, capabilities: RichCellCapabilities) => RichValue | null;
}

export const headerRow = (columns: readonly OfferColumn[]): Row => columns.map((c) => c.header);

/** One offer's cells; with `rich` capabilities the title is a card and the image a picture. */
export function offerRow(columns: readonly OfferColumn[], view: OfferView): Row;
export function offerRow(
  columns: readonly OfferColumn[],
  view: OfferView,
  rich: RichCellCapabilities | null,
): RichCell[];
export function offerRow(
  columns: readonly OfferColumn[],
  view: OfferView,
  rich: RichCellCapabilities | null = null,
): RichCell[] {
  return columns.map((c) => (rich && c.rich?.(view, rich)) ?? c.value(view) ?? '');
}
