import type {
  Conversion,
  ConversionFailure,
  ProductResult,
  RankedProduct,
  RankedSupplier,
  RateQuote,
  SupplierResult,
} from '@yuantou/core';
import {
  type AnswerAge,
  asOfColumns,
  DEFAULT_STALE_AFTER_DAYS,
  oldestFetchedAt,
  richWithAsOf,
  type StalePolicy,
} from '../cells/as-of.js';
import {
  type Column,
  convertedCell,
  type RichRow,
  type Row,
  rateDateCell,
  tableRows,
} from '../cells/rows.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { webImage } from '../data-types/cell-values.js';
import { productCard, supplierCard } from '../data-types/entity-cards.js';

// The search family's columns and rows: what =SUPPLIERS, =PRODUCTS and =PRODUCTSBYIMAGE spill and what the
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

/**
 * What the answer says about the search as a whole: the rate applied, what was searched, and when each provider
 * answered (the rows' `as of` is the oldest of them, cells/as-of.ts).
 */
export interface AnswerContext {
  currency?: RateQuote | ConversionFailure;
  searchedAs?: string;
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
      description: `The CNY price converted to ${quote.currency} at the proxy's rate.`,
      format: 'amount',
      value: (item) => convertedCell(price(item)),
    },
    {
      header: 'rate date',
      description: "The date of the proxy's rate, marked (demo rates), (fixed rate) or (stale) when so.",
      format: 'text',
      value: () => rateDateCell(quote),
    },
  ];
  return [...columns.slice(0, at), ...added, ...columns.slice(at)];
}

export function productColumns(context: AnswerContext = {}): Column<ProductResult>[] {
  const columns = withCurrency<ProductResult>(
    PRODUCT_COLUMNS,
    'price (CNY)',
    context.currency,
    (p) => p.priceConverted,
    'price',
  );
  return withAsOf(columns, context);
}

export function supplierColumns(context: AnswerContext = {}): Column<SupplierResult>[] {
  const columns = withCurrency<SupplierResult>(
    SUPPLIER_COLUMNS,
    'city',
    context.currency,
    (s) => s.priceMinConverted,
    'price from',
  );
  return withAsOf(columns, context);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A spilled header also says what an English keyword was searched as: `title (searched as 玩具厂)`. */
function noteSearchedAs<R extends RichRow>(rows: R[], header: string, context: AnswerContext): R[] {
  if (!context.searchedAs || rows.length < 2) return rows;
  const [head, ...body] = rows;
  return [head!.map((h) => (h === header ? `${h} (searched as ${context.searchedAs})` : h)) as R, ...body];
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
