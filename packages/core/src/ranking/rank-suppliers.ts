import type { RankedSupplier } from '../models/ranked.js';
import type { MergedSupplier, Supplier } from '../models/supplier.js';
import type { SupplierDetail } from '../models/supplier-detail.js';
import { supplierSignals, supplierVerdict } from '../suppliers/supplier-evidence.js';
import { offTopicFlag, sellerFlags } from './red-flags.js';
import {
  type KeywordMatcher,
  POSITION_SHARE,
  type Positions,
  positionOf,
  positionPrior,
  searchMatcher,
} from './relevance.js';
import { type FactorInput, rankEntries, resolveWeights } from './score-factors.js';
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
import { inferenceValue, inferFactory, type TraderInference } from './trader-inference.js';

/** Relative importance of each signal; only ratios matter (the score is always out of 100). */
export interface SupplierWeights {
  /** The keyword against name, main products and tags, plus a little of the provider's own position. */
  relevance: number;
  /** Declared factory, else trader or factory inferred from tags or the company name ({@link inferFactory}). */
  factory: number;
  /** 1688's factory tier: 超级工厂/金牌制造, 实力工厂, 无牌工厂. */
  factoryLevel: number;
  /** The 1688 integrity level, AAAAA best, C worst. */
  credit: number;
  /** Onebound's credit score, 0–100 (60 and below earn nothing). */
  creditScore: number;
  /** Onebound's 30-day trade medal, lv.1–lv.5. */
  tradeLevel: number;
  /** A 1688 factory inspection (深度验厂, 实地验厂, 验厂报告; 厂长在线 counts less). */
  inspection: number;
  /** Years on 1688 (10+ best). */
  years: number;
  /** The repurchase rate (50 %+ best). */
  repurchase: number;
  /** The return rate (0 % best, 10 %+ worst). */
  returnRate: number;
  /** The response rate. */
  response: number;
  /** Factory area in m², log scale. */
  area: number;
  /** Registered company (企业认证) and issues invoices (发票). */
  business: number;
  /** Not a paid placement. */
  organic: number;
}

/** The defaults sum to 100, so each weight reads directly as "points out of 100". The core README explains each. */
export const DEFAULT_SUPPLIER_WEIGHTS: Readonly<SupplierWeights> = {
  /**
   * As large as `factory`: a big factory making the wrong goods is no answer to "丝绸 连衣裙". Not larger,
   * because a keyword match on a name is cheap to fake and providers already filter by the keyword.
   */
  relevance: 20,
  /** yuantou exists to find the source factory (源头工厂) — a trader adds a margin and a middleman. */
  factory: 20,
  /** 1688's own vetting of the factory (金牌制造 > 实力工厂 > 无牌工厂, super factories on top). */
  factoryLevel: 10,
  /** Integrity level (AAAAA…C) reflects trading history and disputes; B and C are also red flags. */
  credit: 10,
  /** Buyers coming back is the best evidence of product quality and delivery; it is measured, not declared. */
  repurchase: 10,
  /** 1688's on-site inspection (深度验厂/实地验厂/验厂报告) or the owner answering (厂长在线). */
  inspection: 5,
  /** Goods sent back (lower is better); above 10 % it is also a red flag. */
  returnRate: 5,
  /** Years on the platform: a seller that has lasted has a record, but age alone says little about quality. */
  years: 4,
  /** Floor area hints at capacity for larger orders; self-declared, so it weighs less than measured signals. */
  area: 4,
  /** Onebound's 0–100 credit score: finer than the level but undocumented beyond its range, so small. */
  creditScore: 3,
  /** The trade medal lv.1–lv.5 ranks 30-day turnover: proof of activity more than of quality. */
  tradeLevel: 3,
  /** Answering quickly matters for samples and changes, but it is easy to game with auto-replies. */
  response: 2,
  /** A registered company (企业认证) that issues invoices: paperwork a business buyer needs. */
  business: 2,
  /**
   * A slight penalty for paid placements: an ad says nothing about quality, but providers put ads first, so
   * without this the advertisers' own placement would leak into our order. Small, and not a red flag.
   */
  organic: 2,
};

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
const supplierTexts = (s: Supplier) => [s.name, ...s.mainProducts, ...s.tags];

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

/** Options of {@link rankSuppliers}. */
export interface RankSuppliersOptions {
  /** Weights to change; the rest keep {@link DEFAULT_SUPPLIER_WEIGHTS}. Each must be a finite number ≥ 0 (else `RangeError`). */
  weights?: Partial<SupplierWeights>;
  /** The buyer's search: scores the `relevance` factor. Without it relevance is neutral for everyone. */
  keyword?: string;
  /**
   * The keyword providers were actually sent when it differs from `keyword` (a translation, e.g. 毛绒玩具 for
   * `plush toys`): relevance and the off-topic flag take the better match of the two.
   */
  searchedAs?: string;
  /**
   * Each supplier's 1-based position in its provider's own order (by supplier id; see `providerPositions`), a
   * weak prior for relevance.
   */
  positions?: Positions;
  /**
   * Supplier details at hand (a card already looked up: `GET /v1/suppliers/:id`), by supplier id. Where one is,
   * the `factory` factor follows its signals' verdict ({@link supplierVerdict}) and says so in its note; an
   * unclear card leaves the search result's own evidence in charge.
   */
  details?: ReadonlyMap<string, SupplierDetail>;
}

/**
 * Scores suppliers 0–100 and sorts them best first (ties: more known factors, then id). Unknown values earn
 * half of their factor's share (see NEUTRAL_FRACTION); red flags cap the score (see red-flags.ts). A supplier
 * that was not merged gets `sources: [provider]`.
 */
export function rankSuppliers(
  suppliers: readonly (Supplier | MergedSupplier)[],
  options: RankSuppliersOptions = {},
): RankedSupplier[] {
  const { keyword, positions } = options;
  const weights = resolveWeights(DEFAULT_SUPPLIER_WEIGHTS, options.weights);
  const matcher = searchMatcher(keyword, options.searchedAs);
  const context: SupplierContext = {
    matcher,
    ...(positions ? { positions } : {}),
    ...(options.details ? { details: options.details } : {}),
  };
  return rankEntries(
    suppliers.map((s) => {
      const offTopic = offTopicFlag(matcher.match(supplierTexts(s)));
      return {
        item: { ...s, sources: 'sources' in s && s.sources.length > 0 ? [...s.sources] : [s.provider] },
        factors: supplierFactors(s, context),
        flags: [...sellerFlags(s), ...(offTopic ? [offTopic] : [])],
      };
    }),
    weights,
  );
}
