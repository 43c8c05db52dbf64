import type {
  Conversion,
  ConversionFailure,
  ProductResult,
  RankedProduct,
  RankedSupplier,
  RateQuote,
  SupplierResult,
} from '@yuantou/core';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { webImage } from '../data-types/cell-values.js';
import { productCard, supplierCard } from '../data-types/entity-cards.js';

// The spilled arrays the custom functions return, and the rows "Insert into sheet" writes: one header row,
// then one row per item, best first. Unknown values are blank cells, never 0, so a sheet can tell "no data".

export type Cell = string | number | boolean;
export type Row = Cell[];
/**
 * A cell of a spilled array where the host shows data types: a plain value, or a picture / entity card
 * (each cell is its own value, so a spill may mix them).
 */
export type RichCell = Cell | Excel.EntityCellValue | Excel.WebImageCellValue;
export type RichRow = RichCell[];

/** How a column should look in an Excel table; the functions' spilled arrays carry raw values. */
/** `price` is CNY (¥); `amount` a converted price whose currency the header names. */
export type ColumnFormat = 'integer' | 'score' | 'percent' | 'price' | 'amount' | 'text' | 'link';

export interface Column<T> {
  header: string;
  format: ColumnFormat;
  value: (item: T, rank: number) => Cell | null;
  /**
   * The data-type value of this column where the host shows them (a card or a picture); `null` keeps the plain
   * value. Only the name/title and image columns have one, so sorting, filtering and formulas over the other
   * columns behave as with plain values.
   */
  rich?: (
    item: T,
    capabilities: RichCellCapabilities,
  ) => Excel.EntityCellValue | Excel.WebImageCellValue | null;
}

export const SUPPLIER_COLUMNS: readonly Column<RankedSupplier>[] = [
  { header: 'rank', format: 'integer', value: (_, rank) => rank },
  { header: 'score', format: 'score', value: (s) => round(s.score, 1) },
  { header: 'company', format: 'text', value: (s) => s.name ?? s.nick, rich: supplierCard },
  { header: 'city', format: 'text', value: (s) => s.location.city ?? s.location.province },
  { header: 'factory?', format: 'text', value: (s) => s.isFactory },
  { header: 'credit level', format: 'text', value: (s) => s.creditLevel },
  { header: 'factory level', format: 'text', value: (s) => s.factoryLevel },
  { header: 'years', format: 'integer', value: (s) => s.yearsOnPlatform },
  { header: 'repurchase rate', format: 'percent', value: (s) => s.repurchaseRate },
  { header: 'response rate', format: 'percent', value: (s) => s.responseRate },
  { header: 'providers', format: 'text', value: (s) => s.sources.join(', ') },
  { header: 'link', format: 'link', value: (s) => s.url },
  // Last, so formulas that index the earlier columns keep working.
  { header: 'flags', format: 'text', value: (s) => flagsText(s) },
];

export const PRODUCT_COLUMNS: readonly Column<RankedProduct>[] = [
  { header: 'rank', format: 'integer', value: (_, rank) => rank },
  { header: 'score', format: 'score', value: (p) => round(p.score, 1) },
  // The original and the provider's translation side by side; the proxy leaves `titleTranslated` null rather
  // than pass Chinese off as a translation, so the second column is blank, never Chinese.
  { header: 'title', format: 'text', value: (p) => p.title, rich: productCard },
  { header: 'title (translated)', format: 'text', value: (p) => p.titleTranslated },
  { header: 'price (CNY)', format: 'price', value: (p) => p.price },
  { header: 'MOQ', format: 'integer', value: (p) => p.moq },
  { header: 'monthly sales', format: 'integer', value: (p) => p.monthSold },
  { header: 'repurchase', format: 'percent', value: (p) => p.repurchaseRate },
  { header: 'supplier', format: 'text', value: (p) => p.supplier?.name ?? p.supplier?.nick ?? null },
  { header: 'link', format: 'link', value: (p) => p.url },
  {
    header: 'image URL',
    format: 'link',
    value: (p) => p.imageUrl,
    rich: (p) => webImage(p.imageUrl, p.titleTranslated ?? p.title),
  },
  { header: 'flags', format: 'text', value: (p) => flagsText(p) },
];

