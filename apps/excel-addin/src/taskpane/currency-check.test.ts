import type { CurrenciesResponse } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { currencyProblem } from './currency-check.js';

// Unit cases on a fixed answer; the same check against the real demo proxy is in
// test/buyer-terms.integration.test.ts.

const listing = (answer: CurrenciesResponse | Error) => {
  let asked = 0;
  return {
    get asked() {
      return asked;
    },
    currencies: async () => {
      asked++;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
};

const ECB: CurrenciesResponse = {
  currencies: ['CNY', 'EUR', 'GBP', 'USD'],
  source: 'ecb',
  rateDate: '2026-12-04',
  stale: false,
};

describe('the pane accepts only a currency the proxy can convert', () => {
  it('a listed currency (any case) is accepted; blank and CNY without asking', async () => {
    const proxy = listing(ECB);
    expect(await currencyProblem('eur', proxy)).toBeNull();
    expect(await currencyProblem('', proxy)).toBeNull();
    expect(await currencyProblem('CNY', proxy)).toBeNull();
    expect(proxy.asked).toBe(1);
  });

  it('RUB is refused, saying why and what the proxy converts', async () => {
    expect(await currencyProblem('RUB', listing(ECB))).toBe(
      'RUB not saved: the proxy cannot convert prices to RUB (its rates: ecb 2026-12-04). It converts EUR, GBP, USD.',
    );
  });

  it('no rates now, or a proxy that cannot be asked: refused with the reason', async () => {
    const down = { ...ECB, currencies: [], error: 'ECB rates could not be fetched' };
    expect(await currencyProblem('USD', listing(down))).toBe(
      'USD not saved: the proxy has no exchange rates now (ECB rates could not be fetched).',
    );
    expect(await currencyProblem('USD', listing(new Error('connection refused')))).toMatch(
      /^USD not saved: the proxy could not be asked .*connection refused/,
    );
  });
});
