import { describe, expect, it } from 'vitest';
import { InputError } from '../cells/input-error.js';
import { QueryCache } from '../cells/query-cache.js';
import { FakeProxyClient } from './__fixtures__/fake-proxy-client.js';
import { createSearchFunctions } from './search-functions.js';

function setup(defaults?: { language?: string; currency?: string }) {
  const client = new FakeProxyClient();
  const cache = new QueryCache({ ttlMs: 60_000, maxEntries: 100 });
  const fns = createSearchFunctions({
    client: () => client,
    cache,
    ...(defaults ? { defaults: () => defaults } : {}),
  });
  return { client, fns };
}

describe('language and currency options', () => {
  it('reads `language=en; currency=USD` in any case and with aliases', async () => {
    const { client, fns } = setup();
    await fns.products('玩具', [['language=en; currency=USD']], 2, undefined);
    await fns.products('玩具', [['Lang=RU；ccy=eur']], 2, undefined);
    await fns.products(
      '玩具',
      [
        ['language', 'ja'],
        ['currency', 'jpy'],
      ],
      2,
      undefined,
    );
    expect(
      client.requests.map((r) => [r.params.language, (r.params as { currency?: string }).currency]),
    ).toEqual([
      ['en', 'USD'],
      ['ru', 'EUR'],
      ['ja', 'JPY'],
    ]);
  });

  it('names a language or currency it cannot use', async () => {
    const { fns } = setup();
    await expect(fns.products('玩具', [['language=klingon']], 2, undefined)).rejects.toThrow(InputError);
    await expect(fns.products('玩具', [['language=klingon']], 2, undefined)).rejects.toThrow(
      /is not one of zh, en/,
    );
    await expect(fns.products('玩具', [['currency=dollars']], 2, undefined)).rejects.toThrow(/currency/);
  });

  it("uses the pane's language and currency where the cell's options do not set them", async () => {
    const { client, fns } = setup({ language: 'en', currency: 'USD' });
    await fns.products('玩具', undefined, 2, undefined);
    await fns.products('玩具', [['currency=EUR']], 2, undefined);
    expect(
      client.requests.map((r) => [r.params.language, (r.params as { currency?: string }).currency]),
    ).toEqual([
      ['en', 'USD'],
      ['en', 'EUR'],
    ]);
  });
});
