import {
  type ConversionFailure,
  convertCny,
  getProvider,
  type KeywordTranslation,
  type Language,
  type ProductPriceAt,
  type ProductResult,
  type ProviderId,
  productPriceAt,
  type RankedProduct,
  type RankedSupplier,
  type RateQuote,
  type SupplierResult,
  trustedTranslation,
} from '@yuantou/core';
import type { CurrencyConverter } from '../fx/currency-converter.js';
import type { KeywordTranslator } from '../language/keyword-translator.js';
import { flagLabels, sellerLabels } from '../language/seller-labels.js';

// Language and currency around a search: the keyword each provider is sent, the rate applied to prices, and
// the translated fields checked before they reach a "translated" column.

export interface KeywordPlan {
  keywordFor(provider: ProviderId): string;
  /** Present when the keyword needed translating for at least one provider. */
  translation?: KeywordTranslation;
}

/**
 * Whether a provider's own search takes the buyer's words (it translates them itself), as its adapter declares
 * (`translatesKeyword`): the official platform's `offerQueryParam.keywordTranslate` ("If true, keyword
 * translation is skipped") gets the keyword as typed; DajiSaaS says "请使用中文关键词，如果是非中文请自行翻译" (use
 * Chinese keywords, translate yourself); PandaPon does not document it, so it (and demo) gets the translation.
 * TMAPI's `/1688/global/search/items` takes a `language` but
 * "whether an English keyword is translated server-side is not stated" (its doc example sends 马克杯), and
 * Onebound's `lang` "translates output only" — so both are sent our translation (offer-details §9.2).
 */
export function searchesInBuyersWords(provider: ProviderId): boolean {
  return getProvider(provider).translatesKeyword === true;
}

export async function planKeyword(
  translator: KeywordTranslator,
  keyword: string,
  providers: readonly ProviderId[],
  signal?: AbortSignal,
): Promise<KeywordPlan> {
  const needing = providers.filter((p) => !searchesInBuyersWords(p));
  if (needing.length === 0) return { keywordFor: () => keyword };
  const result = await translator.translate(keyword, signal);
  if (result.method === 'none') return { keywordFor: () => keyword };
  const keywordFor = (provider: ProviderId) =>
    searchesInBuyersWords(provider) ? keyword : result.searchedAs;
  const ourPath = result.method === 'untranslated' ? 'typed' : result.method;
  return {
    keywordFor,
    translation: {
      ...result,
      providers: needing,
      paths: providers.map((provider) => ({
        provider,
        path: searchesInBuyersWords(provider) ? ('provider' as const) : ourPath,
        keyword: keywordFor(provider),
      })),
    },
  };
}

export async function quoteCurrency(
  fx: CurrencyConverter,
  currency: string | undefined,
  signal?: AbortSignal,
): Promise<RateQuote | ConversionFailure | undefined> {
  return currency === undefined ? undefined : fx.quote(currency, signal);
}

type Quote = RateQuote | ConversionFailure;

/** Converts a CNY amount, keeping `null` (no price) as `null`. */
const convert = (cny: number | null, quote: Quote) => convertCny(cny, quote);

/** A product's tier ladder and price at quantity in the buyer's currency (CNY kept in the product's fields). */
function convertedPrices(product: RankedProduct, priceAtQuantity: ProductPriceAt | undefined, quote: Quote) {
  const tiers = product.priceTiers ?? [];
  return {
    priceConverted: convert(product.price, quote),
    priceMaxConverted: convert(product.priceMax, quote),
    ...(tiers.length > 0
      ? {
          priceTiersConverted: tiers.map((tier) => ({
            minQuantity: tier.minQuantity,
            price: convert(tier.price, quote)!,
            ...(tier.promotionPrice == null ? {} : { promotionPrice: convert(tier.promotionPrice, quote)! }),
          })),
        }
      : {}),
    ...(priceAtQuantity
      ? {
          priceAtQuantityConverted: {
            unitPrice: convert(priceAtQuantity.unitPrice, quote),
            subtotal: convert(priceAtQuantity.subtotal, quote),
            ...(priceAtQuantity.cheaperTotalAt
              ? { cheaperTotalAt: convert(priceAtQuantity.cheaperTotalAt.subtotal, quote)! }
              : {}),
          },
        }
      : {}),
  };
}

/**
 * A ranked product as the search answers it: its title translation checked, its seller's member id as a column,
 * with `quantity` its price at that quantity, with a currency every price converted, and with a language other
 * than `zh` the seller's places, labels and the red flags in English.
 */
export function localizeProduct(
  product: RankedProduct,
  quote: Quote | undefined,
  language: Language | undefined,
  quantity?: number,
): ProductResult {
  const titleTranslated = trustedTranslation(product.title, product.titleTranslated, language);
  const priceAtQuantity = quantity === undefined ? undefined : productPriceAt(product, quantity);
  const seller = product.supplier ? sellerLabels(product.supplier, language) : undefined;
  const flagsTranslated = flagLabels(product.flags, language);
  return {
    ...product,
    titleTranslated,
    memberId: product.supplier?.id ?? null,
    ...(priceAtQuantity ? { priceAtQuantity } : {}),
    ...(quote ? convertedPrices(product, priceAtQuantity, quote) : {}),
    ...(seller ? { sellerTranslated: seller } : {}),
    ...(flagsTranslated ? { flagsTranslated } : {}),
  };
}

/** A ranked supplier as the search answers it: member id, converted price range, English places and labels. */
export function localizeSupplier(
  supplier: RankedSupplier,
  quote: Quote | undefined,
  language?: Language,
): SupplierResult {
  const translated = sellerLabels(supplier, language);
  const flagsTranslated = flagLabels(supplier.flags, language);
  return {
    ...supplier,
    memberId: supplier.id,
    ...(quote
      ? {
          priceMinConverted: convert(supplier.priceMin, quote),
          priceMaxConverted: convert(supplier.priceMax, quote),
        }
      : {}),
    ...(translated ? { translated } : {}),
    ...(flagsTranslated ? { flagsTranslated } : {}),
  };
}
