import { ImageSearchBody, SearchParams } from '@yuantou/core';
import { InputError } from './input-error.js';

// The add-in's own part of search options: how people WRITE them in a cell. `options` of =SUPPLIERS,
// =PRODUCTS and =PRODUCTSBYIMAGE is text such as "provider=tmapi,onebound; factoryOnly; city=汕头; sort=repurchase"
// or a 2-column range of names and values. Names are case-insensitive and have short aliases, because people
// type them by hand. What the options MEAN (types, ranges, enums) is core's SearchParams / ImageSearchBody
// schema, validated in search-input.ts — so every parameter the proxy accepts (e.g. `language`) works here
// without a line of add-in code, and nothing drifts.

export type CellValue = string | number | boolean | null | undefined;

/** One option as written: `written` is the user's spelling (for messages), `key` core's parameter name. */
export interface WrittenOption {
  written: string;
  key: string;
  value: CellValue;
}

/**
 * Parameters set by the function's own arguments or by the add-in (keyword, image, paging), never by `options`.
 */
const NOT_OPTIONS = new Set(['q', 'imageUrl', 'imageBase64', 'page', 'pageSize']);

/**
 * Extra spellings. Core's own names (any case, `_`/`-`/spaces ignored) always work; add an alias here only
 * for a word people actually type.
 */
const ALIASES: Readonly<Record<string, string>> = {
  providers: 'provider',
  factory: 'factoryOnly',
  minprice: 'priceMin',
  maxprice: 'priceMax',
  moq: 'minOrder',
  lang: 'language',
  ccy: 'currency',
};

/**
 * Options that change how the add-in shows results, not what the proxy is asked; never sent. `rich=off` gives
 * plain values where the host could show pictures and cards.
 */
export const ADDIN_OPTION_NAMES = ['rich'] as const;
export type AddinOptionName = (typeof ADDIN_OPTION_NAMES)[number];

/** Every option name core's schemas accept (plus the add-in's own), for lookups and for "use …" hints. */
export const OPTION_NAMES: readonly string[] = [
  ...new Set([...Object.keys(SearchParams.shape), ...Object.keys(ImageSearchBody.shape)]),
]
  .filter((key) => !NOT_OPTIONS.has(key))
  .concat(ADDIN_OPTION_NAMES);

const squash = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');
const BY_NAME: ReadonlyMap<string, string> = new Map([
  ...OPTION_NAMES.map((key) => [squash(key), key] as const),
  ...Object.entries(ALIASES).filter(([, key]) => OPTION_NAMES.includes(key)),
]);

/** Chinese yes/no as typed into cells; core reads yes/no/true/false/1/0. */
const VALUE_WORDS: Readonly<Record<string, string>> = { 是: 'yes', 否: 'no' };

function cellText(value: CellValue): CellValue {
  if (typeof value === 'boolean' || value === null || value === undefined) return value;
  // Numbers go as text, like a query string: core's coercions read both, and booleans read "1"/"0".
  const text = String(value)
    .trim()
    .replace(/[，、]/g, ',')
    .replace(/\s*,\s*/g, ',');
  return VALUE_WORDS[text] ?? text;
}

function option(rawName: string, value: CellValue): WrittenOption {
  const written = rawName.trim();
  const key = BY_NAME.get(squash(written));
  if (!key) throw InputError.option(written, `unknown option (use ${OPTION_NAMES.join(', ')})`);
  return { written, key, value: cellText(value) };
}

/** `"provider=tmapi,onebound; factoryOnly; city=汕头"` → written options. Empty text → none. */
export function readOptionsText(text: string): WrittenOption[] {
  const options: WrittenOption[] = [];
  for (const part of text.split(/[;；\n]/)) {
    if (part.trim() === '') continue;
    const eq = part.search(/[=:＝：]/);
    options.push(eq === -1 ? option(part, '') : option(part.slice(0, eq), part.slice(eq + 1)));
  }
  return options;
}

/**
 * The `options` argument as Excel passes it (a matrix, since the parameter is declared `any[][]`): one cell
 * of text, or rows of name/value pairs. Blank rows are skipped.
 */
export function readOptionsArgument(argument: CellValue[][] | CellValue): WrittenOption[] {
  if (argument === undefined || argument === null) return [];
  if (!Array.isArray(argument)) return readOptionsText(String(argument));
  const rows = argument.filter((row) =>
    row.some((cell) => cell !== null && cell !== undefined && cell !== ''),
  );
  if (rows.length === 0) return [];
  const first = rows[0]!;
  if (rows.length === 1 && first.length === 1) return readOptionsText(String(first[0] ?? ''));
  if (first.length !== 2) {
    throw new InputError('options', 'options: give text like "factoryOnly; city=汕头" or a 2-column range');
  }
  return rows.map(([name, value]) => option(String(name ?? ''), value));
}

/** The add-in's own options, taken out of what is validated against core's schemas and sent to the proxy. */
export function splitAddinOptions(options: readonly WrittenOption[]): {
  addin: Partial<Record<AddinOptionName, WrittenOption>>;
  search: WrittenOption[];
} {
  const addin: Partial<Record<AddinOptionName, WrittenOption>> = {};
  const search: WrittenOption[] = [];
  for (const option of options) {
    if ((ADDIN_OPTION_NAMES as readonly string[]).includes(option.key))
      addin[option.key as AddinOptionName] = option;
    else search.push(option);
  }
  return { addin, search };
}

/** `rich`, `rich=on`, `rich=yes` → true; `rich=off`, `no`, `0`, `false` → false; absent → true. */
export function richOption(option: WrittenOption | undefined): boolean {
  if (!option) return true;
  const value = String(option.value ?? '')
    .trim()
    .toLowerCase();
  if (['', 'on', 'yes', 'true', '1'].includes(value)) return true;
  if (['off', 'no', 'false', '0'].includes(value)) return false;
  throw InputError.option(option.written, `"${option.value}" is not on/off`);
}
