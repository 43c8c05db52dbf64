import type { inferFactory } from './trader-inference.js';

// How much each of a supplier's signals counts in its score, and why: the defaults are our sourcing judgement,
// explained weight by weight here and in the core README.

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
