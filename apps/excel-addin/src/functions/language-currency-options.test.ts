import { describe, expect, it } from 'vitest';
import { InvalidOptionError, parseOptionsArgument, parseOptionsText } from './search-options.js';

describe('language and currency options', () => {
  it('reads `language=en; currency=USD` in any case and with aliases', () => {
    expect(parseOptionsText('language=en; currency=USD')).toEqual({ language: 'en', currency: 'USD' });
    expect(parseOptionsText('Lang=RU；ccy=eur')).toEqual({ language: 'ru', currency: 'EUR' });
    expect(
      parseOptionsArgument([
        ['language', 'ja'],
        ['currency', 'jpy'],
      ]),
    ).toEqual({
      language: 'ja',
      currency: 'JPY',
    });
  });

  it('names a language or currency it cannot use', () => {
    expect(() => parseOptionsText('language=klingon')).toThrow(InvalidOptionError);
    expect(() => parseOptionsText('language=klingon')).toThrow(/is not one of zh, en/);
    expect(() => parseOptionsText('currency=dollars')).toThrow(/not a currency code/);
    expect(() => parseOptionsText('currency')).toThrow(/not a currency code/);
  });
});
