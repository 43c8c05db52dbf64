import type { Product } from '../models/product.js';
import type { RankedProduct, RedFlag } from '../models/ranked.js';
import { productPriceAt } from '../offers/product-price-at.js';
import { offTopicFlag, quantityFlag, sellerFlags } from './red-flags.js';
import { type KeywordMatcher, searchMatcher } from './relevance.js';
import { type FactorInput, rankEntries, resolveWeights } from './score-factors.js';
import {
  creditFraction,
  creditScoreFraction,
  factoryLevelFraction,
  organicFraction,
  rateFraction,
  returnRateFraction,
  tradeLevelFraction,
} from './supplier-signals.js';
import { inferFactory } from './trader-inference.js';

/** Relative importance of each signal; only ratios matter (the score is always out of 100). */
export interface ProductWeights {
  /** The keyword against the title, its translation and the seller's name, products and tags. */
  relevance: number;
  /** The price's percentile within the results (cheaper is better); at the buyer's quantity when known. */
  price: number;
  /** Minimum order, log scale (1 piece best, 1,000+ worst); with a `quantity`, whether the MOQ fits it. */
  moq: number;
  /** Monthly sales, log scale (10,000+/month best). */
  sales: number;
  /** The listing's repurchase rate. */
  repurchase: number;
  /** The seller: factory or trader, factory level, credit level and score, trade medal, return rate. */
  supplier: number;
  /** Not a paid placement. */
  organic: number;
}

/** The defaults sum to 100, so each weight reads directly as "points out of 100". */
export const DEFAULT_PRODUCT_WEIGHTS: Readonly<ProductWeights> = {
  /**
   * The keyword against the title (and the seller's name and tags): providers pad results with loosely
   * related listings, and a cheap best-seller of the wrong item is no answer.
   */
  relevance: 20,
  /** Who makes it: factory (declared or inferred), its tier, credit level, credit score, trade medal, returns. */
  supplier: 20,
  /** Price is why one sources on 1688; relative to the other results, since prices differ across trades. */
  price: 20,
  /** Monthly sales show the listing is real and the seller can deliver at volume. */
  sales: 15,
  /** The MOQ decides whether a small buyer can order at all (1–10 pieces vs thousands). */
  moq: 10,
  /** Buyers reordering this very item: measured evidence of quality, but often missing. */
  repurchase: 10,
  /** A slight penalty for paid placements, which providers list first regardless of merit. */
  organic: 5,
};

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The unit price a product is compared on: at the buyer's quantity where its search result has quantity prices
 * (issue 21: the lowest tier, ¥8.75 at 3,060+ pieces, is not what 500 pieces cost), else its lowest price.
 */
function comparedPrice(
  product: Product,
  quantity: number | undefined,
): { price: number | null; note?: string } {
  if (quantity === undefined || quantity <= 0) return { price: product.price };
  const at = productPriceAt(product, quantity);
  if (at.basis !== 'tiers')
    return { price: product.price, note: `lowest price: no quantity prices for ${quantity}` };
  return { price: at.unitPrice, note: `at ${quantity} pieces (tier from ${at.tierMinQuantity})` };
}

/**
 * Where a price sits among the other known prices: 1 cheapest, 0 dearest, ties share the middle. A percentile
 * rather than a linear scale, so one 500-yuan outlier does not squash every other price to "cheap".
 */
function priceFractions(prices: readonly (number | null)[]): (price: number | null) => number | null {
  const known = prices.filter((p): p is number => p !== null);
  return (price) => {
    if (price === null || known.length < 2) return null;
    const dearer = known.filter((p) => p > price).length;
    const equalOthers = known.filter((p) => p === price).length - 1;
    return (dearer + equalOthers / 2) / (known.length - 1);
  };
}

/**
 * MOQ on a log scale: 1 piece → 1, 1,000+ pieces → 0; about 32 pieces is neutral. With the buyer's quantity,
 * any MOQ up to it earns the full share (they can order) and one above it earns nothing (and is a red flag).
 */
const moqFraction = (moq: number | null, quantity?: number) => {
  if (moq === null) return null;
  if (quantity !== undefined) return moq <= quantity ? 1 : 0;
  return 1 - Math.min(1, Math.max(0, Math.log10(Math.max(moq, 1)) / 3));
};

/** Monthly sales on a log scale: 0 → 0, 10,000+ → 1; 100 a month is neutral. */
const salesFraction = (sold: number | null) => (sold === null ? null : Math.min(1, Math.log10(sold + 1) / 4));

/**
 * The mean of what the listing says about its seller (factory — declared or inferred from the name and tags —,
 * tier, credit level and score, trade medal, return rate); unknown when it says nothing.
 */
function supplierQuality(product: Product): { value: string | null; fraction: number | null; note?: string } {
  const s = product.supplier;
  const trader = inferFactory(s ?? {});
  const signals = [
    trader.fraction,
    factoryLevelFraction(s?.factoryLevel, s?.isSuperFactory),
    creditFraction(s?.creditLevel),
    creditScoreFraction(s?.creditScore),
    tradeLevelFraction(s?.tradeLevel),
    returnRateFraction(s?.returnRate),
  ].filter((f): f is number => f !== null);
  if (signals.length === 0) return { value: null, fraction: null };
  const kind = trader.isFactory === true ? '工厂' : trader.isFactory === false ? '贸易' : null;
  const parts = [
    kind && trader.basis === 'inferred' ? `${kind} (inferred)` : kind,
    s?.factoryLevel,
    s?.creditLevel,
  ];
  return {
    value: parts.filter(Boolean).join(' · ') || (s?.isSuperFactory ? '超级工厂' : null),
    fraction: round(signals.reduce((a, b) => a + b, 0) / signals.length),
    ...(trader.basis === 'inferred' ? { note: `factory or trader inferred from "${trader.evidence}"` } : {}),
  };
}

