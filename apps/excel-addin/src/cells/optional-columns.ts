import type {
  Conversion,
  ConversionFailure,
  ProductResult,
  RateQuote,
  SellerLabels,
  SupplierResult,
} from '@yuantou/core';
import { moneyCell, moneyText, roundMoney } from '../data-types/money.js';
import { type Column, convertedCell, convertedRich, rateDateCell } from './rows.js';

// The columns a search spill carries beyond its base set, ALWAYS after the base columns (issue 21: "Optional
// columns are appended at the end of a spill, never inserted in the middle"), so `INDEX(spill,,5)` means the same
// column whatever the options or the workbook's defaults:
//   base columns … flags | member id | [language= other than zh: city/place, factory level, flags in English]
//   | [quantity=: price at N (CNY), subtotal at N (CNY), at N: note] | [currency=: price (EUR) …, rate date]
// `member id` is always there (it joins SUPPLIERS and PRODUCTS rows). An "as of" column another change adds
// goes after these. The README's "Column order" section lists each function's columns; result-rows.test.ts
// holds the order.

/** What the answer and the request say about the optional columns. */
export interface OptionalContext {
  currency?: RateQuote | ConversionFailure | undefined;
  /** The `quantity` the request priced products at. */
  quantity?: number | undefined;
  /** The `language` the request asked for: other than `zh`, the English place, level and flags columns. */
  language?: string | undefined;
}

const translatesLabels = (context: OptionalContext) =>
  context.language !== undefined && context.language !== '' && context.language !== 'zh';

const placeIn = (labels: SellerLabels | undefined) =>
  labels ? [labels.cityTranslated, labels.provinceTranslated].filter(Boolean).join(', ') || null : null;

const flagsIn = (item: { flagsTranslated?: { label: string }[] | undefined }) =>
  item.flagsTranslated?.length ? item.flagsTranslated.map((f) => f.label).join('; ') : null;

/** With a language other than Chinese: the seller's place, factory level and red flags in English (the Chinese stays). */
function labelColumns<T extends { flagsTranslated?: { label: string }[] | undefined }>(
  labels: (item: T) => SellerLabels | undefined,
): Column<T>[] {
  return [
    {
      header: 'place (translated)',
      description:
        'City and province in pinyin or their English names (Shantou, Guangdong), with language= other than zh.',
      format: 'text',
      value: (item) => placeIn(labels(item)),
    },
    {
      header: 'factory level (translated)',
      description: "The 1688 factory badge's English label (金牌制造 → Gold manufacturer), with language=.",
      format: 'text',
      value: (item) => labels(item)?.factoryLevelTranslated ?? null,
    },
    {
      header: 'flags (translated)',
      description: 'The red flags in English, with language=; the Chinese reasons stay in flags.',
      format: 'text',
      value: flagsIn,
    },
  ];
}

/** The 1688 member id (`b2b-…`, else `<provider>:<seller id>`): the same in SUPPLIERS and PRODUCTS rows. */
export function memberIdColumn<T extends { memberId?: string | null | undefined }>(): Column<T> {
  return {
    header: 'member id',
    description:
      "The seller's 1688 member id (b2b-…), else the provider's seller id as provider:id — the same in SUPPLIERS and PRODUCTS rows, to join them with XLOOKUP.",
    format: 'text',
    value: (item) => item.memberId ?? null,
  };
}

const cny = (amount: number | null | undefined) => (amount === null || amount === undefined ? null : amount);

/** `cheaper at 610: ¥7,917.80 in total`, the reason below the MOQ, or the note when the price is unknown. */
export function quantityNote(p: ProductResult): string | null {
  const at = p.priceAtQuantity;
  if (!at) return null;
  const parts: string[] = [];
  if (at.belowMoqReason) parts.push(at.belowMoqReason);
  if (at.note) parts.push(at.note);
  if (at.cheaperTotalAt) {
    const { quantity, subtotal } = at.cheaperTotalAt;
    const converted = p.priceAtQuantityConverted?.cheaperTotalAt;
    const also =
      converted && !('error' in converted) ? ` (${moneyText(converted.amount, converted.currency)})` : '';
    parts.push(`cheaper at ${quantity}: ${moneyText(subtotal, 'CNY')}${also} in total`);
  }
  return parts.length === 0 ? null : parts.join('; ');
}

