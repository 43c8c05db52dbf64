import type {
  ConversionFailure,
  KeywordTranslation,
  ProductResult,
  RankedProduct,
  RankedSupplier,
  RateQuote,
  SupplierResult,
} from '@yuantou/core';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { webImage } from '../data-types/cell-values.js';
import { productCard, supplierCard } from '../data-types/entity-cards.js';
import {
  type AnswerAge,
  asOfColumns,
  DEFAULT_STALE_AFTER_DAYS,
  oldestFetchedAt,
  richWithAsOf,
  type StalePolicy,
} from './as-of.js';
import { productOptionalColumns, supplierOptionalColumns } from './optional-columns.js';
import { type Column, type RichRow, type Row, tableRows } from './rows.js';

// The search results' columns and rows: what =SUPPLIERS, =PRODUCTS, =PRODUCTSBYIMAGE and =SUPPLIEROFFERS spill and what the
// pane's "Insert into sheet" writes for a search, best first (the row kit itself is cells/rows.ts).

export const SUPPLIER_COLUMNS: readonly Column<RankedSupplier>[] = [
  { header: 'rank', description: 'Position, best first.', format: 'integer', value: (_, rank) => rank },
  {
    header: 'score',
    description: "Ranking score 0–100 (the pane explains each factor's points).",
    format: 'score',
    value: (s) => round(s.score, 1),
  },
  {
    header: 'company',
    description: "The supplier's company name (a card where Excel shows data types).",
    format: 'text',
    value: (s) => s.name ?? s.nick,
    rich: supplierCard,
  },
  {
    header: 'city',
    description: 'City, else province.',
    format: 'text',
    value: (s) => s.location.city ?? s.location.province,
  },
  {
    header: 'factory?',
    description: 'TRUE for a factory, FALSE for a trader, blank when unknown.',
    format: 'text',
    value: (s) => s.isFactory,
  },
  {
    header: 'credit level',
    description: '1688 credit level (诚信等级), e.g. AAAAA.',
    format: 'text',
    value: (s) => s.creditLevel,
  },
  {
    header: 'factory level',
    description: '1688 factory badge, e.g. 实力工厂.',
    format: 'text',
    value: (s) => s.factoryLevel,
  },
  { header: 'years', description: 'Years on 1688.', format: 'integer', value: (s) => s.yearsOnPlatform },
  {
    header: 'repurchase rate',
    description: 'Share of buyers who reorder (a fraction: format as %).',
    format: 'percent',
    value: (s) => s.repurchaseRate,
  },
  {
    header: 'response rate',
    description: 'Share of inquiries answered (a fraction).',
    format: 'percent',
    value: (s) => s.responseRate,
  },
  {
    header: 'providers',
    description: 'The data providers that listed it.',
    format: 'text',
    value: (s) => s.sources.join(', '),
  },
  { header: 'link', description: 'The 1688 page.', format: 'link', value: (s) => s.url },
  // Last, so formulas that index the earlier columns keep working.
  {
    header: 'flags',
    description: 'Red flags that capped the score, each with its reason; blank when none.',
    format: 'text',
    value: (s) => flagsText(s),
  },
];

export const PRODUCT_COLUMNS: readonly Column<RankedProduct>[] = [
  { header: 'rank', description: 'Position, best first.', format: 'integer', value: (_, rank) => rank },
  {
    header: 'score',
    description: "Ranking score 0–100 (the pane explains each factor's points).",
    format: 'score',
    value: (p) => round(p.score, 1),
  },
  // The original and the provider's translation side by side; the proxy leaves `titleTranslated` null rather
  // than pass Chinese off as a translation, so the second column is blank, never Chinese.
  {
    header: 'title',
    description: "The listing's original title (a card where Excel shows data types).",
    format: 'text',
    value: (p) => p.title,
    rich: productCard,
  },
  {
    header: 'title (translated)',
    description: "The provider's translation; blank, never Chinese, when there is none.",
    format: 'text',
    value: (p) => p.titleTranslated,
  },
  { header: 'price (CNY)', description: 'Unit price in CNY.', format: 'price', value: (p) => p.price },
  { header: 'MOQ', description: 'Minimum order quantity.', format: 'integer', value: (p) => p.moq },
  {
    header: 'monthly sales',
    description: 'Pieces sold in the last month.',
    format: 'integer',
    value: (p) => p.monthSold,
  },
  {
    header: 'repurchase',
    description: 'Share of buyers who reorder (a fraction).',
    format: 'percent',
    value: (p) => p.repurchaseRate,
  },
  {
    header: 'supplier',
    description: "The seller's company name.",
    format: 'text',
    value: (p) => p.supplier?.name ?? p.supplier?.nick ?? null,
  },
  { header: 'link', description: 'The 1688 page.', format: 'link', value: (p) => p.url },
  {
    header: 'image URL',
    description: 'The product photo (a picture where Excel shows data types).',
    format: 'link',
    value: (p) => p.imageUrl,
    rich: (p) => webImage(p.imageUrl, p.titleTranslated ?? p.title),
  },
  {
    header: 'flags',
    description: 'Red flags that capped the score, each with its reason; blank when none.',
    format: 'text',
    value: (p) => flagsText(p),
  },
];

