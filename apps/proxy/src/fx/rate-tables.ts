import type { RateSource } from '@yuantou/core';
import type { EcbDaily } from './ecb-daily.js';

/** A set of exchange rates against CNY from one source, as of one date. */
export interface RateTable {
  source: RateSource;
  /** Publication date (YYYY-MM-DD); null for fixed config rates. */
  rateDate: string | null;
  /** CNY per one unit of `currency`, or undefined when the source does not list it. */
  cnyPer(currency: string): number | undefined;
  currencies(): string[];
  /** Why a newer publication was not taken (served quotes are then flagged `stale`). */
  heldBack?: string;
}

function tableFrom(source: RateSource, rateDate: string | null, cnyPer: Map<string, number>): RateTable {
  return {
    source,
    rateDate,
    cnyPer: (currency) => cnyPer.get(currency),
    currencies: () => [...cnyPer.keys()].sort(),
  };
}

/**
 * ECB rates are quoted per EUR; the ECB's cross-rate rule gives CNY per unit: USD→CNY = rate(CNY) / rate(USD).
 * A feed without CNY cannot convert anything (undefined → the caller reports it).
 */
export function tableFromEcb(daily: EcbDaily, source: RateSource = 'ecb'): RateTable | undefined {
  const cnyPerEur = daily.perEur.get('CNY');
  if (cnyPerEur === undefined) return undefined;
  const cnyPer = new Map<string, number>();
  for (const [currency, perEur] of daily.perEur) cnyPer.set(currency, cnyPerEur / perEur);
  cnyPer.set('CNY', 1);
  return tableFrom(source, daily.date, cnyPer);
}

/** Fixed rates from config (`YUANTOU_FX_RATES=USD:7.12,EUR:7.74`, CNY per unit); they carry no date. */
export function fixedRateTable(rates: Readonly<Record<string, number>>): RateTable {
  return tableFrom('config', null, new Map([['CNY', 1], ...Object.entries(rates)]));
}

// Demo mode: the ECB reference rates of 2024-03-13 (a verbatim copy of that day's eurofxref-daily.xml, CNY
// 7.8678 per EUR), bundled so `currency=USD` works offline and without configuration. Labelled `demo`, and
// flagged stale like any rate of that age.
const DEMO_ECB_2024_03_13: EcbDaily = {
  date: '2024-03-13',
  perEur: new Map(
    Object.entries({
      EUR: 1,
      USD: 1.0939,
      JPY: 161.83,
      BGN: 1.9558,
      CZK: 25.273,
      DKK: 7.4573,
      GBP: 0.85451,
      HUF: 396.9,
      PLN: 4.286,
      RON: 4.9683,
      SEK: 11.193,
      CHF: 0.9599,
      ISK: 148.5,
      NOK: 11.4805,
      TRY: 35.1136,
      AUD: 1.6542,
      BRL: 5.4506,
      CAD: 1.4756,
      CNY: 7.8678,
      HKD: 8.5574,
      IDR: 17039.08,
      ILS: 3.9947,
      INR: 90.594,
      KRW: 1439.01,
      MXN: 18.3472,
      MYR: 5.1282,
      NZD: 1.777,
      PHP: 60.583,
      SGD: 1.4581,
      THB: 39.036,
      ZAR: 20.4535,
    }),
  ),
};

export function demoRateTable(): RateTable {
  return tableFromEcb(DEMO_ECB_2024_03_13, 'demo')!;
}
