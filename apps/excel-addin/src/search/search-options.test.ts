import { describe, expect, it } from 'vitest';
import { InputError } from '../cells/input-error.js';
import { OPTION_NAMES, readOptionsArgument, readOptionsText } from './search-options.js';

describe('readOptionsText', () => {
  it('reads the example from the issue as core parameter names, keeping how each was written', () => {
    expect(readOptionsText('provider=tmapi,onebound; factoryOnly; city=汕头; sort=repurchase')).toEqual([
      { written: 'provider', key: 'provider', value: 'tmapi,onebound' },
      { written: 'factoryOnly', key: 'factoryOnly', value: '' },
      { written: 'city', key: 'city', value: '汕头' },
      { written: 'sort', key: 'sort', value: 'repurchase' },
    ]);
  });

  it('accepts aliases, any case, `_`/`-`, full-width separators and 是/否', () => {
    expect(
      readOptionsText('Providers = DEMO，tmapi；MOQ=100；min_price=2.5; max-price：20; factory=否').map(
        (o) => [o.key, o.value],
      ),
    ).toEqual([
      ['provider', 'DEMO,tmapi'],
      ['minOrder', '100'],
      ['priceMin', '2.5'],
      ['priceMax', '20'],
      ['factoryOnly', 'no'],
    ]);
  });

  it('knows every parameter of core`s search schemas except those the function sets itself', () => {
    expect(OPTION_NAMES).toEqual(expect.arrayContaining(['provider', 'sort', 'language', 'minOrder']));
    for (const own of ['q', 'imageUrl', 'imageBase64', 'page', 'pageSize'])
      expect(OPTION_NAMES).not.toContain(own);
  });

  it('treats blank text as no options', () => {
    expect(readOptionsText('  ;  ')).toEqual([]);
  });

  it.each(['colour=red', 'pageSize=5', 'q=x'])('rejects the unknown name in %s, naming it', (text) => {
    const name = text.split('=')[0]!;
    expect(() => readOptionsText(text)).toThrow(
      new InputError(name, `option "${name}": unknown option (use ${OPTION_NAMES.join(', ')})`),
    );
  });
});

describe('readOptionsArgument', () => {
  it('reads a single cell as text', () => {
    expect(readOptionsArgument([['factoryOnly; city=东莞']]).map((o) => o.key)).toEqual([
      'factoryOnly',
      'city',
    ]);
  });

  it('reads a 2-column range of names and values, skipping blank rows; numbers as text', () => {
    const range = [
      ['provider', 'tmapi, demo'],
      ['', ''],
      ['factoryOnly', true],
      ['priceMax', 9.9],
    ];
    expect(readOptionsArgument(range).map((o) => [o.key, o.value])).toEqual([
      ['provider', 'tmapi,demo'],
      ['factoryOnly', true],
      ['priceMax', '9.9'],
    ]);
  });

  it('treats an omitted or empty argument as no options', () => {
    expect(readOptionsArgument(undefined)).toEqual([]);
    expect(readOptionsArgument([['']])).toEqual([]);
    expect(readOptionsArgument([[null]])).toEqual([]);
  });

  it('rejects a range that is not two columns', () => {
    expect(() => readOptionsArgument([['a', 'b', 'c']])).toThrow(/2-column range/);
    // An error value in the options range (Excel passes them: functions.json allows error input) is #VALUE!
    // naming it, not "unknown option [object Object]".
    expect(() =>
      readOptionsArgument([['city', { type: 'Error', errorType: 'Ref', basicValue: '#REF!' }]] as never),
    ).toThrow('options: a cell is #REF!');
  });

  it('rejects a bad name in a range', () => {
    expect(() => readOptionsArgument([['size', 'big']])).toThrow(/option "size"/);
  });
});
