import type { RankedProduct, RankedSupplier } from '@yuantou/core';
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
export type ColumnFormat = 'integer' | 'score' | 'percent' | 'price' | 'text' | 'link';

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
];

export const PRODUCT_COLUMNS: readonly Column<RankedProduct>[] = [
  { header: 'rank', format: 'integer', value: (_, rank) => rank },
  { header: 'score', format: 'score', value: (p) => round(p.score, 1) },
  { header: 'title', format: 'text', value: (p) => p.titleTranslated ?? p.title, rich: productCard },
  { header: 'price', format: 'price', value: (p) => p.price },
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
];

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

export function supplierRows(items: readonly RankedSupplier[]): Row[];
export function supplierRows(items: readonly RankedSupplier[], rich: RichCellCapabilities | null): RichRow[];
export function supplierRows(items: readonly RankedSupplier[], rich: RichCellCapabilities | null = null) {
  return tableRows(SUPPLIER_COLUMNS, items, 'no suppliers found', rich);
}

export function productRows(items: readonly RankedProduct[]): Row[];
export function productRows(items: readonly RankedProduct[], rich: RichCellCapabilities | null): RichRow[];
export function productRows(items: readonly RankedProduct[], rich: RichCellCapabilities | null = null) {
  return tableRows(PRODUCT_COLUMNS, items, 'no products found', rich);
}
