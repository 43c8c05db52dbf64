import { describe, expect, it } from 'vitest';
import { sellerIdFrom } from './member-id.js';

describe('sellerIdFrom', () => {
  it.each([
    [['b2b-2208087470531de12c', '123'], 'b2b-2208087470531de12c'],
    [['123', ' b2b-22118516378099ae41 '], 'b2b-22118516378099ae41'],
    [[12345, 'b2b-'], 'onebound:12345'],
    [['NULL', null, '\uFFFD'], null],
    [[], null],
  ])('%j → %s', (candidates, expected) => {
    expect(sellerIdFrom('onebound', ...candidates)).toBe(expected);
  });
});
