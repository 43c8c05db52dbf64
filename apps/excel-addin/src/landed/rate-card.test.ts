import { describe, expect, it } from 'vitest';
import { InputError } from '../cells/input-error.js';
import { parseRateCard, parseRatesText, RATE_CARD_HEADER, rateRowFor } from './rate-card.js';

// The rate card as buyers keep it: a table (with the headers the New rate card button writes, or their own
// spelling), or one text cell. Every mistake names its cell, so the buyer knows what to fix.

const table = (...rows: (string | number | null)[][]) => [[...RATE_CARD_HEADER], ...rows];
const AIR = ['air', 38, null, 60, 6000, 'EUR', 5, 4.7, 19];
const SEA = ['sea', null, 180, 120, null, 'eur', 5, 4.7, 19];

const failure = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
};

describe('parseRateCard: a table', () => {
  it('reads one row per method, the first the default, numbers as numbers and percentages apart', () => {
    const card = parseRateCard(table(AIR, SEA));
    expect(card.rows).toEqual([
      {
        freight: { method: 'air', perKg: 38, minimum: 60, divisor: 6000, currency: 'EUR' },
        agentFeePercent: 5,
        dutyPercent: 4.7,
        vatPercent: 19,
      },
      {
        freight: { method: 'sea', perCbm: 180, minimum: 120, currency: 'EUR' },
        agentFeePercent: 5,
        dutyPercent: 4.7,
        vatPercent: 19,
      },
    ]);
    expect(rateRowFor(card, undefined).freight.method).toBe('air');
    expect(rateRowFor(card, 'sea').freight.perCbm).toBe(180);
  });

  it('skips a title above the header and blank rows, and reads headers however they are spelled', () => {
    const card = parseRateCard([
      ['Rate card — replace with your forwarder’s rates', '', '', ''],
      ['Method', 'PerKg', 'Per_CBM', 'CCY'],
      ['', '', '', ''],
      ['express', '52.5', '', 'usd'],
    ]);
    expect(card.rows).toEqual([{ freight: { method: 'express', perKg: 52.5, currency: 'USD' } }]);
  });

  it('names the cell of a bad value: A1-style with the range address, else row and column', () => {
    const bad = table(AIR, ['sea', null, 'lots', 120, null, 'EUR', 5, 4.7, 19]);
    expect(failure(() => parseRateCard(bad, 'Rates!B3:J5'))).toBe('rates: Rates!D5 "lots" is not a number');
    expect(failure(() => parseRateCard(bad))).toBe('rates: row 3, column "per CBM" "lots" is not a number');
    expect(failure(() => parseRateCard(table(['air', -2, null, null, null, 'EUR']), '$A$1'))).toBe(
      'rates: B2 -2 is below 0',
    );
  });

  it('names a bad method, currency, unknown or repeated header, a stray value and a repeated method', () => {
    expect(failure(() => parseRateCard(table(['boat', 1, null, null, null, 'EUR'])))).toMatch(
      /^rates: row 2, column "method" "boat" is not a method \(use air, express, sea, rail\)$/,
    );
    expect(failure(() => parseRateCard(table(['air', 1, null, null, null, 'euro']), 'A1'))).toBe(
      'rates: F2 "euro" is not a currency code such as EUR',
    );
    expect(
      failure(() =>
        parseRateCard(
          [
            ['method', 'speed', 'currency'],
            ['air', 1, 'EUR'],
          ],
          'C10',
        ),
      ),
    ).toMatch(/^rates: header D10 "speed" is not a rate-card column/);
    expect(
      failure(() =>
        parseRateCard([
          ['method', 'per kg', 'perKg', 'currency'],
          ['air', 1, 2, 'EUR'],
        ]),
      ),
    ).toBe('rates: header row 1, column "perKg" repeats "perKg"');
    expect(
      failure(() =>
        parseRateCard(
          [
            ['method', 'per kg', '', 'currency'],
            ['air', 1, 'x', 'EUR'],
          ],
          'A1',
        ),
      ),
    ).toBe('rates: C2 has a value under no column header');
    expect(failure(() => parseRateCard(table(AIR, AIR), 'A1'))).toBe(
      'rates: A3 repeats air (one row per method)',
    );
  });

  it('names what is missing: the rates of a row, its currency, the currency column, any row, a header', () => {
    expect(failure(() => parseRateCard(table(['air', null, null, 50, null, 'EUR']), 'A1'))).toBe(
      'rates: B2: give perKg or perCbm (or both)',
    );
    expect(failure(() => parseRateCard(table(['air', 38, null, null, null, null]), 'A1'))).toBe(
      "rates: F2 is blank; give the rates' currency, e.g. EUR",
    );
    expect(
      failure(() =>
        parseRateCard([
          ['method', 'per kg'],
          ['air', 38],
        ]),
      ),
    ).toBe("rates: the table has no currency column; give the rates' currency, e.g. EUR");
    expect(
      failure(() =>
        parseRateCard([
          [null, ''],
          ['', null],
        ]),
      ),
    ).toMatch(/^rates: give your rate-card table/);
    expect(failure(() => parseRateCard([[...RATE_CARD_HEADER], ['', '', '', '', '', '', '', '', '']]))).toBe(
      'rates: the table has a header but no method rows',
    );
    expect(
      failure(() =>
        parseRateCard([
          ['', 'per kg'],
          ['air', 3],
        ]),
      ),
    ).toMatch(/no header row with a "method"/);
    expect(failure(() => parseRateCard(table(['air', 38, null, null, null, 'EUR', null, '4,7x'])))).toBe(
      'rates: row 2, column "duty %" "4,7x" is not a number',
    );
    // A decimal comma is not guessed (4.7 or 47?): the cell says how to write it.
    expect(failure(() => parseRateCard(table(['air', 38, null, null, null, 'EUR', null, '4,7'])))).toBe(
      'rates: row 2, column "duty %" "4,7" is not a number (write 4.7)',
    );
  });

  it('asks a method the card lacks by name, listing those it has', () => {
    expect(failure(() => rateRowFor(parseRateCard(table(AIR)), 'rail'))).toBe(
      'option "method": the rate card has no rail row (it has air)',
    );
  });
});

