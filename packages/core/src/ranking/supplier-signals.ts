import { CREDIT_LEVELS, type CreditLevel } from '../models/supplier.js';

// How good one supplier or product value is, as a fraction 0–1 (null = unknown). Shared by both rankers so a
// factory or a credit level means the same thing whether it comes from a supplier or a product listing.
// Each scale is placed so that its middle (0.5, what unknown earns) is a typical 1688 value.

export const factoryFraction = (isFactory: boolean | null | undefined): number | null =>
  isFactory === true ? 1 : isFactory === false ? 0 : null;

/** 1688's factory tiers (seed 000 `factory_level`; `实力工厂` from the factory channel), best first. */
export const FACTORY_LEVEL_FRACTIONS: Readonly<Record<string, number>> = {
  金牌制造: 1,
  实力工厂: 0.75,
  无牌工厂: 0.25,
};

/**
 * A super factory (超级工厂) is 1688's top factory programme, so it earns the full share even without a level.
 * `isSuperFactory: false` alone says nothing (most factories are not super), so it stays unknown.
 */
export function factoryLevelFraction(
  level: string | null | undefined,
  isSuperFactory: boolean | null | undefined,
): number | null {
  if (isSuperFactory === true) return 1;
  return level ? (FACTORY_LEVEL_FRACTIONS[level] ?? null) : null;
}

/** AAAAA → 1 … C → 0 in equal steps; AA, the commonest level, sits at the neutral 0.5. */
export function creditFraction(level: CreditLevel | null | undefined): number | null {
  if (!level) return null;
  const steps = CREDIT_LEVELS.length - 1;
  return (steps - CREDIT_LEVELS.indexOf(level)) / steps;
}

/** Linear up to 10 years (a seller that has lasted that long has a record); 5 years is neutral. */
export const yearsFraction = (years: number | null | undefined): number | null =>
  years === null || years === undefined ? null : Math.min(years, 10) / 10;

/**
 * A rate against the value that counts as excellent: 1688 repurchase rates run ~5–50 %, so `full` 0.5 puts
 * the neutral point at 25 %.
 */
export const rateFraction = (rate: number | null | undefined, full = 1): number | null =>
  rate === null || rate === undefined ? null : Math.min(rate / full, 1);

/** Log scale from 100 m² (0) to ~31,600 m² (1): 1,000 m² → 0.4, 10,000 m² → 0.8; ~1,800 m² is neutral. */
export function areaFraction(areaM2: number | null | undefined): number | null {
  if (areaM2 === null || areaM2 === undefined) return null;
  if (areaM2 <= 100) return 0;
  return Math.min(1, (Math.log10(areaM2) - 2) / 2.5);
}

/** Organic listings earn the share; paid placements (`isAd`) earn nothing. */
export const organicFraction = (isAd: boolean): number => (isAd ? 0 : 1);