/** A CNY amount column: a rounded number, with the ¥ number format where the host shows data types. */
function cnyColumn(
  header: string,
  description: string,
  amount: (p: ProductResult) => number | null | undefined,
): Column<ProductResult> {
  return {
    header,
    description,
    format: 'price',
    value: (p) => {
      const value = cny(amount(p));
      return value === null ? null : roundMoney(value, 'CNY');
    },
    rich: (p, caps) => {
      const value = cny(amount(p));
      return value === null ? null : moneyCell(value, 'CNY', caps);
    },
  };
}

function convertedColumn<T>(
  header: string,
  description: string,
  price: (item: T) => Conversion | null | undefined,
): Column<T> {
  return {
    header,
    description,
    format: 'amount',
    value: (item) => convertedCell(price(item)),
    rich: (item, caps) => convertedRich(price(item), caps),
  };
}

/** With `quantity=`: the price at that quantity (the ranking used it), its subtotal and the cheaper-at-more hint. */
function quantityColumns(quantity: number): Column<ProductResult>[] {
  return [
    cnyColumn(
      `price at ${quantity} (CNY)`,
      'Unit price in CNY at the quantity= asked, by the quantity prices (the ranking uses it); the lowest price when the result has none (see the note).',
      (p) => p.priceAtQuantity?.unitPrice,
    ),
    cnyColumn(
      `subtotal at ${quantity} (CNY)`,
      'Unit price × quantity in CNY; blank unless priced from quantity prices.',
      (p) => p.priceAtQuantity?.subtotal,
    ),
    {
      header: `at ${quantity}: note`,
      description:
        'Below the minimum order (and why), "price unknown: lowest price shown", or "cheaper at 610: ¥… in total" when ordering the next tier costs less.',
      format: 'text',
      value: quantityNote,
    },
  ];
}

function rateDateColumn<T>(quote: RateQuote | ConversionFailure): Column<T> {
  return {
    header: 'rate date',
    description: "The date of the proxy's rate, marked (demo rates), (fixed rate) or (stale) when so.",
    format: 'text',
    value: () => rateDateCell(quote),
  };
}

/** PRODUCTS / PRODUCTSBYIMAGE: member id, then the English labels, the quantity columns, the currency columns. */
export function productOptionalColumns(context: OptionalContext): Column<ProductResult>[] {
  const columns: Column<ProductResult>[] = [memberIdColumn<ProductResult>()];
  if (translatesLabels(context)) columns.push(...labelColumns<ProductResult>((p) => p.sellerTranslated));
  if (context.quantity !== undefined) columns.push(...quantityColumns(context.quantity));
  const quote = context.currency;
  if (!quote) return columns;
  const code = quote.currency;
  columns.push(
    convertedColumn(
      `price (${code})`,
      `The CNY price converted to ${code} at the proxy's rate.`,
      (p) => p.priceConverted,
    ),
  );
  if (context.quantity !== undefined) {
    const n = context.quantity;
    columns.push(
      convertedColumn(
        `price at ${n} (${code})`,
        `The price at quantity= converted to ${code}.`,
        (p) => p.priceAtQuantityConverted?.unitPrice,
      ),
      convertedColumn(
        `subtotal at ${n} (${code})`,
        `The subtotal at quantity= converted to ${code}.`,
        (p) => p.priceAtQuantityConverted?.subtotal,
      ),
    );
  }
  columns.push(rateDateColumn(quote));
  return columns;
}

/** SUPPLIERS: member id, then the English labels, then the currency columns. */
export function supplierOptionalColumns(context: OptionalContext): Column<SupplierResult>[] {
  const columns: Column<SupplierResult>[] = [memberIdColumn<SupplierResult>()];
  if (translatesLabels(context)) columns.push(...labelColumns<SupplierResult>((s) => s.translated));
  const quote = context.currency;
  if (!quote) return columns;
  const code = quote.currency;
  columns.push(
    convertedColumn(
      `price from (${code})`,
      `The supplier's lowest CNY price converted to ${code} at the proxy's rate.`,
      (s) => s.priceMinConverted,
    ),
    rateDateColumn(quote),
  );
  return columns;
}
