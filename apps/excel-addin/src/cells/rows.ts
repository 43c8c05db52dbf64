import type { Conversion, ConversionFailure, RateQuote } from '@yuantou/core';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { moneyCell, roundMoney } from '../data-types/money.js';

// What every function family's cells are made of: the spilled arrays the custom functions return and the rows
// the pane's "Insert into sheet" writes — one header row, then one row per item. Unknown values are blank
// cells, never 0, so a sheet can tell "no data". A family declares its columns (`Column<T>`) and builds its
// rows with `tableRows`; `excel/insert-table.ts` formats a table's columns by their `ColumnFormat`.

export type Cell = string | number | boolean;
export type Row = Cell[];
/**
 * A cell of a spilled array where the host shows data types: a plain value, or a picture / entity card
 * (each cell is its own value, so a spill may mix them).
 */
export type RichCell = Cell | RichValue;
/** A data-type value of one cell: a card, a picture, or a number with its format (a currency, the `as of` date-time). */
export type RichValue =
  | Excel.EntityCellValue
  | Excel.WebImageCellValue
  | Excel.DoubleCellValue
  | Excel.FormattedNumberCellValue;
export type RichRow = RichCell[];

/** How a column should look in an Excel table; the functions' spilled arrays carry raw values. */
/** `price` is CNY (¥); `amount` a converted price whose currency the header names. */
export type ColumnFormat =
  | 'integer'
  | 'score'
  | 'percent'
  | 'price'
  | 'amount'
  | 'text'
  | 'link'
  | 'datetime';

export interface Column<T> {
  header: string;
  /** What the column holds, for =FIELDS, the pane's field list and the formula builder (function-docs.ts). */
  description: string;
  format: ColumnFormat;
  value: (item: T, rank: number) => Cell | null;
  /**
   * The data-type value of this column where the host shows them (a card or a picture); `null` keeps the plain
   * value. Only the name/title and image columns have one, so sorting, filtering and formulas over the other
   * columns behave as with plain values.
   */
  rich?: (item: T, capabilities: RichCellCapabilities) => RichValue | null;
}

/**
 * A converted price cell: the amount rounded to the currency's minor unit (data-types/money.ts), or the reason
 * there is none (never the CNY figure in its place).
 */
export function convertedCell(value: Conversion | null | undefined): Cell | null {
  if (value === null || value === undefined) return null;
  return 'error' in value ? `no rate: ${value.error}` : roundMoney(value.amount, value.currency);
}

/** The same amount where the host shows data types: a number with the currency's number format (`"€"#,##0.00`). */
export function convertedRich(
  value: Conversion | null | undefined,
  capabilities: RichCellCapabilities,
): RichValue | null {
  if (value === null || value === undefined || 'error' in value) return null;
  return moneyCell(value.amount, value.currency, capabilities);
}

/** `2024-03-13`, with `(demo rates)`, `(stale)` or `fixed rate` when that is what it is. */
export function rateDateCell(quote: RateQuote | ConversionFailure): Cell {
  if ('error' in quote) return `no rate: ${quote.error}`;
  const labels = [
    quote.source === 'demo' ? 'demo rates' : null,
    quote.source === 'config' ? 'fixed rate' : null,
    quote.stale ? 'stale' : null,
  ].filter(Boolean);
  const date = quote.rateDate ?? '';
  return labels.length === 0 ? date : `${date}${date ? ' ' : ''}(${labels.join(', ')})`.trim();
}

/**
 * Header + rows; with no items, a single cell saying so (not an error: the search worked). With `rich`
 * capabilities, columns that have a data-type value return it instead of the plain value.
 */
export function tableRows<T>(columns: readonly Column<T>[], items: readonly T[], emptyText: string): Row[];
export function tableRows<T>(
  columns: readonly Column<T>[],
  items: readonly T[],
  emptyText: string,
  rich: RichCellCapabilities | null,
): RichRow[];
export function tableRows<T>(
  columns: readonly Column<T>[],
  items: readonly T[],
  emptyText: string,
  rich: RichCellCapabilities | null = null,
): RichRow[] {
  if (items.length === 0) return [[emptyText]];
  const cell = (column: Column<T>, item: T, rank: number): RichCell =>
    (rich && column.rich?.(item, rich)) ?? column.value(item, rank) ?? '';
  return [columns.map((c) => c.header), ...items.map((item, i) => columns.map((c) => cell(c, item, i + 1)))];
}
