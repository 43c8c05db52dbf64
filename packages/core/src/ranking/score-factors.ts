import type { RedFlag, ScoreFactor } from '../models/ranked.js';

// The scoring machinery both rankers share: weights → 0–100 points per factor → a score, and one
// deterministic order. What each factor means lives in the rankers and in supplier-signals.ts.

/**
 * The share of a factor's weight that an unknown value earns: exactly half, the score of a middling value.
 * Missing data is thus neither rewarded nor punished relative to the mid value of each scale, and a
 * supplier a provider says little about is not buried below one it describes badly.
 */
export const NEUTRAL_FRACTION = 0.5;

export interface FactorInput<Name extends string = string> {
  factor: Name;
  label: string;
  /** The value the fraction was computed from, shown to the user; `null` when unknown. */
  value: number | string | boolean | null;
  /** How good the value is, 0 (worst) to 1 (best); `null` when unknown, which earns {@link NEUTRAL_FRACTION}. */
  fraction: number | null;
  /** How the value was read (e.g. "inferred"), shown beside it. */
  note?: string;
}

export interface Scored {
  score: number;
  breakdown: ScoreFactor[];
  flags: RedFlag[];
  /** How many factors had data: more data wins a tie. */
  known: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** The defaults with the caller's overrides; a negative or non-finite weight is a caller error. */
export function resolveWeights<W extends { [K in keyof W]: number }>(
  defaults: Readonly<W>,
  overrides?: Partial<W>,
): W {
  const weights = { ...defaults } as W;
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) continue;
    if (!(name in defaults)) throw new RangeError(`unknown ranking weight "${name}"`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`ranking weight "${name}" must be a finite number ≥ 0`);
    }
    (weights as Record<string, number>)[name] = value;
  }
  return weights;
}

/**
 * Weights are relative: each factor's share of 100 is `weight / sum of weights × 100`, and it earns
 * `share × fraction` points (rounded to 0.01). The score is the sum of the points, so the breakdown always
 * adds up to it. A factor weighted 0 is still listed, with 0 points.
 */
export function scoreFactors<Name extends string>(
  inputs: readonly FactorInput<Name>[],
  weights: Readonly<Record<Name, number>>,
): Scored {
  const total = inputs.reduce((sum, input) => sum + weights[input.factor], 0);
  const breakdown = inputs.map((input): ScoreFactor => {
    const share = total > 0 ? (weights[input.factor] / total) * 100 : 0;
    const fraction = input.fraction === null ? NEUTRAL_FRACTION : clamp01(input.fraction);
    return {
      factor: input.factor,
      label: input.label,
      value: input.value,
      weight: round2(share),
      points: round2(share * fraction),
      ...(input.note === undefined ? {} : { note: input.note }),
    };
  });
  const score = round2(breakdown.reduce((sum, f) => sum + f.points, 0));
  return {
    score: Math.min(100, Math.max(0, score)),
    breakdown,
    flags: [],
    known: inputs.filter((input) => input.fraction !== null).length,
  };
}

/**
 * Applies red flags: the score is scaled into 0–cap (the lowest cap of all flags), `score × cap / 100`, so a
 * flagged item never exceeds its cap and flagged items keep their order among themselves. What the cap took
 * away is one more breakdown line, `redFlags`, with negative points, so the breakdown still adds up.
 */
export function applyRedFlags(scored: Scored, flags: readonly RedFlag[]): Scored {
  if (flags.length === 0) return scored;
  const cap = Math.min(...flags.map((f) => f.cap));
  const capped = round2((scored.score * cap) / 100);
  const line: ScoreFactor = {
    factor: 'redFlags',
    label: '红旗 / Red flags',
    value: flags.map((f) => f.flag).join(', '),
    weight: 0,
    points: round2(capped - scored.score),
    note: `score scaled into 0–${cap}: ${flags.map((f) => f.reason).join('; ')}`,
  };
  return { ...scored, score: capped, breakdown: [...scored.breakdown, line], flags: [...flags] };
}

interface Rankable {
  id: string;
  provider: string;
}

/**
 * Best first: score, then more known factors, then id, then provider; identical-looking items fall back to
 * their JSON so the order never depends on the input order.
 */
export function rankScored<T extends Rankable>(entries: readonly { item: T; scored: Scored }[]) {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...entries]
    .sort(
      (a, b) =>
        b.scored.score - a.scored.score ||
        b.scored.known - a.scored.known ||
        cmp(a.item.id, b.item.id) ||
        cmp(a.item.provider, b.item.provider) ||
        cmp(JSON.stringify(a.item), JSON.stringify(b.item)),
    )
    .map(({ item, scored }) => ({
      ...item,
      score: scored.score,
      breakdown: scored.breakdown,
      flags: scored.flags,
    }));
}

/** One item to rank: the item as it is returned, its scoring factors and its red flags. */
export interface RankEntry<T extends Rankable, Name extends string> {
  item: T;
  factors: readonly FactorInput<Name>[];
  flags: readonly RedFlag[];
}

/**
 * The one ranking step of products and suppliers alike: each entry's factors scored with the weights, capped by
 * its red flags, then best first ({@link rankScored}).
 */
export function rankEntries<T extends Rankable, Name extends string>(
  entries: readonly RankEntry<T, Name>[],
  weights: Readonly<Record<Name, number>>,
) {
  return rankScored(
    entries.map(({ item, factors, flags }) => ({
      item,
      scored: applyRedFlags(scoreFactors(factors, weights), flags),
    })),
  );
}