describe('parseRatesText: one cell', () => {
  it('reads the issue’s example, with a bare method and the short names', () => {
    expect(parseRatesText('air; perKg=38; currency=EUR; duty=4.7; vat=19')).toEqual({
      rows: [{ freight: { method: 'air', perKg: 38, currency: 'EUR' }, dutyPercent: 4.7, vatPercent: 19 }],
    });
    expect(parseRateCard([['sea；perCbm＝180；min=120；ccy=gbp；basis=FOB']]).rows[0]).toEqual({
      freight: { method: 'sea', perCbm: 180, minimum: 120, currency: 'GBP' },
      dutyBasis: 'fob',
    });
    expect(parseRateCard('method=rail; perKg=4; currency=EUR; agent=3%').rows[0]?.agentFeePercent).toBe(3);
  });

  it('names the mistake in text form', () => {
    expect(failure(() => parseRatesText('perKg=38; currency=EUR'))).toMatch(/^rates: name the method/);
    expect(failure(() => parseRatesText('air; perKg=38'))).toMatch(/^rates: give currency=…/);
    expect(failure(() => parseRatesText('air; perKg=abc; currency=EUR'))).toBe(
      'rates: "perKg": "abc" is not a number',
    );
    expect(failure(() => parseRatesText('air; speed=3; currency=EUR'))).toMatch(
      /^rates: name "speed" is not a rate-card column/,
    );
    expect(failure(() => parseRatesText('air; sea; perKg=1; currency=EUR'))).toBe(
      'rates: "sea" is given twice',
    );
    expect(failure(() => parseRatesText('air; perKg=; currency=EUR'))).toBe('rates: "perKg" needs a value');
  });
});
