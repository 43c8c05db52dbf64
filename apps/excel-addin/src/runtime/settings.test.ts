import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  MACHINE_NAMES,
  mergeSettings,
  settingsFromStored,
  storedMachineSettings,
  storedSettings,
  WORKBOOK_NAMES,
  workbookSettingsFromStored,
} from './settings.js';

describe('workbook defaults (language, currency, quantity)', () => {
  it('are parsed with the others: a currency code in any case, a known language, whole pieces', () => {
    const next = mergeSettings(defaultSettings(), { language: 'EN', currency: ' usd ', quantity: ' 500 ' });
    expect(next).toMatchObject({ language: 'en', currency: 'USD', quantity: 500 });
    expect(settingsFromStored(storedSettings(next, WORKBOOK_NAMES), WORKBOOK_NAMES)).toEqual({
      language: 'en',
      currency: 'USD',
      quantity: 500,
      staleAfterDays: 7,
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

describe('stale after (days): the workbook’s, with the machine’s older value as a fallback (issue 22)', () => {
  it('is a workbook setting, not a machine one', () => {
    expect(WORKBOOK_NAMES).toContain('staleAfterDays');
    expect(MACHINE_NAMES).not.toContain('staleAfterDays');
    const saved = JSON.parse(
      storedSettings(mergeSettings(defaultSettings(), { staleAfterDays: 30 }), MACHINE_NAMES),
    );
    expect(saved).not.toHaveProperty('staleAfterDays');
    // …except a value an older build kept there, which is kept as other workbooks' fallback.
    const settings = mergeSettings(defaultSettings(), { proxyUrl: 'http://y.test', staleAfterDays: 30 });
    expect(JSON.parse(storedMachineSettings(settings, JSON.stringify({ staleAfterDays: 14 })))).toMatchObject(
      {
        proxyUrl: 'http://y.test',
        staleAfterDays: 14,
      },
    );
    expect(JSON.parse(storedMachineSettings(settings, null))).not.toHaveProperty('staleAfterDays');
  });

  it('takes whole days from 1 to 365, typed or stored, and says so otherwise', () => {
    expect(mergeSettings(defaultSettings(), { staleAfterDays: ' 30 ' }).staleAfterDays).toBe(30);
    expect(mergeSettings(defaultSettings(), { staleAfterDays: 365 }).staleAfterDays).toBe(365);
    for (const bad of ['0', '366', '2.5', 'week', '', -3]) {
      expect(() => mergeSettings(defaultSettings(), { staleAfterDays: bad })).toThrow(
        /is not a number of days for "stale after": a whole number from 1 to 365/,
      );
    }
  });

  it('reads the workbook’s value first, else the one an older build kept on this computer, else 7', () => {
    const machine = JSON.stringify({ proxyUrl: 'http://x.test', staleAfterDays: 14, currency: 'EUR' });
    // The workbook has its own: the machine's is ignored.
    expect(workbookSettingsFromStored(JSON.stringify({ staleAfterDays: 3 }), machine)).toMatchObject({
      staleAfterDays: 3,
    });
    // The workbook has none (a workbook from before, or one with only a language): the machine's older value.
    expect(workbookSettingsFromStored(JSON.stringify({ language: 'en' }), machine)).toEqual({
      language: 'en',
      currency: '',
      quantity: '',
      staleAfterDays: 14,
    });
    expect(workbookSettingsFromStored(null, machine).staleAfterDays).toBe(14);
    // Neither has one, or the machine's no longer parses: the default.
    expect(
      workbookSettingsFromStored(null, JSON.stringify({ proxyUrl: 'http://x.test' })).staleAfterDays,
    ).toBe(7);
    expect(workbookSettingsFromStored(null, JSON.stringify({ staleAfterDays: 9999 })).staleAfterDays).toBe(7);
    expect(workbookSettingsFromStored('not json', null).staleAfterDays).toBe(7);
  });
});
