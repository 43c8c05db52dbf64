import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  MACHINE_NAMES,
  mergeSettings,
  settingsFromStored,
  storedSettings,
  WORKBOOK_NAMES,
} from './settings.js';

describe('workbook defaults (language, currency, quantity)', () => {
  it('are parsed with the others: a currency code in any case, a known language, whole pieces', () => {
    const next = mergeSettings(defaultSettings(), { language: 'EN', currency: ' usd ', quantity: ' 500 ' });
    expect(next).toMatchObject({ language: 'en', currency: 'USD', quantity: 500 });
    expect(settingsFromStored(storedSettings(next, WORKBOOK_NAMES), WORKBOOK_NAMES)).toEqual({
      language: 'en',
      currency: 'USD',
      quantity: 500,
    });
  });

  it('refuse a currency that is not a code, a quantity that is not whole pieces, an unknown language', () => {
    expect(() => mergeSettings(defaultSettings(), { currency: 'euros' })).toThrow(/not a currency code/);
    expect(() => mergeSettings(defaultSettings(), { language: 'klingon' })).toThrow(/is not one of/);
    expect(() => mergeSettings(defaultSettings(), { quantity: '2.5' })).toThrow(/whole number of pieces/);
    const stored = settingsFromStored(JSON.stringify({ language: 'xx', currency: 'EUR' }), WORKBOOK_NAMES);
    expect(stored).toMatchObject({ language: '', currency: 'EUR' });
  });

  it('are not read from the machine store: a language and currency an older build kept there change nothing', () => {
    const machine = settingsFromStored(
      JSON.stringify({ proxyUrl: 'http://x.test', language: 'en', currency: 'EUR' }),
      MACHINE_NAMES,
    );
    expect(machine).toMatchObject({ proxyUrl: 'http://x.test' });
    expect(machine).not.toHaveProperty('language');
    expect(machine).not.toHaveProperty('currency');
    // …and the machine's JSON never carries them either.
    const saved = JSON.parse(
      storedSettings(mergeSettings(defaultSettings(), { currency: 'EUR' }), MACHINE_NAMES),
    );
    expect(saved).not.toHaveProperty('currency');
  });
});
