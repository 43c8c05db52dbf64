import { describe, expect, it } from 'vitest';
import { InvalidOptionError, parseOptionsArgument, parseOptionsText } from './search-options.js';

describe('parseOptionsText', () => {
  it('reads the example from the issue', () => {
    expect(parseOptionsText('provider=tmapi,onebound; factoryOnly; city=汕头; sort=repurchase')).toEqual({
      provider: ['tmapi', 'onebound'],
      factoryOnly: true,
      city: '汕头',
      sort: 'repurchase',
    });
  });

  it('accepts aliases, any case, full-width separators and numbers', () => {
    expect(parseOptionsText('Providers = DEMO；MOQ=100；min_price=2.5; maxPrice=20; factory=no')).toEqual({
      provider: ['demo'],
      minOrder: 100,
      priceMin: 2.5,
      priceMax: 20,
      factoryOnly: false,
    });
  });

  it('treats blank text as no options', () => {
    expect(parseOptionsText('  ;  ')).toEqual({});
  });

  it.each([
    ['colour=red', 'colour'],
    ['provider=taobao', 'provider'],
    ['sort=cheapest', 'sort'],
    ['moq=1.5', 'moq'],
    ['priceMax=-1', 'priceMax'],
    ['factoryOnly=maybe', 'factoryOnly'],
    ['city=', 'city'],
    ['priceMin=30; priceMax=10', 'priceMin'],
  ])('rejects %s and names the option', (text, option) => {
    const error = (() => {
      try {
        parseOptionsText(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).option).toBe(option);
    expect((error as Error).message).toContain(`"${option}"`);
  });
});

describe('parseOptionsArgument', () => {
  it('reads a single cell as text', () => {
    expect(parseOptionsArgument([['factoryOnly; city=东莞']])).toEqual({ factoryOnly: true, city: '东莞' });
  });

  it('reads a 2-column range of names and values, skipping blank rows', () => {
    const range = [
      ['provider', 'tmapi, demo'],
      ['', ''],
      ['factoryOnly', true],
      ['priceMax', 9.9],
    ];
    expect(parseOptionsArgument(range)).toEqual({
      provider: ['tmapi', 'demo'],
      factoryOnly: true,
      priceMax: 9.9,
    });
  });

  it('treats an omitted or empty argument as no options', () => {
    expect(parseOptionsArgument(undefined)).toEqual({});
    expect(parseOptionsArgument([['']])).toEqual({});
    expect(parseOptionsArgument([[null]])).toEqual({});
  });

  it('rejects a range that is not two columns', () => {
    expect(() => parseOptionsArgument([['a', 'b', 'c']])).toThrow(/2-column range/);
  });

  it('rejects a bad name in a range', () => {
    expect(() => parseOptionsArgument([['size', 'big']])).toThrow(/option "size"/);
  });
});
