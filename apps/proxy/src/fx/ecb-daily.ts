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
    const rate = Number(cube.getAttribute('rate'));
    if (!/^[A-Z]{3}$/.test(currency) || !Number.isFinite(rate) || rate <= 0) {
      throw new EcbFeedError(`ECB rates: unreadable entry for ${currency.slice(0, 8)}`);
    }
    perEur.set(currency, rate);
  }
  if (perEur.size === 1) throw new EcbFeedError('ECB rates: the feed lists no currency');
  return { date, perEur };
}
