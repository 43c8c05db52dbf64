import { DOMParser } from '@xmldom/xmldom';

// The ECB euro foreign exchange reference rates, https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml:
// a gesmes envelope, base EUR, one `<Cube time='YYYY-MM-DD'>` holding `<Cube currency='XXX' rate='n'/>` (1 EUR =
// n XXX). About 30 currencies; CNY is included, RUB has been absent since 2022. The daily file uses single-quoted
// attributes while the -hist files use double quotes, so this reads it with a namespace-aware XML parser rather
// than a quote-specific pattern.

export const ECB_DAILY_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';
const EUROFXREF_NS = 'http://www.ecb.int/vocabulary/2002-08-01/eurofxref';

export interface EcbDaily {
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** Units of each currency per 1 EUR; EUR itself is 1. */
  perEur: ReadonlyMap<string, number>;
}

export class EcbFeedError extends Error {
  override readonly name = 'EcbFeedError';
}

// The feed is an untrusted upstream (issue 23: absurd but numeric rates were served as normal, `1e-320` and `1e308`
// made every USD request a 500). The ECB writes plain decimals (`rate='1.0939'`, `rate='17039.08'`); anything
// else — hex (`0x10`), exponents, signs, `Infinity`, padding — is refused, as is a currency listed twice.
const DECIMAL = /^\d{1,9}(?:\.\d{1,9})?$/;
// Units per EUR the ECB has published span about 0.8 (GBP) to 17,000 (IDR); these bounds leave room both ways
// while keeping every derived amount finite.
const MIN_PER_EUR = 1e-4;
const MAX_PER_EUR = 1e6;
// CNY has stayed between about 6 and 11 per EUR since the ECB began quoting it; outside 2–50 the feed is wrong,
// and every conversion goes through CNY.
const CNY_PER_EUR = { min: 2, max: 50 };

export function parseEcbDaily(xml: string): EcbDaily {
  let document: ReturnType<DOMParser['parseFromString']>;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new EcbFeedError(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (error) {
    throw new EcbFeedError(`ECB rates: not valid XML (${(error as Error).message.split('\n')[0]})`);
  }
  const cubes = Array.from(document.getElementsByTagNameNS(EUROFXREF_NS, 'Cube'));
  const dated = cubes.find((cube) => cube.hasAttribute('time'));
  const date = dated?.getAttribute('time') ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new EcbFeedError('ECB rates: no dated <Cube time> in the feed');
  const perEur = new Map<string, number>([['EUR', 1]]);
  for (const cube of cubes) {
    const currency = cube.getAttribute('currency');
    if (currency === null) continue;
    const text = cube.getAttribute('rate') ?? '';
    const rate = Number(text);
    if (!/^[A-Z]{3}$/.test(currency) || !DECIMAL.test(text) || rate < MIN_PER_EUR || rate > MAX_PER_EUR) {
      throw new EcbFeedError(`ECB rates: unreadable entry for ${currency.slice(0, 8)}`);
    }
    if (perEur.has(currency)) throw new EcbFeedError(`ECB rates: ${currency} is listed twice`);
    perEur.set(currency, rate);
  }
  if (perEur.size === 1) throw new EcbFeedError('ECB rates: the feed lists no currency');
  const cny = perEur.get('CNY');
  if (cny !== undefined && (cny < CNY_PER_EUR.min || cny > CNY_PER_EUR.max))
    throw new EcbFeedError(
      `ECB rates: CNY at ${cny} per EUR is outside ${CNY_PER_EUR.min}–${CNY_PER_EUR.max}`,
    );
  return { date, perEur };
}
