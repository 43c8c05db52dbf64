import {
  CurrencyCode,
  LANGUAGES,
  type Language,
  PROVIDER_IDS,
  type ProviderId,
  type RouteSort,
  SORTS,
} from '@yuantou/core';

// `options` of =SUPPLIERS/=PRODUCTS/=PRODUCTSBYIMAGE: a string such as
// "provider=tmapi,onebound; factoryOnly; city=汕头; sort=repurchase", or a 2-column range of name/value pairs.
// Names are case-insensitive and have short aliases, because people type them into cells by hand.

/** Filters a cell formula can set; the keys match the proxy's query parameters (api/routes.ts). */
export interface SearchOptions {
  provider?: ProviderId[];
  factoryOnly?: boolean;
  city?: string;
  province?: string;
  sort?: RouteSort;
  priceMin?: number;
  priceMax?: number;
  minOrder?: number;
  /** Output language of titles (`en`, `ru`, …); providers that cannot give it report it as ignored. */
  language?: Language;
  /** Prices also in this currency (ISO 4217, e.g. USD), next to CNY. */
  currency?: string;
}

/** An option the user wrote that we cannot use; the message names it so the cell says what to fix. */
export class InvalidOptionError extends Error {
  override readonly name = 'InvalidOptionError';
  constructor(
    readonly option: string,
    detail: string,
  ) {
    super(`option "${option}": ${detail}`);
  }
}

type OptionName = keyof SearchOptions;
type CellValue = string | number | boolean | null | undefined;

const ALIASES: Readonly<Record<string, OptionName>> = {
  provider: 'provider',
  providers: 'provider',
  factoryonly: 'factoryOnly',
  factory: 'factoryOnly',
  city: 'city',
  province: 'province',
  sort: 'sort',
  pricemin: 'priceMin',
  minprice: 'priceMin',
  pricemax: 'priceMax',
  maxprice: 'priceMax',
  minorder: 'minOrder',
  moq: 'minOrder',
  language: 'language',
  lang: 'language',
  currency: 'currency',
  ccy: 'currency',
};

const ROUTE_SORTS: readonly string[] = ['score', ...SORTS];
const KNOWN_NAMES =
  'provider, factoryOnly, city, province, sort, priceMin, priceMax, minOrder, language, currency';

function parseBoolean(option: string, value: CellValue): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  // A bare flag ("factoryOnly") means true.
  if (['', 'true', 'yes', '1', 'y', '是'].includes(text)) return true;
  if (['false', 'no', '0', 'n', '否'].includes(text)) return false;
  throw new InvalidOptionError(option, `"${value}" is not yes/no`);
}

function parseAmount(option: string, value: CellValue, integer: boolean): number {
  const amount = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  if (String(value ?? '').trim() === '' || !Number.isFinite(amount) || amount < 0) {
    throw new InvalidOptionError(option, `"${value ?? ''}" is not a number ≥ 0`);
  }
  if (integer && !Number.isInteger(amount))
    throw new InvalidOptionError(option, `"${value}" is not a whole number`);
  return amount;
}

function parseText(option: string, value: CellValue): string {
  const text = String(value ?? '').trim();
  if (text === '') throw new InvalidOptionError(option, 'needs a value');
  if (text.length > 50) throw new InvalidOptionError(option, 'is longer than 50 characters');
  return text;
}

function parseProviders(option: string, value: CellValue): ProviderId[] {
  const names = String(value ?? '')
    .split(/[,，\s]+/)
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0)
    throw new InvalidOptionError(option, `name at least one of ${PROVIDER_IDS.join(', ')}`);
  const unknown = names.find((n) => !(PROVIDER_IDS as readonly string[]).includes(n));
  if (unknown)
    throw new InvalidOptionError(option, `unknown provider "${unknown}" (use ${PROVIDER_IDS.join(', ')})`);
  return [...new Set(names)] as ProviderId[];
}

function applyOption(options: SearchOptions, rawName: string, value: CellValue): void {
  const option = rawName.trim();
  const name = ALIASES[option.toLowerCase().replace(/[\s_-]/g, '')];
  if (!name) throw new InvalidOptionError(option, `unknown option (use ${KNOWN_NAMES})`);
  switch (name) {
    case 'provider':
      options.provider = parseProviders(option, value);
      return;
    case 'factoryOnly':
      options.factoryOnly = parseBoolean(option, value);
      return;
    case 'city':
    case 'province':
      options[name] = parseText(option, value);
      return;
    case 'sort': {
      const sort = String(value ?? '')
        .trim()
        .toLowerCase();
      if (!ROUTE_SORTS.includes(sort)) {
        throw new InvalidOptionError(option, `"${value ?? ''}" is not one of ${ROUTE_SORTS.join(', ')}`);
      }
      options.sort = sort as RouteSort;
      return;
    }
    case 'priceMin':
    case 'priceMax':
      options[name] = parseAmount(option, value, false);
      return;
    case 'minOrder':
      options.minOrder = parseAmount(option, value, true);
      return;
    case 'language': {
      const language = String(value ?? '')
        .trim()
        .toLowerCase();
      if (!(LANGUAGES as readonly string[]).includes(language)) {
        throw new InvalidOptionError(option, `"${value ?? ''}" is not one of ${LANGUAGES.join(', ')}`);
      }
      options.language = language as Language;
      return;
    }
    case 'currency': {
      const currency = CurrencyCode.safeParse(String(value ?? ''));
      if (!currency.success) {
        throw new InvalidOptionError(
          option,
          `"${value ?? ''}" is not a currency code such as USD, EUR or GBP`,
        );
      }
      options.currency = currency.data;
    }
  }
}

function checkPriceRange(options: SearchOptions): SearchOptions {
  if (
    options.priceMin !== undefined &&
    options.priceMax !== undefined &&
    options.priceMin > options.priceMax
  ) {
    throw new InvalidOptionError('priceMin', 'must not exceed priceMax');
  }
  return options;
}

/** `"provider=tmapi,onebound; factoryOnly; city=汕头"` → options. Empty text → no options. */
export function parseOptionsText(text: string): SearchOptions {
  const options: SearchOptions = {};
  for (const part of text.split(/[;；\n]/)) {
    if (part.trim() === '') continue;
    const eq = part.search(/[=:＝]/);
    if (eq === -1) applyOption(options, part, '');
    else applyOption(options, part.slice(0, eq), part.slice(eq + 1));
  }
  return checkPriceRange(options);
}

/**
 * The `options` argument as Excel passes it (always a matrix, since the parameter is declared `any[][]`):
 * one cell of text, or rows of name/value pairs. Blank rows are skipped.
 */
export function parseOptionsArgument(argument: CellValue[][] | CellValue | undefined): SearchOptions {
  if (argument === undefined || argument === null) return {};
  if (!Array.isArray(argument)) return parseOptionsText(String(argument));
  const rows = argument.filter((row) =>
    row.some((cell) => cell !== null && cell !== undefined && cell !== ''),
  );
  if (rows.length === 0) return {};
  const first = rows[0]!;
  if (rows.length === 1 && first.length === 1) return parseOptionsText(String(first[0] ?? ''));
  if (first.length !== 2) {
    throw new InvalidOptionError('options', 'give text like "factoryOnly; city=汕头" or a 2-column range');
  }
  const options: SearchOptions = {};
  for (const [name, value] of rows) applyOption(options, String(name ?? ''), value);
  return checkPriceRange(options);
}
