import type { ImageSearchBodyInput, SearchParamsInput } from '@yuantou/core';
import { MAX_AGE_OPTION_DOC } from '../cells/freshness.js';
import {
  type CellValue,
  OptionNames,
  optionPairs,
  textPairs,
  type WrittenOption,
} from '../cells/option-reader.js';

// The search functions' options: `options` of =SUPPLIERS, =PRODUCTS and =PRODUCTSBYIMAGE, read by the one
// option reader (cells/option-reader.ts). What the options MEAN (types, ranges, enums) is core's SearchParams /
// ImageSearchBody schema, validated in search-input.ts — so every parameter the proxy accepts (e.g. `language`)
// works here without a line of add-in code, and nothing drifts.

/**
 * Parameters set by the function's own arguments or by the add-in (keyword, image, paging), never by `options`.
 */
type NotOption = 'q' | 'imageUrl' | 'imageBase64' | 'page' | 'pageSize' | 'maxAge';
// `maxAge` is sent on every request (cells/freshness.ts): the `maxAge` option below is the add-in's own, read as
// an age such as `1d` or `6h`, not core's whole seconds.

/**
 * Options that change how the add-in shows results or how old an answer it takes; not validated by core's search
 * schema. `rich=off` gives plain values where the host could show pictures and cards; `maxAge=1d` asks for
 * values at most that old (sent as the request's `maxAge`, cells/freshness.ts).
 */
export const ADDIN_OPTION_NAMES = ['rich', 'maxAge'] as const;
export type AddinOptionName = (typeof ADDIN_OPTION_NAMES)[number];

export type SearchOptionName =
  | Exclude<keyof SearchParamsInput | keyof ImageSearchBodyInput, NotOption>
  | AddinOptionName;

/**
 * Every option the search functions take, with what it does. Typed against core's schemas: a parameter core
 * adds fails the build until it is described here, and the reader's names ARE these keys, so =FIELDS, the
 * builder and the reader cannot differ. Values are checked by core's schemas (search-input.ts).
 */
export const SEARCH_OPTION_DOCS: Readonly<Record<SearchOptionName, string>> = {
  provider:
    'Only these providers, comma-separated: tmapi, onebound, alibaba, dajisaas, pandapon, demo (providers).',
  sort: 'score (default), default, price_asc, price_desc, sales, repurchase, credit, newest.',
  factoryOnly: 'Factories only, no traders (factory).',
  city: 'Only suppliers in this city, e.g. 汕头.',
  province: 'Only suppliers in this province, e.g. 广东.',
  priceMin: 'Lowest unit price in CNY (minPrice).',
  priceMax: 'Highest unit price in CNY (maxPrice).',
  minOrder: 'Only offers whose minimum order is at most this many pieces (moq).',
  language:
    'Translate titles: zh, en, ru, vi, ja, ko, fr, pt, es; an English keyword is searched in Chinese (lang).',
  currency: 'Add the CNY price converted to this ISO currency, e.g. USD, and a rate date column (ccy).',
  quantity:
    '=PRODUCTS: the pieces you mean to order; each product is priced and ranked at this quantity (qty). =SUPPLIERS refuses it.',
  region:
    '=PRODUCTSBYIMAGE: search only this part of the photo, "x1,x2,y1,y2" in pixels, e.g. 120,480,80,560 — one of the regions the official platform (provider=alibaba) reported; other providers ignore it.',
  keyword:
    "=PRODUCTSBYIMAGE: narrow the image matches by a word, e.g. 毛绒 (the official platform's search within results; other providers ignore it).",
  rich: 'rich=off: plain values where Excel could show cards and pictures.',
  maxAge: MAX_AGE_OPTION_DOC,
};

/** Every option name, for lookups and for "use …" hints. */
export const OPTION_NAMES: readonly string[] = Object.keys(SEARCH_OPTION_DOCS);

const SEARCH_OPTIONS = new OptionNames(OPTION_NAMES);

/** `"provider=tmapi,onebound; factoryOnly; city=汕头"` → written options. Empty text → none. */
export function readOptionsText(text: string): WrittenOption[] {
  return textPairs(text).map(([name, value]) => SEARCH_OPTIONS.read(name, value));
}

/** The search functions' `options` argument as written options (see {@link optionPairs}). */
export function readOptionsArgument(argument: CellValue[][] | CellValue): WrittenOption[] {
  return optionPairs(argument, 'factoryOnly; city=汕头').map(([name, value]) =>
    SEARCH_OPTIONS.read(name, value),
  );
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
