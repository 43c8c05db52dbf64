import { describe, expect, it } from 'vitest';
import { currencyNumberFormat, minorDigits, moneyCell, moneyText, roundMoney } from './money.js';

describe('money as cells show it', () => {
  it('rounds to the minor unit (cents, whole yen), keeping 4 decimals below a tenth', () => {
    expect(roundMoney(0.364778, 'EUR')).toBe(0.36);
    expect(roundMoney(1116.883117, 'EUR')).toBe(1116.88);
    expect(roundMoney(0.0064213, 'EUR')).toBe(0.0064);
    expect(roundMoney(1234.5, 'JPY')).toBe(1235);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('EUR')).toBe(2);
  });

  it('formats with the symbol where Excel has one, else the code', () => {
    expect(currencyNumberFormat('EUR')).toBe('"€"#,##0.00');
    expect(currencyNumberFormat('JPY')).toBe('"¥"#,##0');
    expect(currencyNumberFormat('PLN')).toBe('#,##0.00 "PLN"');
    expect(currencyNumberFormat('EUR', 0.0064)).toBe('"€"#,##0.0000');
  });

  it('text: €0.36, ¥7,917.80, 12.30 PLN', () => {
    expect(moneyText(0.364778, 'EUR')).toBe('€0.36');
    expect(moneyText(7917.8, 'CNY')).toBe('¥7,917.80');
    expect(moneyText(12.3, 'PLN')).toBe('12.30 PLN');
  });

  it('a cell: a formatted number with data types, else the rounded plain number', () => {
    expect(moneyCell(0.364778, 'USD', { doubleNumberFormat: true })).toEqual({
      type: 'Double',
      basicValue: 0.36,
      numberFormat: '"$"#,##0.00',
    });
    expect(moneyCell(0.364778, 'USD', null)).toBe(0.36);
  });
});
