import { InputError } from '../cells/input-error.js';
import type { WrittenOption } from '../cells/option-reader.js';
import { type SearchKind, type SearchRequest, validateSearch } from '../search/search-input.js';

// The pane's form → the proxy request, validated like a cell's options (core's schemas via search-input.ts).
// Every filter input in taskpane.html carries `data-option="<core parameter>"`, so a new search parameter
// needs one input and nothing here. Pure (form values in, request out), so it is unit-tested without a DOM.

export type SearchMode = SearchKind;

/** One filter as the form holds it: a text or select value, a checkbox, or a group of checked values. */
export interface FormOption {
  key: string;
  /** The field's visible label, so a message names what the user sees. */
  label: string;
  value: string | boolean | readonly string[];
}

export interface SearchFormValues {
  mode: SearchMode;
  /** Keyword, or the image URL in image mode. */
  query: string;
  options: readonly FormOption[];
  pageSize: number;
  /** Image mode with the buyer's own photo: its base64, and the detected region and keyword to refine by. */
  photo?: { base64: string; region?: string; keyword?: string };
}

/** Blank fields, unchecked boxes and empty groups mean "no filter" and are not sent. */
export function writtenOptions(options: readonly FormOption[]): WrittenOption[] {
  const written: WrittenOption[] = [];
  for (const { key, label, value } of options) {
    if (value === false) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) written.push({ written: label, key, value: value.join(',') });
      continue;
    }
    if (typeof value === 'string' && value.trim() === '') continue;
    written.push({ written: label, key, value: value === true ? 'yes' : String(value).trim() });
  }
  return written;
}

/**
 * The workbook's defaults: sent with every pane search whose form does not set them (quantity with product
 * searches only: the supplier search refuses it).
 */
export interface SearchLocale {
  language?: string;
  currency?: string;
  quantity?: number | '';
}

export function toSearchRequest(values: SearchFormValues, locale: SearchLocale = {}): SearchRequest {
  const written = writtenOptions(values.options);
  const quantity = written.find((o) => o.key === 'quantity');
  if (quantity && values.mode === 'suppliers')
    throw InputError.option(quantity.written, 'prices products: switch to a product search to use it');
  const defaults = Object.entries(locale)
    .filter(([key]) => !(key === 'quantity' && values.mode === 'suppliers'))
    .filter(([key, value]) => value && !written.some((o) => o.key === key))
    .map(([key, value]) => ({ written: `${key} (workbook default)`, key, value: String(value) }));
  const photo = values.mode === 'image' ? values.photo : undefined;
  const refine = writtenOptions([
    { key: 'region', label: 'Object in the photo', value: photo?.region ?? '' },
    { key: 'keyword', label: 'Keyword within the matches', value: photo?.keyword ?? '' },
  ]);
  return validateSearch({
    kind: values.mode,
    subject: values.query,
    subjectName: photo ? 'photo' : values.mode === 'image' ? 'image URL' : 'keyword',
    options: [...defaults, ...written, ...refine],
    pageSize: values.pageSize,
    ...(photo ? { imageBase64: photo.base64 } : {}),
  });
}
