import { describe, expect, it } from 'vitest';
import { InputError } from '../cells/input-error.js';
import { parseOfferOptions } from './offer-options.js';

// Offer options are read by the one option reader (cells/option-reader.ts) and mean what core's OfferParams
// says: the same spellings, aliases and yes/no words as the search functions' options.

describe('parseOfferOptions', () => {
  it('reads core’s names in any case and spelling, the shared aliases and the add-in’s own options', () => {
    expect(parseOfferOptions('Language=EN; QTY=500; ccy=usd; Headers; rich=off')).toEqual({
      language: 'en',
      quantity: 500,
      currency: 'USD',
      header: true,
      rich: false,
    });
    expect(
      parseOfferOptions([
        ['lang', 'zh'],
        ['quantity', 12],
        ['header', 'no'],
      ]),
    ).toEqual({
      language: 'zh',
      quantity: 12,
      header: false,
    });
    expect(parseOfferOptions(undefined)).toEqual({});
  });

  it('reads yes/no as the search options do, Chinese words included', () => {
    expect(parseOfferOptions('header=是').header).toBe(true);
    expect(parseOfferOptions('header=否').header).toBe(false);
    expect(parseOfferOptions([['header', true]]).header).toBe(true);
    expect(() => parseOfferOptions('header=on')).toThrow(
      new InputError('header', 'option "header": "on" is not yes/no'),
    );
  });

  it('names the option at fault, and lists the known ones for an unknown name', () => {
    expect(() => parseOfferOptions('colour=red')).toThrow(
      new InputError(
        'colour',
        'option "colour": unknown option (use language, quantity, currency, header, rich, maxAge, changes)',
      ),
    );
    expect(() => parseOfferOptions('quantity=-3')).toThrow(InputError);
    expect(() => parseOfferOptions('currency=')).toThrow(
      new InputError('currency', 'option "currency": needs a value'),
    );
  });
});
