import { ImageSearchBody, SearchParams } from '@yuantou/core';
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
const NOT_OPTIONS = new Set(['q', 'imageUrl', 'imageBase64', 'page', 'pageSize']);

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
