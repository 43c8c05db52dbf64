import { numberValue, type RichCellCapabilities } from './cell-values.js';

// Money as cells, cards and the pane show it (issue 21: "Numbers reach Excel as numbers with a currency number
// format (and rounded sensibly in text), never as 0.364778"). A converted amount stays a NUMBER (sums and
// XLOOKUP work); it is rounded to the currency's minor unit — cents for EUR, whole yen for JPY — except below
// a tenth of a unit, where a cheap part (¥0.05 → €0.0064) would round to nothing: there 4 decimals are kept.
// Where the host shows data types the cell carries a currency number format (`"€"#,##0.00`); the CNY figure is
// always kept in its own column or card property beside the converted one.

/** Symbols Excel shows as literal text in a number format; other currencies show their ISO code after the amount. */
const SYMBOLS: Readonly<Record<string, string>> = {
  CNY: '¥',
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  KRW: '₩',
  INR: '₹',
  TRY: '₺',
  VND: '₫',
};

/** Below this many units an amount keeps 4 decimals: rounding it to cents would lose most of it. */
const SMALL_AMOUNT = 0.1;
const SMALL_DIGITS = 4;

/** The currency's minor-unit digits (2 for EUR, 0 for JPY), from the platform's own ISO 4217 table. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2; // not a code Intl knows: cents, the common case
  }
}

function digitsFor(amount: number, currency: string): number {
  const minor = minorDigits(currency);
  return amount !== 0 && Math.abs(amount) < SMALL_AMOUNT ? Math.max(minor, SMALL_DIGITS) : minor;
}

/** The amount rounded as a cell keeps it: 0.364778 EUR → 0.36; 0.0064213 EUR → 0.0064; 1234.5 JPY → 1235. */
export function roundMoney(amount: number, currency: string): number {
  const factor = 10 ** digitsFor(amount, currency);
  return Math.round(amount * factor) / factor;
}

/** Excel's number format for an amount in `currency`: `"€"#,##0.00`, `#,##0 "¥"`-style for codes without one. */
export function currencyNumberFormat(currency: string, amount = 1): string {
  const digits = digitsFor(amount, currency);
  const number = digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
  const symbol = SYMBOLS[currency];
  return symbol ? `"${symbol}"${number}` : `${number} "${currency}"`;
}

/** `€0.36`, `¥17.20`, `12.30 PLN`: an amount in text (the pane, card lines, tier ladders). */
export function moneyText(amount: number, currency: string): string {
  const rounded = roundMoney(amount, currency);
  const digits = digitsFor(amount, currency);
  const number = rounded.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  const symbol = SYMBOLS[currency];
  return symbol ? `${symbol}${number}` : `${number} ${currency}`;
}

/**
 * An amount as a cell: with data-type `capabilities` a number carrying the currency's number format (a Double,
 * or the FormattedNumber fallback before ExcelApi 1.19); without, the rounded plain number (custom functions
 * cannot format a plain spilled number — the header names the currency).
 */
export function moneyCell(
  amount: number,
  currency: string,
  capabilities: RichCellCapabilities,
): Excel.DoubleCellValue | Excel.FormattedNumberCellValue;
export function moneyCell(
  amount: number,
  currency: string,
  capabilities: RichCellCapabilities | null,
): number | Excel.DoubleCellValue | Excel.FormattedNumberCellValue;
export function moneyCell(
  amount: number,
  currency: string,
  capabilities: RichCellCapabilities | null,
): number | Excel.DoubleCellValue | Excel.FormattedNumberCellValue {
  const rounded = roundMoney(amount, currency);
  return capabilities ? numberValue(rounded, currencyNumberFormat(currency, amount), capabilities) : rounded;
}
