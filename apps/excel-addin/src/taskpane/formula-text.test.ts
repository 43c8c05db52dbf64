import { describe, expect, it } from 'vitest';
import { FUNCTION_CATALOG } from '../app/function-catalog.js';
import { fieldsRows } from '../cells/function-docs.js';
import { parseLandedOptions } from '../landed/landed-options.js';
import { parseFields } from '../offers/offer-fields.js';
import { parseOfferOptions } from '../offers/offer-options.js';
import { readOptionsText } from '../search/search-options.js';
import { formulaText, optionsText } from './formula-text.js';

const doc = (name: string) => FUNCTION_CATALOG.find((f) => f.name === name)!;

describe('the formula the builder inserts', () => {
  it('SUPPLIERS: keyword quoted, options as the reader reads them, count bare', () => {
    const options = [
      { name: 'factoryOnly', value: '' },
      { name: 'city', value: '汕头' },
    ];
    const formula = formulaText(
      { fn: doc('SUPPLIERS'), args: { keyword: 'toy "factory"', count: '10' }, options, fields: [] },
      'YUANTOU',
    );
    expect(formula).toBe('=YUANTOU.SUPPLIERS("toy ""factory""","factoryOnly; city=汕头",10)');
    // The options text is what the function's own reader takes.
    expect(readOptionsText(optionsText(options)).map((o) => [o.key, o.value])).toEqual([
      ['factoryOnly', ''],
      ['city', '汕头'],
    ]);
  });

  it('LANDED: a rate card range bare, the text form quoted, the options text as its own reader takes it', () => {
    const fn = doc('LANDED');
    const options = [
      { name: 'method', value: 'sea' },
      { name: 'detail', value: '' },
    ];
    expect(
      formulaText({
        fn,
        args: { link: 'A7', quantity: '500', rates: "'My rates'!$F$2:$N$4" },
        options,
        fields: [],
      }),
    ).toBe('=LANDED("A7",500,\'My rates\'!$F$2:$N$4,"method=sea; detail")');
    expect(
      formulaText({
        fn,
        args: { link: '610947572360', quantity: '50', rates: 'air; perKg=38; currency=EUR' },
        options: [],
        fields: [],
      }),
    ).toBe('=LANDED("610947572360",50,"air; perKg=38; currency=EUR")');
    expect(parseLandedOptions(optionsText(options))).toEqual({ method: 'sea', detail: true, body: {} });
  });

  it('OFFERS: the picked range bare, columns as fields, blank arguments kept between and dropped at the end', () => {
    const fn = doc('OFFERS');
    const fields = ['title', 'price', 'moq'];
    expect(formulaText({ fn, args: { links: 'A2:A20' }, options: [], fields })).toBe(
      '=OFFERS(A2:A20,"title,price,moq")',
    );
    const options = [{ name: 'quantity', value: '500' }];
    expect(formulaText({ fn, args: { links: 'A2:A20' }, options, fields: [] })).toBe(
      '=OFFERS(A2:A20,,"quantity=500")',
    );
    expect(parseFields('title,price,moq').map((c) => c.field)).toEqual(fields);
    expect(parseOfferOptions('quantity=500')).toEqual({ quantity: 500 });
  });

  it('PRICEAT and FIELDS', () => {
    expect(
      formulaText({
        fn: doc('PRICEAT'),
        args: { link: '612345678901', quantity: '500', currency: 'USD' },
        options: [],
        fields: [],
      }),
    ).toBe('=PRICEAT("612345678901",500,,"USD")');
    expect(formulaText({ fn: doc('FIELDS'), args: { name: 'OFFERS' }, options: [], fields: [] })).toBe(
      '=FIELDS("OFFERS")',
    );
    expect(fieldsRows(FUNCTION_CATALOG, 'OFFERS').length).toBeGreaterThan(5);
  });
});
