import { describe, expect, it } from 'vitest';
import { CurrencyCode, convertCny, type RateQuote } from './money.js';

const usd: RateQuote = { currency: 'USD', rate: 7.1924, rateDate: '2024-03-13', source: 'ecb', stale: false };

describe('convertCny', () => {
  it('divides by CNY-per-unit and keeps the quote beside the amount', () => {
    expect(convertCny(71.924, usd)).toEqual({ ...usd, amount: 10 });
    expect(convertCny(0.03, usd)).toMatchObject({ amount: 0.00417107 });
  });

  it('keeps a missing price missing and a failure a failure', () => {
    expect(convertCny(null, usd)).toBeNull();
    const failure = { currency: 'USD', error: 'ECB rates unavailable' };
    expect(convertCny(12, failure)).toEqual(failure);
  });
});

describe('CurrencyCode', () => {
  it('upper-cases and rejects what is not a code', () => {
    expect(CurrencyCode.parse(' usd ')).toBe('USD');
    expect(CurrencyCode.safeParse('dollars').success).toBe(false);
    expect(CurrencyCode.safeParse('US').success).toBe(false);
  });
});
