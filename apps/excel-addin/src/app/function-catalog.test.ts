import { describe, expect, it } from 'vitest';
import { fieldsRows, functionKey } from '../cells/function-docs.js';
import { InputError } from '../cells/input-error.js';
import { QueryCache } from '../cells/query-cache.js';
import { CLOSING_OFFER_COLUMNS } from '../offers/offer-as-of-columns.js';
import { OFFER_COLUMNS } from '../offers/offer-columns.js';
import { OFFER_DOC, OFFERS_DOC } from '../offers/offer-docs.js';
import { parseFields } from '../offers/offer-fields.js';
import { parseOfferOptions } from '../offers/offer-options.js';
import { FakeProxyClient } from '../search/__fixtures__/fake-proxy-client.js';
import { PRODUCTS_DOC, SUPPLIERS_DOC } from '../search/search-docs.js';
import { createSearchFunctions } from '../search/search-functions.js';
import { readOptionsText } from '../search/search-options.js';
import { FUNCTION_CATALOG } from './function-catalog.js';

// =FIELDS and the pane describe what the functions really do: each documented column is one the function
// spills or its `fields` accepts, each documented option one its reader takes — and nothing undocumented is.

const names = (docs: readonly { name: string }[]) => docs.map((d) => d.name);
/** The reader's answer to an option name: "ok", or the message when the NAME is refused. */
const unknownName = (read: () => unknown) => {
  try {
    read();
    return null;
  } catch (error) {
    const message = (error as Error).message;
    return /unknown option/.test(message) ? message : null;
  }
};

describe('=FIELDS', () => {
  it('spills a header, then the arguments, columns and options of the function asked, however it is written', () => {
    const rows = fieldsRows(FUNCTION_CATALOG, '=YUANTOU.offers(');
    expect(rows[0]).toEqual(['kind', 'name', 'description']);
    expect(rows.filter((r) => r[0] === 'argument').map((r) => r[1])).toEqual(['links', 'fields', 'options']);
    // The `fields` names, then the closing `as of` and `stale` every row ends with (issue 22).
    expect(rows.filter((r) => r[0] === 'column').map((r) => r[1])).toEqual([
      ...OFFER_COLUMNS.map((c) => c.field),
      'asOf',
      'stale',
    ]);
    expect(rows.filter((r) => r[0] === 'option').map((r) => r[1])).toEqual([
      'language',
      'quantity',
      'currency',
      'header',
      'rich',
      'maxAge',
      'changes',
    ]);
    expect(rows.every((r) => String(r[2]).length > 3)).toBe(true);
    expect(functionKey(' Offers() ')).toBe('OFFERS');
  });

  it('lists every function when blank, and names the known ones for an unknown name', () => {
    const all = fieldsRows(FUNCTION_CATALOG, '');
    expect(all.slice(1).map((r) => String(r[1]).split('(')[0])).toEqual(names(FUNCTION_CATALOG));
    expect(() => fieldsRows(FUNCTION_CATALOG, 'REORDERWATCH')).toThrow(InputError);
    expect(() => fieldsRows(FUNCTION_CATALOG, 'REORDERWATCH')).toThrow(/use SUPPLIERS, PRODUCTS/);
  });

  it('SUPPLIERS and PRODUCTS: the documented columns are the header the functions spill', async () => {
    const client = new FakeProxyClient();
    const cache = new QueryCache({ ttlMs: 60_000, maxEntries: 10 });
    const fns = createSearchFunctions({ client: () => client, cache });
    const suppliers = await fns.suppliers('玩具厂', undefined, 2, undefined);
    expect(suppliers[0]).toEqual(names(SUPPLIERS_DOC.columns));
    const products = await fns.products('玩具', undefined, 2, undefined);
    expect(products[0]).toEqual(names(PRODUCTS_DOC.columns));
  });

  it('OFFER/OFFERS: every documented column is a `fields` name, and the fields table has no other', () => {
    const documented = names(OFFERS_DOC.columns);
    const closing = CLOSING_OFFER_COLUMNS.map((c) => c.field);
    expect(documented.slice(-2)).toEqual(closing);
    expect(parseFields(documented.slice(0, -2).join(',')).map((c) => c.field)).toEqual(
      OFFER_COLUMNS.map((c) => c.field),
    );
    // The closing columns are on every row, so they are not `fields` names.
    for (const name of closing) expect(() => parseFields(name)).toThrow(InputError);
    expect(names(OFFER_DOC.columns)).toEqual(documented);
  });

  it('every documented option is one the reader takes, and the reader names exactly those', () => {
    for (const option of SUPPLIERS_DOC.options)
      expect(
        unknownName(() => readOptionsText(`${option.name}=x`)),
        option.name,
      ).toBeNull();
    expect(unknownName(() => readOptionsText('bogus=1'))).toBe(
      `option "bogus": unknown option (use ${names(SUPPLIERS_DOC.options).join(', ')})`,
    );
    for (const option of OFFERS_DOC.options)
      expect(
        unknownName(() => parseOfferOptions(`${option.name}=x`)),
        option.name,
      ).toBeNull();
    expect(unknownName(() => parseOfferOptions('bogus=1'))).toBe(
      `option "bogus": unknown option (use ${names(OFFERS_DOC.options).join(', ')})`,
    );
  });
});
