import type { RankedSupplier } from '../models/ranked.js';
import type { MergedSupplier, Supplier } from '../models/supplier.js';
import { type FactorInput, rankScored, resolveWeights, scoreFactors } from './score-factors.js';
import {
  areaFraction,
  creditFraction,
  factoryFraction,
  factoryLevelFraction,
  organicFraction,
  rateFraction,
  yearsFraction,
} from './supplier-signals.js';

/** Relative importance of each signal; only ratios matter (the score is always out of 100). */
export interface SupplierWeights {
  factory: number;
  factoryLevel: number;
  credit: number;
  years: number;
  repurchase: number;
  response: number;
  area: number;
  organic: number;
}

/** The defaults sum to 100, so each weight reads directly as "points out of 100". */
export const DEFAULT_SUPPLIER_WEIGHTS: Readonly<SupplierWeights> = {
  /** The largest: yuantou exists to find the source factory (源头工厂) — a trader adds a margin and a middleman. */
  factory: 25,
  /** 1688's own vetting of the factory (金牌制造 > 实力工厂 > 无牌工厂, super factories on top): an audit the buyer cannot do from a spreadsheet. */
  factoryLevel: 15,
  /** Integrity level (AAAAA…C) reflects trading history and disputes: a strong but indirect trust signal. */
  credit: 15,
  /** Buyers coming back is the best evidence of product quality and delivery; it is measured, not declared. */
  repurchase: 15,
  /** Years on the platform: a seller that has lasted has a record, but age alone says little about quality. */
  years: 10,
  /** Floor area hints at capacity for larger orders; self-declared, so it weighs less than measured signals. */
  area: 10,
  /** Answering quickly matters for samples and changes, but it is easy to game with auto-replies. */
  response: 5,
  /**
   * A slight penalty for paid placements: an ad says nothing about quality, but providers put ads first, so
   * without this the advertisers' own placement would leak into our order. Small, so a better factory that
   * happens to advertise still wins.
   */
  organic: 5,
};

const percent = (rate: number | null) => (rate === null ? null : `${Math.round(rate * 1000) / 10}%`);

/** The factors for one supplier, with the value shown to the user and its 0–1 fraction. */
export function supplierFactors(s: Supplier): FactorInput<keyof SupplierWeights>[] {
  return [
    {
      factor: 'factory',
      label: '工厂 / Factory',
      value: s.isFactory,
      fraction: factoryFraction(s.isFactory),
    },
    {
      factor: 'factoryLevel',
      label: '工厂等级 / Factory level',
      value: s.factoryLevel ?? (s.isSuperFactory ? '超级工厂' : null),
      fraction: factoryLevelFraction(s.factoryLevel, s.isSuperFactory),
    },
    {
      factor: 'credit',
      label: '诚信等级 / Credit level',
      value: s.creditLevel,
      fraction: creditFraction(s.creditLevel),
    },
    {
      factor: 'repurchase',
      label: '回头率 / Repurchase rate',
      value: percent(s.repurchaseRate),
      fraction: rateFraction(s.repurchaseRate, 0.5),
    },
    {
      factor: 'years',
      label: '经营年限 / Years on 1688',
      value: s.yearsOnPlatform,
      fraction: yearsFraction(s.yearsOnPlatform),
    },
    {
      factor: 'area',
      label: '厂房面积 / Factory area (m²)',
      value: s.areaM2,
      fraction: areaFraction(s.areaM2),
    },
    {
      factor: 'response',
      label: '响应率 / Response rate',
      value: percent(s.responseRate),
      fraction: rateFraction(s.responseRate),
    },
    { factor: 'organic', label: '非广告 / Not an ad', value: !s.isAd, fraction: organicFraction(s.isAd) },
  ];
}

export interface RankSuppliersOptions {
  weights?: Partial<SupplierWeights>;
}

/**
 * Scores suppliers 0–100 and sorts them best first (ties: more known factors, then id). Unknown values earn
 * half of their factor's share (see NEUTRAL_FRACTION). A supplier that was not merged gets
 * `sources: [provider]`.
 */
export function rankSuppliers(
  suppliers: readonly (Supplier | MergedSupplier)[],
  options: RankSuppliersOptions = {},
): RankedSupplier[] {
  const weights = resolveWeights(DEFAULT_SUPPLIER_WEIGHTS, options.weights);
  return rankScored(
    suppliers.map((s) => ({
      item: { ...s, sources: 'sources' in s && s.sources.length > 0 ? [...s.sources] : [s.provider] },
      scored: scoreFactors(supplierFactors(s), weights),
    })),
  );
}
