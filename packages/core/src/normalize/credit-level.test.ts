import { describe, expect, it } from 'vitest';
import {
  creditLevelFromTags,
  normalizeCreditLevel,
  normalizeCreditScore,
  normalizeTradeLevel,
} from './credit-level.js';

describe('normalizeCreditLevel', () => {
  it.each([
    ['AAA', 'AAA'],
    ['aa', 'AA'],
    [' A ', 'A'],
    ['AAAAA', 'AAAAA'],
    ['4A', 'AAAA'],
    ['3A', 'AAA'],
    ['5A', 'AAAAA'],
    ['B', 'B'],
    ['C', 'C'],
    ['AA诚信等级', 'AA'],
    ['3A诚信', 'AAA'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCreditLevel(input)).toBe(expected);
  });

  it.each([['AAAAAA'], ['6A'], ['0A'], ['ABC'], ['D'], ['NULL'], [''], [null], [5], [{}]])(
    '%j → null',
    (input) => {
      expect(normalizeCreditLevel(input)).toBeNull();
    },
  );
});

describe('creditLevelFromTags', () => {
  it('reads the level from the 诚信 tag of seed 000', () => {
    expect(creditLevelFromTags(['塑料/塑胶', 'AA诚信等级', '注塑'])).toBe('AA');
    expect(creditLevelFromTags(['4A诚信等级'])).toBe('AAAA');
  });

  it('ignores tags that are not integrity levels', () => {
    expect(creditLevelFromTags(['AAA级面料', '汕头玩具'])).toBeNull();
    expect(creditLevelFromTags([])).toBeNull();
  });
});

describe('normalizeCreditScore', () => {
  it.each([
    [98, 98],
    ['88', 88],
    [' 0 ', 0],
    [100, 100],
    [101, null],
    [-1, null],
    ['', null],
    ['高', null],
    [null, null],
    [true, null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCreditScore(input)).toBe(expected);
  });
});

describe('normalizeTradeLevel', () => {
  it.each([
    ['lv.5', 5],
    ['lv.1', 1],
    ['LV.4', 4],
    ['lv4', 4],
    [' lv. 3 ', 3],
    [2, 2],
    ['lv.6', null],
    ['lv.0', null],
    ['level 3', null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeTradeLevel(input)).toBe(expected);
  });
});