/**
 * The red flags that capped the score, each with its reason ("诚信等级 C: 较低信用 — 谨慎合作，建议实地考察 (…)"),
 * so the sheet says why a big supplier sits low; blank when there are none.
 */
function flagsText(item: RankedSupplier | RankedProduct): string | null {
  return item.flags.length === 0 ? null : item.flags.map((f) => f.reason).join('; ');
}

/** What the answer says about the search as a whole: the rate applied, what was searched, the quantity asked. */
export interface AnswerContext {
  currency?: RateQuote | ConversionFailure;
  searchedAs?: string;
  translation?: KeywordTranslation;
  /** The `quantity` the products were priced at (the request's). */
  quantity?: number | undefined;
  /** The `language` asked for (the request's): other than `zh` adds the English label columns. */
  language?: string | undefined;
  providers?: readonly {
    outcome: string;
    fetchedAt?: string | undefined;
    staleReason?: string | undefined;
  }[];
  /** When rows say `stale`; the default 7 days when absent. */
  stalePolicy?: StalePolicy | undefined;
}

/** The answer's age: its oldest provider answer, and the first reason the proxy gave for serving older ones. */
function answerAge(context: AnswerContext): AnswerAge {
  const answered = (context.providers ?? []).filter((p) => p.outcome === 'ok');
  return {
    fetchedAt: oldestFetchedAt(answered.map((p) => p.fetchedAt)),
    staleReason: answered.find((p) => p.staleReason)?.staleReason,
  };
}

/** The closing `as of` and `stale` columns of a search's rows (every row of one answer has the same age). */
function withAsOf<T>(columns: Column<T>[], context: AnswerContext): Column<T>[] {
  const age = answerAge(context);
  const policy = context.stalePolicy ?? { staleAfterDays: DEFAULT_STALE_AFTER_DAYS };
  // Cards say "as of" too (cells/as-of.ts).
  const carded = columns.map((c) => {
    const rich = richWithAsOf(c.rich, () => age, policy);
    return rich ? { ...c, rich } : c;
  });
  return [...carded, ...asOfColumns<T>(() => age, policy)];
}

// Optional columns go AFTER the base ones (optional-columns.ts), never in the middle.
export function productColumns(context: AnswerContext = {}): Column<ProductResult>[] {
  return withAsOf([...PRODUCT_COLUMNS, ...productOptionalColumns(context)], context);
}

export function supplierColumns(context: AnswerContext = {}): Column<SupplierResult>[] {
  return withAsOf([...SUPPLIER_COLUMNS, ...supplierOptionalColumns(context)], context);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * A spilled header also says what an English keyword was searched as, and which words could not be translated
 * (sent as typed): `title (searched as 毛绒玩具; not translated: kawaii)`. A custom function cannot write a note
 * or comment on its own cell (only the pane can change the workbook), so the header is where a formula says it —
 * never silently.
 */
export function searchedAsText(context: AnswerContext): string | null {
  const untranslated = context.translation?.untranslated ?? [];
  const parts = [
    context.searchedAs ? `searched as ${context.searchedAs}` : null,
    untranslated.length > 0 ? `not translated: ${untranslated.join(', ')}` : null,
  ].filter(Boolean);
  return parts.length === 0 ? null : parts.join('; ');
}

function noteSearchedAs<R extends RichRow>(rows: R[], header: string, context: AnswerContext): R[] {
  const text = searchedAsText(context);
  if (!text || rows.length < 2) return rows;
  const [head, ...body] = rows;
  return [head!.map((h) => (h === header ? `${h} (${text})` : h)) as R, ...body];
}

/** One kind of search answer as a table: its columns, what an empty answer says, the header `searchedAs` notes. */
export interface ResultTable<T> {
  columns: (context: AnswerContext) => Column<T>[];
  emptyText: string;
  searchedAsHeader: string;
}

/** =SUPPLIERS: with `rich` capabilities the company cell is an entity card (the host supports data types). */
export const SUPPLIER_TABLE: ResultTable<SupplierResult> = {
  columns: supplierColumns,
  emptyText: 'no suppliers found',
  searchedAsHeader: 'company',
};

/** =PRODUCTS and =PRODUCTSBYIMAGE: the title cell is a card and the image cell a picture where supported. */
export const PRODUCT_TABLE: ResultTable<ProductResult> = {
  columns: productColumns,
  emptyText: 'no products found',
  searchedAsHeader: 'title',
};

/**
 * The spilled rows of a search answer (header first); with `rich` capabilities, cards and pictures where the
 * table has them, else plain values. The functions spill these; the pane inserts them (without the header).
 */
export function resultRows<T>(table: ResultTable<T>, items: readonly T[], context?: AnswerContext): Row[];
export function resultRows<T>(
  table: ResultTable<T>,
  items: readonly T[],
  context: AnswerContext,
  rich: RichCellCapabilities | null,
): RichRow[];
export function resultRows<T>(
  table: ResultTable<T>,
  items: readonly T[],
  context: AnswerContext = {},
  rich: RichCellCapabilities | null = null,
): RichRow[] {
  const rows = tableRows(table.columns(context), items, table.emptyText, rich);
  return noteSearchedAs(rows, table.searchedAsHeader, context);
}
