import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asArray,
  asRecord,
  toBool,
  toInteger,
  toNonNegative,
  toNumber,
  toRate,
  toText,
  toTextList,
} from './values.js';

describe('toText', () => {
  it.each([
    ['  汕头 ', '汕头'],
    [12, '12'],
    ['NULL', null],
    ['null', null],
    ['', null],
    ['--', null],
    ['n/a', null],
    [Number.NaN, null],
    [undefined, null],
    [{}, null],
    ['广\uFFFD东', null],
  ])('%j → %j', (input, expected) => {
    expect(toText(input)).toBe(expected);
  });
});

describe('toNumber and friends', () => {
  it.each([
    ['1000', 1000],
    ['12,000', 12000],
    ['¥ 3.50', 3.5],
    ['.5', 0.5],
    ['1e3', 1000],
    [0.015, 0.015],
    ['NULL', null],
    ['3.5元', null],
    ['abc', null],
    [Number.POSITIVE_INFINITY, null],
    [true, null],
  ])('toNumber(%j) → %j', (input, expected) => {
    expect(toNumber(input)).toBe(expected);
  });

  it('drops negatives for non-negative values and rounds integers', () => {
    expect(toNonNegative('-1')).toBeNull();
    expect(toNonNegative('0')).toBe(0);
    expect(toInteger('4.6')).toBe(5);
    expect(toInteger('-4')).toBeNull();
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const n = toNumber(value);
        expect(n === null || Number.isFinite(n)).toBe(true);
        const rate = toRate(value);
        expect(rate === null || (rate >= 0 && rate <= 1)).toBe(true);
      }),
    );
  });
});

describe('toRate', () => {
  it.each([
    ['0.3', 0.3],
    [0.015, 0.015],
    ['5%', 0.05],
    [' 12.5% ', 0.125],
    [41, 0.41],
    ['100', 1],
    [1, 1],
    [0, 0],
    ['NULL', null],
    ['150%', null],
    [-0.2, null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(toRate(input)).toBe(expected);
  });
});

describe('toBool', () => {
  it.each([
    [true, true],
    ['true', true],
    ['1', true],
    [1, true],
    ['是', true],
    [false, false],
    ['false', false],
    [0, false],
    ['否', false],
    ['NULL', null],
    ['maybe', null],
    [2, null],
  ])('%j → %j', (input, expected) => {
    expect(toBool(input)).toBe(expected);
  });
});

describe('toTextList, asRecord, asArray', () => {
  it('splits product tags on the separators providers use', () => {
    expect(toTextList('泡泡玩具;玩具枪')).toEqual(['泡泡玩具', '玩具枪']);
    expect(toTextList('T恤，卫衣、polo衫；裙')).toEqual(['T恤', '卫衣', 'polo衫', '裙']);
    expect(toTextList(['AA诚信等级', '', 'NULL', 3])).toEqual(['AA诚信等级', '3']);
    expect(toTextList(null)).toEqual([]);
  });

  it('reads anything safely', () => {
    expect(asRecord({ a: 1 })).toEqual({ a: 1 });
    expect(asRecord([1])).toEqual({});
    expect(asRecord(null)).toEqual({});
    expect(asArray([1])).toEqual([1]);
    expect(asArray({ length: 1 })).toEqual([]);
  });
});
