import { describe, expect, it } from 'vitest';
import {
  keywordMatcher,
  keywordParts,
  normalizeForMatch,
  positionOf,
  positionPrior,
  providerPositions,
} from './relevance.js';

const fraction = (keyword: string, ...texts: string[]) => keywordMatcher(keyword).match(texts)?.fraction;

describe('keywordParts', () => {
  it('splits on spaces and punctuation, drops seller words, and reads full-width as half-width', () => {
    expect(keywordParts('丝绸 连衣裙')).toEqual(['丝绸', '连衣裙']);
    expect(keywordParts('丝绸　连衣裙，批发')).toEqual(['丝绸', '连衣裙']);
    expect(keywordParts('玩具厂')).toEqual(['玩具']);
    expect(keywordParts('Ｔ恤 源头工厂')).toEqual(['t恤']);
    // Only seller words: matched as typed.
    expect(keywordParts('工厂')).toEqual(['工厂']);
  });

  it('normalises texts the same way', () => {
    expect(normalizeForMatch('ＰＯＬＯ衫 / 纯棉')).toBe('polo衫纯棉');
  });
});

describe('keywordMatcher', () => {
  const silk = ['杭州某某丝绸服饰有限公司', '真丝连衣裙', '丝绸围巾'];
  const toy = ['汕头市梦高玩具实业有限公司', '积木类', '玩具枪'];

  it('is robust to spaces, full-width characters and word order', () => {
    const spaced = fraction('丝绸 连衣裙', ...silk);
    expect(spaced).toBe(1);
    expect(fraction('丝绸　连衣裙', ...silk)).toBe(spaced);
    expect(fraction('连衣裙 丝绸', ...silk)).toBe(spaced);
    // Without the space one more pair (绸连) exists that no text contains: close, not equal.
    expect(fraction('丝绸连衣裙', ...silk)).toBeGreaterThan(0.85);
  });

  it('gives an unrelated trade nothing and a near synonym part of the credit', () => {
    expect(fraction('丝绸 连衣裙', ...toy)).toBe(0);
    const synonym = fraction('丝绸连衣裙', '桑蚕丝连衣裙');
    expect(synonym).toBeGreaterThan(0.4);
    expect(synonym).toBeLessThan(1);
  });

  it('does not pair characters across fields', () => {
    // "绸连" only exists if the two fields were glued together.
    expect(keywordMatcher('绸连').match(['丝绸', '连衣裙'])?.fraction).toBeLessThan(1);
  });

  it('matches Latin keywords case-insensitively and says which parts matched', () => {
    expect(keywordMatcher('Phone Case').match(['iPhone case 硅胶'])).toEqual({
      fraction: 1,
      matched: ['phone', 'case'],
    });
  });

  it('is unknown without a usable keyword', () => {
    expect(keywordMatcher(undefined).match(silk)).toBeNull();
    expect(keywordMatcher('  ，').match(silk)).toBeNull();
  });
});

describe('positions', () => {
  it('turns a position into a prior on a log scale', () => {
    expect(positionPrior(1)).toBe(1);
    expect(positionPrior(10)).toBe(0.5);
    expect(positionPrior(100)).toBe(0);
    expect(positionPrior(1000)).toBe(0);
  });

  it('keeps the best position of each seller across providers, member ids case-insensitive', () => {
    const positions = providerPositions([
      [{ id: 'b2b-AA' }, { id: 'b2b-bb' }],
      [{ id: 'b2b-bb' }, { id: 'tmapi:9' }, { id: 'b2b-aa' }],
    ]);
    expect([...positions]).toEqual([
      ['b2b-aa', 1],
      ['b2b-bb', 1],
      ['tmapi:9', 2],
    ]);
    expect(positionOf(positions, 'b2b-AA')).toBe(1);
    expect(providerPositions([[{ id: 'b2b-x' }]], 20).get('b2b-x')).toBe(21);
    expect(positionOf({ 'x:1': 3 }, 'x:1')).toBe(3);
    expect(positionOf({ 'x:1': 0 }, 'x:1')).toBeNull();
    expect(positionOf(undefined, 'x:1')).toBeNull();
  });
});
