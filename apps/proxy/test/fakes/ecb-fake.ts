import { readFileSync } from 'node:fs';
import { type FakeServer, startFakeServer } from '@yuantou/core/testing';

// The ECB daily reference-rate file as the ECB serves it: the verbatim copy of 2024-03-13 (single-quoted
// attributes, tabs, gesmes namespace) re-dated and trimmed on demand, so tests can play a holiday gap (the
// same date served for days) or a feed missing a currency — and a hostile feed (issue 23): any rate text
// (`0x10`, `1e-320`, `1e308`), a currency listed twice, any date (1000-01-01, 2099-12-31).

export const ECB_DAILY_PATH = '/stats/eurofxref/eurofxref-daily.xml';

const VERBATIM = readFileSync(
  new URL('../../src/fx/__fixtures__/ecb-eurofxref-daily-2024-03-13.xml', import.meta.url),
  'utf8',
);

export interface EcbFeed {
  /** The `<Cube time>` served (default 2024-03-13). */
  date?: string;
  /** Currencies removed from the file. */
  without?: string[];
  /** The `rate` attribute text of these currencies, as given (hostile feeds: `0x10`, `1e308`, `7,5`). */
  rates?: Record<string, string>;
  /** A currency listed a second time with this rate text. */
  duplicate?: { currency: string; rate: string };
}

export function ecbDailyXml(feed: EcbFeed = {}): string {
  let xml = VERBATIM.replace("time='2024-03-13'", `time='${feed.date ?? '2024-03-13'}'`);
  for (const currency of feed.without ?? []) {
    xml = xml.replace(new RegExp(`\\s*<Cube currency='${currency}' rate='[^']*'/>`), '');
  }
  for (const [currency, rate] of Object.entries(feed.rates ?? {})) {
    xml = xml.replace(new RegExp(`(<Cube currency='${currency}' rate=')[^']*'`), `$1${rate}'`);
  }
  if (feed.duplicate) {
    const { currency, rate } = feed.duplicate;
    xml = xml.replace(
      "<Cube currency='USD'",
      `<Cube currency='${currency}' rate='${rate}'/><Cube currency='USD'`,
    );
  }
  return xml;
}

export interface EcbFake extends FakeServer {
  /** The URL of the daily file on this fake. */
  readonly dailyUrl: string;
  /** What the daily file holds from now on. */
  publish(feed: EcbFeed): void;
}

export async function startEcbFake(initial: EcbFeed = {}): Promise<EcbFake> {
  let feed = initial;
  const server = await startFakeServer({
    name: 'ecb',
    route: (request) =>
      request.method === 'GET' && request.path === ECB_DAILY_PATH
        ? () => ({ body: ecbDailyXml(feed), raw: true, headers: { 'content-type': 'text/xml' } })
        : undefined,
    authenticate: () => null,
    errors: {
      maintenance: () => ({ status: 503, body: '<html><body>Service unavailable</body></html>', raw: true }),
    },
  });
  return Object.assign(server, {
    dailyUrl: `${server.url}${ECB_DAILY_PATH}`,
    publish: (next: EcbFeed) => {
      feed = next;
    },
  });
}
