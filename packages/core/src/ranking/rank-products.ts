import type { Product } from '../models/product.js';
import type { RankedProduct } from '../models/ranked.js';
import { type FactorInput, rankScored, resolveWeights, scoreFactors } from './score-factors.js';
import {
  creditFraction,
  factoryFraction,
  factoryLevelFraction,
  organicFraction,
  rateFraction,
} from './supplier-signals.js';

/** Relative importance of each signal; only ratios matter (the score is always out of 100). */
export interface ProductWeights {
  price: number;
  moq: number;
  sales: number;
  repurchase: number;
  supplier: number;
  organic: number;
}

/** The defaults sum to 100, so each weight reads directly as "points out of 100". */
export const DEFAULT_PRODUCT_WEIGHTS: Readonly<ProductWeights> = {
  /** Who makes it matters most to a buyer sourcing from factories: factory, its tier and credit level. */
  supplier: 25,
  /** Price is why one sources on 1688; relative to the other results, since prices differ across trades. */
  price: 20,
  /** Monthly sales show the listing is real and the seller can deliver at volume. */
  sales: 20,
  /** The MOQ decides whether a small buyer can order at all (1–10 pieces vs thousands). */
  moq: 15,
  /** Buyers reordering this very item: measured evidence of quality, but often missing. */
  repurchase: 15,
  /** A slight penalty for paid placements, which providers list first regardless of merit. */
  organic: 5,
};

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Where a price sits among the other known prices: 1 cheapest, 0 dearest, ties share the middle. A percentile
 * rather than a linear scale, so one 500-yuan outlier does not squash every other price to "cheap".
 */
function priceFractions(products: readonly Product[]): (price: number | null) => number | null {
  const prices = products.map((p) => p.price).filter((p): p is number => p !== null);
  return (price) => {
    if (price === null || prices.length < 2) return null;
    const dearer = prices.filter((p) => p > price).length;
    const equalOthers = prices.filter((p) => p === price).length - 1;
    return (dearer + equalOthers / 2) / (prices.length - 1);
  };
}

/** MOQ on a log scale: 1 piece → 1, 1,000+ pieces → 0; about 32 pieces is neutral. */
const moqFraction = (moq: number | null) =>
  moq === null ? null : 1 - Math.min(1, Math.max(0, Math.log10(Math.max(moq, 1)) / 3));

/** Monthly sales on a log scale: 0 → 0, 10,000+ → 1; 100 a month is neutral. */
const salesFraction = (sold: number | null) => (sold === null ? null : Math.min(1, Math.log10(sold + 1) / 4));

/** The mean of what the listing says about its seller (factory, tier, credit); unknown when it says nothing. */
function supplierQuality(product: Product): { value: string | null; fraction: number | null } {
  const s = product.supplier;
  const signals = [
    factoryFraction(s?.isFactory),
    factoryLevelFraction(s?.factoryLevel, s?.isSuperFactory),
    creditFraction(s?.creditLevel),
  ].filter((f): f is number => f !== null);
  if (signals.length === 0) return { value: null, fraction: null };
  const parts = [
    s?.isFactory === true ? '工厂' : s?.isFactory === false ? '贸易' : null,
    s?.factoryLevel,
    s?.creditLevel,
  ];
  return {
    value: parts.filter(Boolean).join(' · ') || (s?.isSuperFactory ? '超级工厂' : null),
    fraction: round(signals.reduce((a, b) => a + b, 0) / signals.length),
  };
}

export function productFactors(
  product: Product,
  priceFraction: (price: number | null) => number | null,
): FactorInput<keyof ProductWeights>[] {
  const quality = supplierQuality(product);
  const rate = product.repurchaseRate;
  return [
    { factor: 'supplier', label: '供应商 / Supplier', ...quality },
    {
      factor: 'price',
      label: '价格 / Price (CNY)',
      value: product.price,
      fraction: priceFraction(product.price),
    },
    {
      factor: 'sales',
      label: '月销量 / Monthly sales',
      value: product.monthSold,
      fraction: salesFraction(product.monthSold),
    },
    { factor: 'moq', label: '起订量 / MOQ', value: product.moq, fraction: moqFraction(product.moq) },
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

export interface RankProductsOptions {
  weights?: Partial<ProductWeights>;
}

/**
 * Scores products 0–100 within this result set (price is relative to the other products given) and sorts
 * them best first (ties: more known factors, then id). Unknown values earn half of their factor's share.
 */
export function rankProducts(
  products: readonly Product[],
  options: RankProductsOptions = {},
): RankedProduct[] {
  const weights = resolveWeights(DEFAULT_PRODUCT_WEIGHTS, options.weights);
  const priceFraction = priceFractions(products);
  return rankScored(
    products.map((item) => ({ item, scored: scoreFactors(productFactors(item, priceFraction), weights) })),
  );
}
