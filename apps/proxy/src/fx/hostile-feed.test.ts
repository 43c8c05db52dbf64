import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ECB_DAILY_PATH, type EcbFake, startEcbFake } from '../../test/fakes/ecb-fake.js';
import { startEndlessServer } from '../../test/fakes/endless-body.js';
import { createCurrencyConverter } from './currency-converter.js';
import { ecbRates } from './ecb-rates.js';

// Issue 23: the rate feed is an untrusted upstream. Absurd but numeric rates were served as normal, 1e-320 and
// 1e308 made every USD request a 500, a feed dated 1000-01-01 froze the process for a minute, 2099-12-31 was
// kept as fresh, an endless feed grew the process past a gigabyte.

const at = (iso: string) => Date.parse(iso);
const USD_RATE = 7.8678 / 1.0939;

describe('a hostile ECB feed', () => {
  let ecb: EcbFake;
  let clock: number;
  const now = () => clock;
  const events: string[] = [];
  const fx = () =>
    createCurrencyConverter(
      ecbRates({ url: ecb.dailyUrl, now, failureBackoffMs: 1, onFetch: (o, d) => events.push(`${o} ${d}`) }),
      { now },
    );

  beforeAll(async () => {
    ecb = await startEcbFake();
  });
  afterAll(() => ecb.close());
  beforeEach(() => {
    ecb.reset();
    events.length = 0;
    clock = at('2024-03-13T16:00:00Z');
  });

  it.each([
    '0x10',
    '1e-320',
    '1e308',
    '1E3',
    '7,5',
    ' 1.09',
    '-1.09',
    'Infinity',
    '1.09abc',
    '',
    '0',
    '0.00000001',
  ])('refuses a rate written %j: no rate rather than a wrong one, never a throw', async (text) => {
    ecb.publish({ date: '2024-03-13', rates: { USD: text } });
    const quote = await fx().quote('USD');
    expect(quote).toMatchObject({ currency: 'USD', error: expect.stringContaining('USD') });
  });

  it('refuses a currency listed twice', async () => {
    ecb.publish({ date: '2024-03-13', duplicate: { currency: 'USD', rate: '2.5' } });
    expect(await fx().quote('USD')).toMatchObject({ error: expect.stringContaining('listed twice') });
  });

  it('refuses an absurd CNY rate (every conversion goes through it)', async () => {
    ecb.publish({ date: '2024-03-13', rates: { CNY: '0.0001' } });
    expect(await fx().quote('USD')).toHaveProperty('error');
  });

  it('after a bad publication the last good set goes on, and a fixed feed is taken at once', async () => {
    const rates = fx();
    ecb.publish({ date: '2024-03-13' });
    expect(await rates.quote('USD')).toMatchObject({ rate: USD_RATE, stale: false });
    // Next day's publication is broken (1e308): the last good set is served, never a 500.
    clock = at('2024-03-14T16:00:00Z');
    ecb.publish({ date: '2024-03-14', rates: { USD: '1e308' } });
    expect(await rates.quote('USD')).toMatchObject({ rate: USD_RATE });
    // Fixed: taken on the next try.
    ecb.publish({ date: '2024-03-14', rates: { USD: '1.1' } });
    clock += 10;
    expect(await rates.quote('USD')).toMatchObject({ rate: 7.8678 / 1.1, rateDate: '2024-03-14' });
  });

  it('a move of more than 20 % in a day is held back and flagged; the last good table is used', async () => {
    const rates = fx();
    ecb.publish({ date: '2024-03-13' });
    await rates.quote('USD');
    clock = at('2024-03-14T16:00:00Z');
    // 13 CNY shown as 14,275,400 USD was this kind of feed: numeric, and absurd next to yesterday.
    ecb.publish({ date: '2024-03-14', rates: { USD: '1.4' } });
    const quote = await rates.quote('USD');
    expect(quote).toMatchObject({ rate: USD_RATE, rateDate: '2024-03-13', stale: true });
    expect(events.at(-1)).toMatch(/^held ECB rates: USD moved 22 %/);
    // A move inside 20 % is a normal day.
    ecb.publish({ date: '2024-03-14', rates: { USD: '1.2' } });
    clock += 10;
    expect(await rates.quote('USD')).toMatchObject({ rate: 7.8678 / 1.2, stale: false });
  });

  it.each(['1000-01-01', '1900-01-01', '2099-12-31', '2024-02-30'])(
    'refuses a feed dated %s at once, without stalling the event loop',
    async (date) => {
      ecb.publish({ date });
      let longestGapMs = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const t = performance.now();
        longestGapMs = Math.max(longestGapMs, t - last);
        last = t;
      }, 5);
      const started = performance.now();
      const quote = await fx().quote('USD');
      const tookMs = performance.now() - started;
      clearInterval(ticker);
      expect(quote).toHaveProperty('error');
      // Today's code walked one day at a time to "now": 12.8 s for 1900, over 60 s for 1000.
      expect(tookMs).toBeLessThan(1_000);
      expect(longestGapMs).toBeLessThan(250);
    },
  );

  it('an endless feed fails the fetch, not the process (RSS measured)', async () => {
    const endless = await startEndlessServer('text/xml');
    try {
      global.gc?.();
      const before = process.memoryUsage().rss;
      const rates = createCurrencyConverter(ecbRates({ url: endless.url, timeoutMs: 10_000 }));
      const quote = await rates.quote('USD');
      const grownMb = (process.memoryUsage().rss - before) / 1024 / 1024;
      expect(quote).toMatchObject({ error: expect.stringContaining('more than') });
      expect(grownMb).toBeLessThan(64);
    } finally {
      await endless.close();
    }
  });

  it('counts one fetch per refusal: a refused feed is not hammered', async () => {
    ecb.publish({ date: '2099-12-31' });
    const rates = createCurrencyConverter(ecbRates({ url: ecb.dailyUrl, now, failureBackoffMs: 60_000 }), {
      now,
    });
    await rates.quote('USD');
    await rates.quote('USD');
    expect(ecb.calls.count(ECB_DAILY_PATH)).toBe(1);
  });
});