/**
 * The red flags that capped the score, each with its reason ("诚信等级 C: 较低信用 — 谨慎合作，建议实地考察 (…)"),
 * so the sheet says why a big supplier sits low; blank when there are none.
 */
function flagsText(item: RankedSupplier | RankedProduct): string | null {
  return item.flags.length === 0 ? null : item.flags.map((f) => f.reason).join('; ');
}

/** What the answer says about the search as a whole: the rate applied and what was searched. */
export interface AnswerContext {
  currency?: RateQuote | ConversionFailure;
  searchedAs?: string;
}

/** A converted price cell: the amount, or the reason there is none (never the CNY figure in its place). */
export function convertedCell(value: Conversion | null | undefined): Cell | null {
  if (value === null || value === undefined) return null;
  return 'error' in value ? `no rate: ${value.error}` : value.amount;
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

/** Converted-price and rate-date columns, inserted after `after` when a currency was asked for. */
function withCurrency<T>(
  columns: readonly Column<T>[],
  after: string,
  quote: RateQuote | ConversionFailure | undefined,
  price: (item: T) => Conversion | null | undefined,
  priceHeader: string,
): Column<T>[] {
  if (!quote) return [...columns];
  const at = columns.findIndex((c) => c.header === after) + 1;
  const added: Column<T>[] = [
    {
      header: `${priceHeader} (${quote.currency})`,
      format: 'amount',
      value: (item) => convertedCell(price(item)),
    },
    { header: 'rate date', format: 'text', value: () => rateDateCell(quote) },
  ];
  return [...columns.slice(0, at), ...added, ...columns.slice(at)];
}

export function productColumns(context: AnswerContext = {}): Column<ProductResult>[] {
  return withCurrency<ProductResult>(
    PRODUCT_COLUMNS,
    'price (CNY)',
    context.currency,
    (p) => p.priceConverted,
    'price',
  );
}

export function supplierColumns(context: AnswerContext = {}): Column<SupplierResult>[] {
  return withCurrency<SupplierResult>(
    SUPPLIER_COLUMNS,
    'city',
    context.currency,
    (s) => s.priceMinConverted,
    'price from',
  );
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
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

/** A spilled header also says what an English keyword was searched as: `title (searched as 玩具厂)`. */
function noteSearchedAs<R extends RichRow>(rows: R[], header: string, context: AnswerContext): R[] {
  if (!context.searchedAs || rows.length < 2) return rows;
  const [head, ...body] = rows;
  return [head!.map((h) => (h === header ? `${h} (searched as ${context.searchedAs})` : h)) as R, ...body];
}

/**
 * The spilled rows; with `rich` capabilities the company cell is an entity card (the host supports data types),
 * else plain values.
 */
export function supplierRows(items: readonly SupplierResult[], context?: AnswerContext): Row[];
export function supplierRows(
  items: readonly SupplierResult[],
  context: AnswerContext,
  rich: RichCellCapabilities | null,
): RichRow[];
export function supplierRows(
  items: readonly SupplierResult[],
  context: AnswerContext = {},
  rich: RichCellCapabilities | null = null,
): RichRow[] {
  const rows = tableRows(supplierColumns(context), items, 'no suppliers found', rich);
  return noteSearchedAs(rows, 'company', context);
}

/** As {@link supplierRows}; the title cell is a card and the image cell a picture where supported. */
export function productRows(items: readonly ProductResult[], context?: AnswerContext): Row[];
export function productRows(
  items: readonly ProductResult[],
  context: AnswerContext,
  rich: RichCellCapabilities | null,
): RichRow[];
export function productRows(
  items: readonly ProductResult[],
  context: AnswerContext = {},
  rich: RichCellCapabilities | null = null,
): RichRow[] {
  const rows = tableRows(productColumns(context), items, 'no products found', rich);
  return noteSearchedAs(rows, 'title', context);
}
