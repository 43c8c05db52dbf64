import { describe, expect, it } from 'vitest';
import { priceRange } from './price-range.js';

describe('priceRange', () => {
  it.each([
    [[12.5], { min: 12.5, max: null }],
    [['12.50'], { min: 12.5, max: null }],
    [['1.50-3.00'], { min: 1.5, max: 3 }],
    [['¥2~5'], { min: 2, max: 5 }],
    [['3.2', '2.8', 2.5], { min: 2.5, max: 3.2 }],
    [['NULL', null, 'abc', -4], { min: null, max: null }],
    [['0.00', '4.5'], { min: 4.5, max: null }],
    [[], { min: null, max: null }],
  ])('%j → %j', (values, expected) => {
    expect(priceRange(...values)).toEqual(expected);
  });
});
