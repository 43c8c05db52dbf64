import { describe, expect, it } from 'vitest';
import { defaultSettings, mergeSettings, settingsFromStored } from './settings.js';

describe('language and currency settings', () => {
  it('are parsed with the others: a currency code in any case, a known language', () => {
    const next = mergeSettings(defaultSettings(), { language: 'EN', currency: ' usd ' });
    expect(next).toMatchObject({ language: 'en', currency: 'USD' });
    expect(settingsFromStored(JSON.stringify(next))).toEqual(next);
  });

  it('refuse a currency that is not a code, and forget a stored language no longer known', () => {
    expect(() => mergeSettings(defaultSettings(), { currency: 'euros' })).toThrow(/not a currency code/);
    expect(() => mergeSettings(defaultSettings(), { language: 'klingon' })).toThrow(/is not one of/);
    const stored = settingsFromStored(
      JSON.stringify({ proxyUrl: 'http://x.test', language: 'xx', currency: 'EUR' }),
    );
    expect(stored).toMatchObject({ proxyUrl: 'http://x.test', language: '', currency: 'EUR' });
  });
});
