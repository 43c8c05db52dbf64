import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ECB_DAILY_PATH, type EcbFake, startEcbFake } from '../../test/fakes/ecb-fake.js';
import { ProblemError } from '../problem.js';
import { createCurrencyConverter } from './currency-converter.js';
import { ecbRates } from './ecb-rates.js';

const at = (iso: string) => Date.parse(iso);

describe('ECB rates against a fake ECB', () => {
  let ecb: EcbFake;
  let clock: number;
  const now = () => clock;
  const fetches = () => ecb.calls.count(ECB_DAILY_PATH);

  beforeAll(async () => {
    ecb = await startEcbFake();
  });
  afterAll(() => ecb.close());
  beforeEach(() => {
    ecb.reset();
    ecb.publish({ date: '2024-03-13' });
    clock = at('2024-03-13T16:00:00Z');
  });

  const converter = (rates = ecbRates({ url: ecb.dailyUrl, now })) => createCurrencyConverter(rates, { now });

  it('derives cross rates via EUR: CNY per USD = rate(CNY) / rate(USD)', async () => {
    const fx = converter();
    expect(await fx.quote('USD')).toEqual({
      currency: 'USD',
      rate: 7.8678 / 1.0939,
      rateDate: '2024-03-13',
      source: 'ecb',
      stale: false,
    });
    expect((await fx.quote('EUR')) as { rate: number }).toMatchObject({ rate: 7.8678 });
    expect((await fx.quote('CNY')) as { rate: number }).toMatchObject({ rate: 1 });
  });

  it('fetches once per publication, however many requests arrive', async () => {
    const fx = converter();
    await Promise.all(Array.from({ length: 20 }, (_, i) => fx.quote(i % 2 ? 'USD' : 'GBP')));
    expect(fetches()).toBe(1);
    clock = at('2024-03-14T15:29:00Z'); // Thursday 16:29 CET: Wednesday's set is still the latest
    await fx.quote('USD');
    expect(fetches()).toBe(1);
    ecb.publish({ date: '2024-03-14' });
    clock = at('2024-03-14T15:31:00Z');
    expect(await fx.quote('USD')).toMatchObject({ rateDate: '2024-03-14' });
    expect(fetches()).toBe(2);
  });

  it('rides out a holiday gap with few calls and flags the rate stale after 4 days', async () => {
    ecb.publish({ date: '2024-03-28' }); // Maundy Thursday; Good Friday and Easter Monday are TARGET holidays
    clock = at('2024-03-28T16:00:00Z');
    const fx = converter();
    await fx.quote('USD');
    // Poll every quarter hour from Thursday evening to Tuesday 17:00 while the feed keeps saying 28 March.
    for (clock = at('2024-03-28T16:15:00Z'); clock < at('2024-04-02T15:00:00Z'); clock += 15 * 60_000) {
      await fx.quote('USD');
    }
    // One fetch on Thursday, then on Friday and on Monday the 16:30 poll plus half-hourly retries to 18:00.
    expect(fetches()).toBe(1 + 2 * 4 + 1);
    clock = at('2024-04-01T12:00:00Z');
    expect(await fx.quote('USD')).toMatchObject({ rateDate: '2024-03-28', stale: false });
    clock = at('2024-04-02T07:00:00Z');
    expect(await fx.quote('USD')).toMatchObject({ rateDate: '2024-03-28', stale: true });
  });

  it('answers a currency the ECB does not list with a 400 naming `currency`', async () => {
    ecb.publish({ date: '2024-03-13', without: ['GBP'] });
    const fx = converter();
    for (const currency of ['GBP', 'RUB']) {
      const error = await fx.quote(currency).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).problem).toMatchObject({ status: 400, field: 'currency' });
      expect((error as ProblemError).problem.detail).toContain(`currency ${currency} is not listed`);
    }
  });

  it('reports unfetchable rates as a failure for the field, and retries only after a back-off', async () => {
    ecb.setMode({ kind: 'error', code: 'maintenance' });
    const fx = converter(ecbRates({ url: ecb.dailyUrl, now, failureBackoffMs: 60_000 }));
    expect(await fx.quote('USD')).toEqual({ currency: 'USD', error: 'ECB rates: HTTP 503' });
    expect(await fx.quote('USD')).toMatchObject({ error: 'ECB rates: HTTP 503' });
    expect(fetches()).toBe(1);
    ecb.setMode({ kind: 'ok' });
    clock += 61_000;
    expect(await fx.quote('USD')).toMatchObject({ rateDate: '2024-03-13' });
    expect(fetches()).toBe(2);
  });

  it('keeps the last good set when a later fetch fails', async () => {
    const fx = converter();
    await fx.quote('USD');
    ecb.setMode({ kind: 'html', status: 502 });
    clock = at('2024-03-19T12:00:00Z');
    expect(await fx.quote('USD')).toMatchObject({ rateDate: '2024-03-13', stale: true });
    expect(fetches()).toBe(2);
  });

  it('cannot convert anything from a feed without CNY', async () => {
    ecb.publish({ date: '2024-03-13', without: ['CNY'] });
    expect(await converter().quote('USD')).toEqual({
      currency: 'USD',
      error: 'ECB rates: the feed lists no CNY rate',
    });
  });
});
