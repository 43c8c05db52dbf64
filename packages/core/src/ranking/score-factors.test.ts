import { describe, expect, it } from 'vitest';
import { NEUTRAL_FRACTION, resolveWeights, scoreFactors } from './score-factors.js';

const defaults = { a: 60, b: 40 };

describe('scoreFactors', () => {
  it('scales weights to a share of 100 and earns share × fraction', () => {
    const scored = scoreFactors(
      [
        { factor: 'a', label: 'A', value: 1, fraction: 1 },
        { factor: 'b', label: 'B', value: 0, fraction: 0.25 },
      ],
      { a: 3, b: 1 },
    );
    expect(scored).toEqual({
      score: 81.25,
      known: 2,
      flags: [],
      breakdown: [
        { factor: 'a', label: 'A', value: 1, weight: 75, points: 75 },
        { factor: 'b', label: 'B', value: 0, weight: 25, points: 6.25 },
      ],
    });
  });

  it('gives unknown the neutral fraction and clamps fractions outside 0–1', () => {
    const scored = scoreFactors(
      [
        { factor: 'a', label: 'A', value: null, fraction: null },
        { factor: 'b', label: 'B', value: 9, fraction: 7 },
      ],
      defaults,
    );
    expect(scored.breakdown.map((f) => f.points)).toEqual([60 * NEUTRAL_FRACTION, 40]);
    expect(scored.known).toBe(1);
  });

  it('scores 0 when every weight is 0', () => {
    const scored = scoreFactors([{ factor: 'a', label: 'A', value: 1, fraction: 1 }], { a: 0 });
    expect(scored.score).toBe(0);
    expect(scored.breakdown[0]).toMatchObject({ weight: 0, points: 0 });
  });
});

describe('resolveWeights', () => {
  it('overrides only what is given', () => {
    expect(resolveWeights(defaults, { b: 0 })).toEqual({ a: 60, b: 0 });
    expect(resolveWeights(defaults, { a: undefined })).toEqual(defaults);
    expect(resolveWeights(defaults)).not.toBe(defaults);
  });

  it('rejects negative, non-finite and unknown weights', () => {
    expect(() => resolveWeights(defaults, { a: -1 })).toThrow(RangeError);
    expect(() => resolveWeights(defaults, { a: Number.NaN })).toThrow(RangeError);
    expect(() => resolveWeights(defaults, { c: 1 } as never)).toThrow(/unknown ranking weight "c"/);
  });
});
