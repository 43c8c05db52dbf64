import { describe, expect, it } from 'vitest';
import { cellAddress, columnLetters, columnNumber, topLeftOf } from './cell-address.js';

describe('A1 addresses', () => {
  it('numbers columns as Excel does, both ways', () => {
    expect([1, 26, 27, 52, 702, 703, 16384].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'ZZ',
      'AAA',
      'XFD',
    ]);
    for (const n of [1, 26, 27, 52, 702, 703, 16384]) expect(columnNumber(columnLetters(n))).toBe(n);
    expect(cellAddress(6, 2)).toBe('F2');
  });

  it('reads the top-left cell of a range, with or without a (quoted) sheet and $ signs', () => {
    expect(topLeftOf('Sheet1!C3:D4')).toEqual({ sheet: 'Sheet1', column: 3, row: 3 });
    expect(topLeftOf("'Landed-cost quote'!$F$2:$N$4")).toEqual({
      sheet: 'Landed-cost quote',
      column: 6,
      row: 2,
    });
    expect(topLeftOf("'Bob''s rates'!AA10")).toEqual({ sheet: "Bob's rates", column: 27, row: 10 });
    expect(topLeftOf('b7')).toEqual({ sheet: '', column: 2, row: 7 });
    expect(topLeftOf('#REF!')).toBeNull();
  });
});
