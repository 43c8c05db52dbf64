import type { Supplier } from '../models/supplier.js';
import type { SupplierDetail } from '../models/supplier-detail.js';
import { supplierSignals, supplierVerdict } from '../suppliers/supplier-evidence.js';
import {
  type KeywordMatcher,
  POSITION_SHARE,
  type Positions,
  positionOf,
  positionPrior,
} from './relevance.js';
import type { FactorInput } from './score-factors.js';
import {
  areaFraction,
  businessFraction,
  creditFraction,
  creditScoreFraction,
  factoryLevelFraction,
  inspectionSignal,
  organicFraction,
  rateFraction,
  returnRateFraction,
  tradeLevelFraction,
  yearsFraction,
} from './supplier-signals.js';
import type { SupplierWeights } from './supplier-weights.js';
import { inferenceValue, inferFactory, type TraderInference } from './trader-inference.js';

// One supplier's factors: what each signal shows the buyer and its 0–1 fraction of its weight, with a supplier
// card (when one is at hand) deciding factory or trader.

const percent = (rate: number | null) => (rate === null ? null : `${Math.round(rate * 1000) / 10}%`);

export interface SupplierContext {
  matcher?: KeywordMatcher;
  positions?: Positions;
  /** Supplier details at hand, by supplier id: their signals decide factory or trader. */
  details?: ReadonlyMap<string, SupplierDetail>;
}

/**
 * The `factory` fraction when a supplier's detail decides it: the card weighs more facts than a search result
 * (registration, catalogue breadth, manufacture type), so a clear verdict outranks an inference from the name
 * (0.75/0.15) but stays short of a declared flag alone (our judgement).
 */
export const CARD_VERDICT_FRACTIONS = { factory: 0.9, trader: 0.1 } as const;

/**
 * Factory or trader by the supplier card's signals ({@link supplierSignals}, the ones =SUPPLIER and the pane show),
 * with what the verdict rests on; `null` when the card is unclear, so the search result's own evidence decides.
 */
function cardFactory(detail: SupplierDetail | undefined): (TraderInference & { note: string }) | null {
  if (!detail) return null;
  const { verdict, basis } = supplierVerdict(supplierSignals(detail));
  if (verdict === 'unclear') return null;
  const isFactory = verdict === 'factory';
  return {
    isFactory,
    fraction: CARD_VERDICT_FRACTIONS[verdict],
    basis: 'inferred',
    evidence: 'supplier card',
    note: `supplier card: ${basis}`,
  };
}

/** What the keyword is matched against: the company name, main products and tags. */
export const supplierTexts = (s: Supplier) => [s.name, ...s.mainProducts, ...s.tags];

/**
 * Relevance: the keyword matched against the name, main products and tags, mixed with the provider's position
 * (weak prior, {@link POSITION_SHARE}) when known. No keyword → unknown (neutral).
 */
function relevanceFactor(s: Supplier, context: SupplierContext): FactorInput<'relevance'> {
  const match = context.matcher?.match(supplierTexts(s)) ?? null;
  const position = positionOf(context.positions, s.id);
  const base = { factor: 'relevance' as const, label: '相关度 / Relevance to the search' };
  if (match === null) return { ...base, value: null, fraction: null };
  const fraction =
    position === null
      ? match.fraction
      : (1 - POSITION_SHARE) * match.fraction + POSITION_SHARE * positionPrior(position);
  const matched =
    match.matched.length > 0 ? `matched ${match.matched.join(' · ')}` : 'no keyword part matched';
  return {
    ...base,
    value: `${Math.round(fraction * 100)}%`,
    fraction,
    note: position === null ? matched : `${matched}; provider position #${position}`,
  };
}

/** The factors for one supplier, with the value shown to the user and its 0–1 fraction. */
export function supplierFactors(
  s: Supplier,
  context: SupplierContext = {},
): FactorInput<keyof SupplierWeights>[] {
  const searched = inferFactory(s);
  const card = cardFactory(context.details?.get(s.id));
  // A flag the search declared keeps its certainty where the card agrees; the card's reasons are still shown.
  const trader =
    card && searched.basis === 'declared' && searched.isFactory === card.isFactory
      ? searched
      : (card ?? searched);
  const inspection = inspectionSignal(s.tags);
  const business = businessFraction(s.isEnterprise, s.invoiceAvailable);
  return [
    relevanceFactor(s, context),
    {
      factor: 'factory',
      label: '工厂 / Factory',
      value: inferenceValue(trader),
      fraction: trader.fraction,
      ...(card
        ? { note: card.note }
        : trader.basis === 'inferred'
          ? { note: `inferred from "${trader.evidence}" (isFactory unknown)` }
          : {}),
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
      factor: 'inspection',
      label: '验厂 / Inspected by 1688',
      value: inspection?.value ?? null,
      fraction: inspection?.fraction ?? null,
    },
    {
      factor: 'returnRate',
      label: '退货率 / Return rate',
      value: percent(s.returnRate),
      fraction: returnRateFraction(s.returnRate),
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
      factor: 'creditScore',
      label: '信用评分 / Credit score',
      value: s.creditScore,
      fraction: creditScoreFraction(s.creditScore),
    },
    {
      factor: 'tradeLevel',
      label: '交易勋章 / Trade medal',
      value: s.tradeLevel === null ? null : `lv.${s.tradeLevel}`,
      fraction: tradeLevelFraction(s.tradeLevel),
    },
    {
      factor: 'response',
      label: '响应率 / Response rate',
      value: percent(s.responseRate),
      fraction: rateFraction(s.responseRate),
    },
    {
      factor: 'business',
      label: '企业认证 · 发票 / Registered company · invoices',
      value: business === null ? null : `${Math.round(business * 100)}%`,
      fraction: business,
    },
    { factor: 'organic', label: '非广告 / Not an ad', value: !s.isAd, fraction: organicFraction(s.isAd) },
  ];
}
