import type { RedFlag } from '../models/ranked.js';
import type { CreditLevel } from '../models/supplier.js';
import { RETURN_RATE_LIMIT } from './supplier-signals.js';

// Red flags: things a sourcing expert would not trade off against a big factory floor. A flag caps the
// score instead of subtracting a few points, so a C-credit giant cannot outrank a sound mid-size factory.
// A paid placement is deliberately not a flag: an ad says nothing bad about the seller (it is the small
// `organic` factor).

/**
 * Caps, from seed 001 §7.1 (Onebound's credit table, "建议合作策略"):
 * - C "较低信用 — 谨慎合作，建议实地考察" (be careful, visit the factory first): at most 30, below any
 *   sound supplier;
 * - B "一般信用 — 需小额试单验证" (verify with a small trial order first): at most 45, about the score of an
 *   unremarkable supplier we know little about (unknown data earns half of every factor: ~50).
 * A return rate above {@link RETURN_RATE_LIMIT} is treated like B: goods come back, so trial first.
 * An MOQ above the buyer's quantity caps at 40: the buyer cannot order it as planned.
 */
export const RED_FLAG_CAPS = {
  creditC: 30,
  creditB: 45,
  returnRate: 45,
  /** Above {@link SEVERE_RETURN_RATE}: treated like C — a fifth of the goods coming back is not bad luck. */
  severeReturnRate: 30,
  moqAboveQuantity: 40,
  offTopic: 40,
} as const;

/** The return rate treated like credit C (see RED_FLAG_CAPS.severeReturnRate); our judgement. */
export const SEVERE_RETURN_RATE = 0.2;

/**
 * Below this share of the keyword matched (relevance.ts), an item is off-topic: the provider padded its
 * results with something else. Capped at 40 — still listed, but never above an item that is what was asked.
 * Our judgement: 0.2 lets a near synonym ("桑蚕丝连衣裙" for "丝绸连衣裙", 50 %) through.
 */
export const OFF_TOPIC_BELOW = 0.2;

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

export function sellerFlags(seller: {
  creditLevel?: CreditLevel | null;
  returnRate?: number | null;
}): RedFlag[] {
  const flags: RedFlag[] = [];
  if (seller.creditLevel === 'C')
    flags.push({
      flag: 'creditC',
      reason: '诚信等级 C: 较低信用 — 谨慎合作，建议实地考察 (low credit: visit the factory before ordering)',
      cap: RED_FLAG_CAPS.creditC,
    });
  if (seller.creditLevel === 'B')
    flags.push({
      flag: 'creditB',
      reason: '诚信等级 B: 一般信用 — 需小额试单验证 (fair credit: verify with a small trial order first)',
      cap: RED_FLAG_CAPS.creditB,
    });
  if (typeof seller.returnRate === 'number' && seller.returnRate > RETURN_RATE_LIMIT) {
    const severe = seller.returnRate > SEVERE_RETURN_RATE;
    const limit = severe ? SEVERE_RETURN_RATE : RETURN_RATE_LIMIT;
    flags.push({
      flag: 'returnRate',
      reason: `退货率 ${percent(seller.returnRate)} (return rate above ${percent(limit)}: goods come back, trial order first)`,
      cap: severe ? RED_FLAG_CAPS.severeReturnRate : RED_FLAG_CAPS.returnRate,
    });
  }
  return flags;
}

/** The keyword-match share (without the position prior) below {@link OFF_TOPIC_BELOW}; `null` match = no keyword. */
export function offTopicFlag(match: { fraction: number } | null): RedFlag | null {
  if (match === null || match.fraction >= OFF_TOPIC_BELOW) return null;
  return {
    flag: 'offTopic',
    reason: `相关度 ${Math.round(match.fraction * 100)}% (matches little of the search: likely not what you asked for)`,
    cap: RED_FLAG_CAPS.offTopic,
  };
}

export function quantityFlag(moq: number | null, quantity: number | undefined): RedFlag | null {
  if (quantity === undefined || moq === null || moq <= quantity) return null;
  return {
    flag: 'moqAboveQuantity',
    reason: `起订量 ${moq} (MOQ above your quantity ${quantity}: you cannot order this as planned)`,
    cap: RED_FLAG_CAPS.moqAboveQuantity,
  };
}
