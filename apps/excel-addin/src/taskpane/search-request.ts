import type { ImageSearchBodyInput, Language, ProviderId, SearchParamsInput } from '@yuantou/core';

// The pane's form values → the proxy request. Pure, so the mapping (blank fields omitted, numbers parsed,
// mode chooses the route) is unit-tested without a DOM.

export type SearchMode = 'suppliers' | 'products' | 'image';

export interface SearchFormValues {
  mode: SearchMode;
  /** Keyword, or the image URL in image mode. */
  query: string;
  providers: ProviderId[];
  factoryOnly: boolean;
  city: string;
  priceMin: string;
  priceMax: string;
  minOrder: string;
  pageSize: number;
}

export type SearchRequest =
  | { mode: 'suppliers' | 'products'; params: SearchParamsInput }
  | { mode: 'image'; body: ImageSearchBodyInput };

export class FormError extends Error {
  constructor(
    readonly field: keyof SearchFormValues,
    message: string,
  ) {
    super(message);
  }
}

function amount(field: 'priceMin' | 'priceMax' | 'minOrder', text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0) throw new FormError(field, `${field} must be a number ≥ 0`);
  if (field === 'minOrder' && !Number.isInteger(value))
    throw new FormError(field, 'MOQ must be a whole number');
  return value;
}

/** The pane's language and currency settings, sent with every pane search. */
export interface SearchLocale {
  language?: Language;
  currency?: string;
}

export function toSearchRequest(values: SearchFormValues, locale: SearchLocale = {}): SearchRequest {
  const query = values.query.trim();
  if (query === '') {
    throw new FormError(
      'query',
      values.mode === 'image' ? 'enter an image URL' : 'enter a keyword, e.g. 玩具厂',
    );
  }
  const filters = {
    ...(values.providers.length > 0 ? { provider: values.providers } : {}),
    ...(values.factoryOnly ? { factoryOnly: true } : {}),
    ...(values.city.trim() ? { city: values.city.trim() } : {}),
    priceMin: amount('priceMin', values.priceMin),
    priceMax: amount('priceMax', values.priceMax),
    minOrder: amount('minOrder', values.minOrder),
    pageSize: values.pageSize,
    language: locale.language,
    currency: locale.currency,
  };
  if (
    filters.priceMin !== undefined &&
    filters.priceMax !== undefined &&
    filters.priceMin > filters.priceMax
  ) {
    throw new FormError('priceMin', 'the lowest price is above the highest');
  }
  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
  if (values.mode === 'image') {
    if (!/^https?:\/\/\S+$/i.test(query)) throw new FormError('query', 'the image must be an http(s) link');
    return { mode: 'image', body: { imageUrl: query, ...clean } };
  }
  return { mode: values.mode, params: { q: query, ...clean } };
}
