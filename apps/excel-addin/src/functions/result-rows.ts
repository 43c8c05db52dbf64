import type { RankedProduct, RankedSupplier } from '@yuantou/core';

// The spilled arrays the custom functions return, and the rows "Insert into sheet" writes: one header row,
// then one row per item, best first. Unknown values are blank cells, never 0, so a sheet can tell "no data".

export type Cell = string | number | boolean;
export type Row = Cell[];

/** How a column should look in an Excel table; the functions' spilled arrays carry raw values. */
export type ColumnFormat = 'integer' | 'score' | 'percent' | 'price' | 'text' | 'link';

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
  // Last, so formulas that index the earlier columns keep working.
  { header: 'flags', format: 'text', value: (s) => flagsText(s) },
];

export const PRODUCT_COLUMNS: readonly Column<RankedProduct>[] = [
  { header: 'rank', format: 'integer', value: (_, rank) => rank },
  { header: 'score', format: 'score', value: (p) => round(p.score, 1) },
  { header: 'title', format: 'text', value: (p) => p.titleTranslated ?? p.title },
  { header: 'price', format: 'price', value: (p) => p.price },
  { header: 'MOQ', format: 'integer', value: (p) => p.moq },
  { header: 'monthly sales', format: 'integer', value: (p) => p.monthSold },
  { header: 'repurchase', format: 'percent', value: (p) => p.repurchaseRate },
  { header: 'supplier', format: 'text', value: (p) => p.supplier?.name ?? p.supplier?.nick ?? null },
  { header: 'link', format: 'link', value: (p) => p.url },
  { header: 'image URL', format: 'link', value: (p) => p.imageUrl },
  { header: 'flags', format: 'text', value: (p) => flagsText(p) },
];

/**
 * The red flags that capped the score, each with its reason ("诚信等级 C: 较低信用 — 谨慎合作，建议实地考察 (…)"),
 * so the sheet says why a big supplier sits low; blank when there are none.
 */
function flagsText(item: RankedSupplier | RankedProduct): string | null {
  return item.flags.length === 0 ? null : item.flags.map((f) => f.reason).join('; ');
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

export const supplierRows = (items: readonly RankedSupplier[]): Row[] =>
  tableRows(SUPPLIER_COLUMNS, items, 'no suppliers found');

export const productRows = (items: readonly RankedProduct[]): Row[] =>
  tableRows(PRODUCT_COLUMNS, items, 'no products found');
