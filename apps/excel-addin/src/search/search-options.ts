import { ImageSearchBody, SearchParams } from '@yuantou/core';
import { InputError } from '../cells/input-error.js';

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

/** `"a=1; b; c：3"` → name/value pairs as written (a name alone has the value `''`). Empty text → none. */
function textPairs(text: string): [string, CellValue][] {
  return text
    .split(/[;；\n]/)
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const eq = part.search(/[=:＝：]/);
      return eq === -1 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    });
}

/**
 * An `options` argument as Excel passes it (a matrix, since the parameter is declared `any[][]`) as name/value
 * pairs, as written: one cell of text, or rows of a 2-column range (blank rows skipped). `example` is the text
 * form the error for any other shape shows. What names and values mean is the caller's: the search functions'
 * (below) and the offer functions' options read them the same way.
 */
export function optionPairs(argument: CellValue[][] | CellValue, example: string): [string, CellValue][] {
  if (argument === undefined || argument === null) return [];
  if (!Array.isArray(argument)) return textPairs(String(argument));
  const rows = argument.filter((row) =>
    row.some((cell) => cell !== null && cell !== undefined && cell !== ''),
  );
  if (rows.length === 0) return [];
  const first = rows[0]!;
  if (rows.length === 1 && first.length === 1) return textPairs(String(first[0] ?? ''));
  if (first.length !== 2) {
    throw new InputError('options', `options: give text like "${example}" or a 2-column range`);
  }
  return rows.map(([name, value]) => [String(name ?? ''), value]);
}

/** `"provider=tmapi,onebound; factoryOnly; city=汕头"` → written options. Empty text → none. */
export function readOptionsText(text: string): WrittenOption[] {
  return textPairs(text).map(([name, value]) => option(name, value));
}

/** The search functions' `options` argument as written options (see {@link optionPairs}). */
export function readOptionsArgument(argument: CellValue[][] | CellValue): WrittenOption[] {
  return optionPairs(argument, 'factoryOnly; city=汕头').map(([name, value]) => option(name, value));
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