export interface ProductContext {
  priceFraction: (price: number | null) => number | null;
  matcher?: KeywordMatcher;
  quantity?: number;
}

/** What the keyword is matched against: the title (and its translation), the seller's name, products and tags. */
function productTexts(product: Product): (string | null | undefined)[] {
  const s = product.supplier;
  return [product.title, product.titleTranslated, s?.name, ...(s?.mainProducts ?? []), ...(s?.tags ?? [])];
}

function relevanceFactor(product: Product, matcher: KeywordMatcher | undefined): FactorInput<'relevance'> {
  const match = matcher?.match(productTexts(product)) ?? null;
  const base = { factor: 'relevance' as const, label: '相关度 / Relevance to the search' };
  if (match === null) return { ...base, value: null, fraction: null };
  return {
    ...base,
    value: `${Math.round(match.fraction * 100)}%`,
    fraction: match.fraction,
    note: match.matched.length > 0 ? `matched ${match.matched.join(' · ')}` : 'no keyword part matched',
  };
}

/** The MOQ, else the first quantity tier's start (TMAPI's older items have no `moq`), as `productPriceAt` reads it. */
const minimumOrder = (product: Product) => product.moq ?? product.priceTiers?.[0]?.minQuantity ?? null;

function priceFactor(product: Product, context: ProductContext): FactorInput<'price'> {
  const compared = comparedPrice(product, context.quantity);
  return {
    factor: 'price',
    label: '价格 / Price (CNY)',
    value: compared.price,
    fraction: context.priceFraction(compared.price),
    ...(compared.note ? { note: compared.note } : {}),
  };
}

export function productFactors(
  product: Product,
  context: ProductContext,
): FactorInput<keyof ProductWeights>[] {
  const quality = supplierQuality(product);
  const rate = product.repurchaseRate;
  return [
    relevanceFactor(product, context.matcher),
    { factor: 'supplier', label: '供应商 / Supplier', ...quality },
    priceFactor(product, context),
    {
      factor: 'sales',
      label: '月销量 / Monthly sales',
      value: product.monthSold,
      fraction: salesFraction(product.monthSold),
    },
    {
      factor: 'moq',
      label: '起订量 / MOQ',
      value: minimumOrder(product),
      fraction: moqFraction(minimumOrder(product), context.quantity),
      ...(context.quantity === undefined ? {} : { note: `your quantity: ${context.quantity}` }),
    },
    {
      factor: 'repurchase',
      label: '回头率 / Repurchase rate',
      value: rate === null ? null : `${Math.round(rate * 1000) / 10}%`,
      fraction: rateFraction(rate, 0.5),
    },
    {
      factor: 'organic',
      label: '非广告 / Not an ad',
      value: !product.isAd,
      fraction: organicFraction(product.isAd),
    },
  ];
}

/** Options of {@link rankProducts}. */
export interface RankProductsOptions {
  /** Weights to change; the rest keep {@link DEFAULT_PRODUCT_WEIGHTS}. Each must be a finite number ≥ 0 (else `RangeError`). */
  weights?: Partial<ProductWeights>;
  /** The buyer's search: scores the `relevance` factor. Without it (image search) relevance is neutral. */
  keyword?: string;
  /**
   * The keyword providers were actually sent when it differs from `keyword` (a translation, e.g. 毛绒玩具 for
   * `plush toys`): relevance and the off-topic flag take the better match of the two.
   */
  searchedAs?: string;
  /**
   * Pieces the buyer means to order: an MOQ above it earns nothing on `moq` and is a red flag, and the `price`
   * factor compares each product's unit price at this quantity where it has quantity prices (`priceTiers`).
   */
  quantity?: number;
}

/** Red flags of the seller as the listing describes it, an MOQ the buyer cannot meet, an off-topic title. */
function productFlags(product: Product, context: ProductContext): RedFlag[] {
  const moq = quantityFlag(minimumOrder(product), context.quantity);
  const offTopic = offTopicFlag(context.matcher?.match(productTexts(product)) ?? null);
  return [...sellerFlags(product.supplier ?? {}), ...(moq ? [moq] : []), ...(offTopic ? [offTopic] : [])];
}

/**
 * Scores products 0–100 within this result set (price is relative to the other products given) and sorts
 * them best first (ties: more known factors, then id). Unknown values earn half of their factor's share; red
 * flags (the seller's credit B/C or return rate, an MOQ above `quantity`) cap the score.
 */
export function rankProducts(
  products: readonly Product[],
  options: RankProductsOptions = {},
): RankedProduct[] {
  const weights = resolveWeights(DEFAULT_PRODUCT_WEIGHTS, options.weights);
  const { quantity } = options;
  if (quantity !== undefined && !(Number.isFinite(quantity) && quantity >= 0))
    throw new RangeError('quantity must be a finite number ≥ 0');
  const context: ProductContext = {
    priceFraction: priceFractions(products.map((p) => comparedPrice(p, quantity).price)),
    matcher: searchMatcher(options.keyword, options.searchedAs),
    ...(quantity === undefined ? {} : { quantity }),
  };
  return rankEntries(
    products.map((item) => ({
      item,
      factors: productFactors(item, context),
      flags: productFlags(item, context),
    })),
    weights,
  );
}
