import type {
  Conversion,
  ConversionFailure,
  ProductResult,
  RankedProduct,
  RankedSupplier,
  RateQuote,
  SupplierResult,
} from '@yuantou/core';

// The spilled arrays the custom functions return, and the rows "Insert into sheet" writes: one header row,
// then one row per item, best first. Unknown values are blank cells, never 0, so a sheet can tell "no data".

export type Cell = string | number | boolean;
export type Row = Cell[];

/** How a column should look in an Excel table; the functions' spilled arrays carry raw values. */
/** `price` is CNY (¥); `amount` a converted price whose currency the header names. */
export type ColumnFormat = 'integer' | 'score' | 'percent' | 'price' | 'amount' | 'text' | 'link';

export interface Column<T> {
  header: string;
  format: ColumnFormat;
  value: (item: T, rank: number) => Cell | null;
}

export const SUPPLIER_COLUMNS: readonly Column<RankedSupplier>[] = [
  { header: 'rank', format: 'integer', value: (_, rank) => rank },
  { header: 'score', format: 'score', value: (s) => round(s.score, 1) },
  { header: 'company', format: 'text', value: (s) => s.name ?? s.nick },
  { header: 'city', format: 'text', value: (s) => s.location.city ?? s.location.province },
  { header: 'factory?', format: 'text', value: (s) => s.isFactory },
  { header: 'credit level', format: 'text', value: (s) => s.creditLevel },
  { header: 'factory level', format: 'text', value: (s) => s.factoryLevel },
  { header: 'years', format: 'integer', value: (s) => s.yearsOnPlatform },
  { header: 'repurchase rate', format: 'percent', value: (s) => s.repurchaseRate },
  { header: 'response rate', format: 'percent', value: (s) => s.responseRate },
  { header: 'providers', format: 'text', value: (s) => s.sources.join(', ') },
  { header: 'link', format: 'link', value: (s) => s.url },
];

export const PRODUCT_COLUMNS: readonly Column<RankedProduct>[] = [
  { header: 'rank', format: 'integer', value: (_, rank) => rank },
  { header: 'score', format: 'score', value: (p) => round(p.score, 1) },
  // The original and the provider's translation side by side; the proxy leaves `titleTranslated` null rather
  // than pass Chinese off as a translation, so the second column is blank, never Chinese.
  { header: 'title', format: 'text', value: (p) => p.title },
  { header: 'title (translated)', format: 'text', value: (p) => p.titleTranslated },
  { header: 'price (CNY)', format: 'price', value: (p) => p.price },
  { header: 'MOQ', format: 'integer', value: (p) => p.moq },
  { header: 'monthly sales', format: 'integer', value: (p) => p.monthSold },
  { header: 'repurchase', format: 'percent', value: (p) => p.repurchaseRate },
  { header: 'supplier', format: 'text', value: (p) => p.supplier?.name ?? p.supplier?.nick ?? null },
  { header: 'link', format: 'link', value: (p) => p.url },
  { header: 'image URL', format: 'link', value: (p) => p.imageUrl },
];

/** What the answer says about the search as a whole: the rate applied and what was searched. */
export interface AnswerContext {
  currency?: RateQuote | ConversionFailure;
  searchedAs?: string;
}

/** A converted price cell: the amount, or the reason there is none (never the CNY figure in its place). */
function convertedCell(value: Conversion | null | undefined): Cell | null {
  if (value === null || value === undefined) return null;
  return 'error' in value ? `no rate: ${value.error}` : value.amount;
}

/** `2024-03-13`, with `(demo rates)`, `(stale)` or `fixed rate` when that is what it is. */
function rateDateCell(quote: RateQuote | ConversionFailure): Cell {
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

/** Header + rows; with no items, a single cell saying so (not an error: the search worked). */
export function tableRows<T>(columns: readonly Column<T>[], items: readonly T[], emptyText: string): Row[] {
  if (items.length === 0) return [[emptyText]];
  return [
    columns.map((c) => c.header),
    ...items.map((item, i) => columns.map((c) => c.value(item, i + 1) ?? '')),
  ];
}

/** A spilled header also says what an English keyword was searched as: `title (searched as 玩具厂)`. */
function noteSearchedAs(rows: Row[], header: string, context: AnswerContext): Row[] {
  if (!context.searchedAs || rows.length < 2) return rows;
  const [head, ...body] = rows;
  return [head!.map((h) => (h === header ? `${h} (searched as ${context.searchedAs})` : h)), ...body];
}

export const supplierRows = (items: readonly SupplierResult[], context: AnswerContext = {}): Row[] =>
  noteSearchedAs(tableRows(supplierColumns(context), items, 'no suppliers found'), 'company', context);

export const productRows = (items: readonly ProductResult[], context: AnswerContext = {}): Row[] =>
  noteSearchedAs(tableRows(productColumns(context), items, 'no products found'), 'title', context);
