import {
  type ConversionFailure,
  convertCny,
  getProvider,
  type KeywordTranslation,
  type Language,
  type ProductResult,
  type ProviderId,
  type RankedProduct,
  type RankedSupplier,
  type RateQuote,
  type SupplierResult,
  trustedTranslation,
} from '@yuantou/core';
import type { CurrencyConverter } from '../fx/currency-converter.js';
import type { KeywordTranslator } from '../language/keyword-translator.js';

// Language and currency around a search: the keyword each provider is sent, the rate applied to prices, and
// the translated fields checked before they reach a "translated" column.

/**
 * Whether a provider translates a non-Chinese keyword itself, as its adapter declares (`translatesKeyword`): the
 * official platform's `offerQueryParam.keywordTranslate` ("If true, keyword translation is skipped") gets the
 * keyword as typed; DajiSaaS says "请使用中文关键词，如果是非中文请自行翻译" (use Chinese keywords, translate
 * yourself); TMAPI, Onebound and PandaPon do not document it, so they (and demo) get the translation.
 */
function translatesKeyword(provider: ProviderId): boolean {
  return getProvider(provider).translatesKeyword === true;
}

export interface KeywordPlan {
  keywordFor(provider: ProviderId): string;
  /** Present when the keyword needed translating for at least one provider. */
  translation?: KeywordTranslation;
}

export async function planKeyword(
  translator: KeywordTranslator,
  keyword: string,
  providers: readonly ProviderId[],
  signal?: AbortSignal,
): Promise<KeywordPlan> {
  const needing = providers.filter((p) => !translatesKeyword(p));
  if (needing.length === 0) return { keywordFor: () => keyword };
  const result = await translator.translate(keyword, signal);
  if (result.method === 'none') return { keywordFor: () => keyword };
  return {
    keywordFor: (provider) => (translatesKeyword(provider) ? keyword : result.searchedAs),
    translation: { ...result, providers: needing },
  };
}

export async function quoteCurrency(
  fx: CurrencyConverter,
  currency: string | undefined,
  signal?: AbortSignal,
): Promise<RateQuote | ConversionFailure | undefined> {
  return currency === undefined ? undefined : fx.quote(currency, signal);
}

export function localizeProduct(
  product: RankedProduct,
  quote: RateQuote | ConversionFailure | undefined,
  language: Language | undefined,
): ProductResult {
  const titleTranslated = trustedTranslation(product.title, product.titleTranslated, language);
  const base = titleTranslated === product.titleTranslated ? product : { ...product, titleTranslated };
  if (!quote) return base;
  return {
    ...base,
    priceConverted: convertCny(product.price, quote),
    priceMaxConverted: convertCny(product.priceMax, quote),
  };
}

export function localizeSupplier(
  supplier: RankedSupplier,
  quote: RateQuote | ConversionFailure | undefined,
): SupplierResult {
  if (!quote) return supplier;
  return {
    ...supplier,
    priceMinConverted: convertCny(supplier.priceMin, quote),
    priceMaxConverted: convertCny(supplier.priceMax, quote),
  };
}
