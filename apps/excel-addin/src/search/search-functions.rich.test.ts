import { describe, expect, it } from 'vitest';
import { InputError } from '../cells/input-error.js';
import { QueryCache } from '../cells/query-cache.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { FakeProxyClient } from './__fixtures__/fake-proxy-client.js';
import { createSearchFunctions } from './search-functions.js';

// Pictures and cards in cells: where the host supports data types (CustomFunctionsRuntime 1.4) the name/title
// cell is an entity card and the image cell a picture; every other column stays a plain value.

function setup(richCells: () => RichCellCapabilities | null) {
  const client = new FakeProxyClient();
  const cache = new QueryCache({ ttlMs: 60_000, maxEntries: 100 });
  return { client, fns: createSearchFunctions({ client: () => client, cache, richCells }) };
}

const modern = () => ({ doubleNumberFormat: true });

describe('rich values from the search functions', () => {
  it('SUPPLIERS: the company cell is a card titled with the name; the other columns stay plain', async () => {
    const { fns } = setup(modern);
    const [header, first] = await fns.suppliers('玩具厂', undefined, 2, undefined);
    const company = header!.indexOf('company');
    expect(first![company]).toMatchObject({ type: 'Entity', text: '玩具厂 1' });
    expect(first![company]).toHaveProperty('properties.Score', {
      type: 'Double',
      basicValue: 99,
      numberFormat: '0.0',
    });
    for (const [i, cell] of first!.entries()) if (i !== company) expect(typeof cell).not.toBe('object');
  });

  it('PRODUCTS: the title is a card and the image a picture where the product has an https image', async () => {
    const { fns } = setup(modern);
    const rows = await fns.products('玩具', undefined, 3, undefined);
    const header = rows[0]!;
    const title = header.indexOf('title');
    const image = header.indexOf('image URL');
    for (const row of rows.slice(1)) {
      expect(row[title]).toMatchObject({ type: 'Entity' });
      const cell = row[image];
      if (typeof cell === 'object')
        expect(cell).toMatchObject({ type: 'WebImage', address: expect.stringMatching(/^https:\/\//) });
      else expect(cell).toBe('');
    }
    expect(rows.slice(1).some((row) => typeof row[image] === 'object')).toBe(true);
  });

  it('gives plain values on a host without data types, and with rich=off — from the same one request', async () => {
    let capabilities: RichCellCapabilities | null = null;
    const { fns, client } = setup(() => capabilities);
    const plain = await fns.suppliers('玩具厂', undefined, 2, undefined);
    capabilities = { doubleNumberFormat: false };
    const off = await fns.suppliers('玩具厂', [['rich=off']], 2, undefined);
    const on = await fns.suppliers('玩具厂', [['rich', 'on']], 2, undefined);
    expect(plain[1]![2]).toBe('玩具厂 1');
    expect(off).toEqual(plain);
    expect(on[1]![2]).toMatchObject({ type: 'Entity', properties: { Score: { type: 'FormattedNumber' } } });
    // `rich` is the add-in's own option: never sent, and not part of what the proxy is asked.
    expect(client.requests).toHaveLength(1);
    expect(client.requests[0]?.params).not.toHaveProperty('rich');
  });

  it('names the option when rich has a value other than on/off', async () => {
    const { fns } = setup(modern);
    await expect(fns.suppliers('玩具厂', [['rich=maybe']], 2, undefined)).rejects.toEqual(
      new InputError('rich', 'option "rich": "maybe" is not on/off'),
    );
  });

  it('never puts the proxy address or token into a card (cards are saved in the workbook)', async () => {
    const { fns } = setup(modern);
    const rows = await fns.products('玩具', undefined, 5, undefined);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|token/i);
  });
});
