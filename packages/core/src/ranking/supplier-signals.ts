import { CREDIT_LEVELS } from '../models/credit-levels.js';
import type { CreditLevel } from '../models/supplier.js';

// How good one supplier or product value is, as a fraction 0–1 (null = unknown). Shared by both rankers so a
// factory or a credit level means the same thing whether it comes from a supplier or a product listing.
// Each scale is placed so that its middle (0.5, what unknown earns) is a typical 1688 value.

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

/**
 * The return rate at and above which a supplier earns nothing on `returnRate` and is red-flagged (red-flags.ts).
 * Our judgement, not a provider's: Onebound's own example shows `return_rate` 0.015 (1.5 %, seed 001 §6), and a
 * buyer who sees one order in ten come back has a quality problem, not bad luck.
 */
export const RETURN_RATE_LIMIT = 0.1;

/** Lower is better: 0 % → 1, {@link RETURN_RATE_LIMIT} and above → 0; 5 % is neutral. */
export const returnRateFraction = (rate: number | null | undefined): number | null =>
  rate === null || rate === undefined ? null : Math.max(0, 1 - rate / RETURN_RATE_LIMIT);

/**
 * Onebound's `credit_score` (0–100, seed 001 §5.3). Its scale is not documented beyond that; the seed's
 * examples give 98 to an AAA shop and 88 to an AA one, so scores cluster high: 60 and below → 0, 100 → 1,
 * 80 neutral.
 */
export const creditScoreFraction = (score: number | null | undefined): number | null =>
  score === null || score === undefined ? null : Math.min(1, Math.max(0, (score - 60) / 40));

/** Trade medal lv.1 (新手商家, new shop) → 0 … lv.5 (顶级商家, top 30-day turnover) → 1; lv.3 neutral (seed 001 §7.2). */
export const tradeLevelFraction = (level: number | null | undefined): number | null =>
  level === null || level === undefined ? null : Math.min(1, Math.max(0, (level - 1) / 4));

/**
 * 1688's own factory inspections, recorded in TMAPI's `service_tags` (seed 000: `深度验厂` on 梦高玩具).
 * An on-site audit by the platform is the strongest check a buyer cannot do from a spreadsheet.
 */
export const INSPECTION_TAGS = ['深度验厂', '实地验厂', '验厂报告'] as const;
/** `厂长在线` (the factory owner answers in person): a weaker sign of a real, reachable factory. */
export const OWNER_ONLINE_TAG = '厂长在线';

/**
 * Inspected → 1, owner online only → 0.75, neither → unknown: Onebound and the product-only providers never
 * send these tags, so their absence is not evidence against a seller.
 */
export function inspectionSignal(
  tags: readonly string[] | undefined,
): { value: string; fraction: number } | null {
  const list = tags ?? [];
  const inspected = list.find((tag) => (INSPECTION_TAGS as readonly string[]).includes(tag.trim()));
  if (inspected) return { value: inspected.trim(), fraction: 1 };
  if (list.some((tag) => tag.trim() === OWNER_ONLINE_TAG)) return { value: OWNER_ONLINE_TAG, fraction: 0.75 };
  return null;
}

/**
 * A registered company (企业认证, Onebound `is_enterprise`) that issues invoices (TMAPI `invoice_available`):
 * the paperwork a business buyer needs to import and account for goods. The mean of what is known.
 */
export function businessFraction(
  isEnterprise: boolean | null | undefined,
  invoiceAvailable: boolean | null | undefined,
): number | null {
  const known = [isEnterprise, invoiceAvailable].filter((v): v is boolean => typeof v === 'boolean');
  return known.length === 0 ? null : known.filter(Boolean).length / known.length;
}
