import type { OfferResult, OffersBodyInput, OffersResponse } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { excelDateTime } from '../cells/as-of.js';
import { InputError } from '../cells/input-error.js';
import { QueryCache } from '../cells/query-cache.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { createOfferFunctions } from './offer-functions.js';

// Pictures and cards from =OFFER/=OFFERS: where the host supports data types (CustomFunctionsRuntime 1.4) the
// title cell is the offer's card and the image cell its picture; every other column stays a plain value.

const WITH_IMAGE = '612345678901';
const NO_IMAGE = '598765432109';
const FETCHED_AT = '2026-12-05T08:30:00.000Z';

function setup(richCells: () => RichCellCapabilities | null) {
  const requests: OffersBodyInput[] = [];
  const client = {
    async getOffers(body: OffersBodyInput): Promise<OffersResponse> {
      requests.push(body);
      const results = body.refs.map(
        (ref): OfferResult => ({
          ref,
          offerId: ref,
          offer: sampleOffer(ref, 'demo', {
            images: ref === WITH_IMAGE ? ['//cbu01.alicdn.com/img/ibank/O1CN01a.jpg'] : [],
          }),
          provider: 'demo',
          attempts: [],
          fetchedAt: FETCHED_AT,
        }),
      );
      return { results, providerOrder: ['demo'], sampleData: true };
    },
  };
  const fns = createOfferFunctions({
    client: () => client,
    cache: new QueryCache({ ttlMs: 60_000, maxEntries: 100 }),
    richCells,
    windowMs: 0,
  });
  return { fns, requests };
}

const modern = () => ({ doubleNumberFormat: true });
const isObject = (cell: unknown) => typeof cell === 'object' && cell !== null;

describe('rich values from the offer functions', () => {
  it('=OFFER: one row, the title a card and the image a picture; the other columns plain', async () => {
    const { fns } = setup(modern);
    const rows = await fns.offer(WITH_IMAGE, 'id,title,price,moq,image', undefined);
    expect(rows).toHaveLength(1);
    const [id, title, price, moq, image] = rows[0]!;
    expect([id, price, moq]).toEqual([WITH_IMAGE, 5, 10]);
    expect(title).toMatchObject({ type: 'Entity', text: `样品 ${WITH_IMAGE}` });
    expect(title).toHaveProperty('properties.From 100', {
      type: 'Double',
      basicValue: 4.5,
      numberFormat: '"¥"#,##0.00',
    });
    expect(image).toEqual({
      type: 'WebImage',
      address: 'https://cbu01.alicdn.com/img/ibank/O1CN01a.jpg',
      altText: `样品 ${WITH_IMAGE}`,
    });
  });

  it('puts the price at the quantity the options ask for on the card, and only then', async () => {
    const { fns } = setup(modern);
    const [[asked]] = (await fns.offer(WITH_IMAGE, 'title', [['quantity=150']])) as [[Excel.EntityCellValue]];
    expect(asked.properties?.['Unit price']).toMatchObject({ basicValue: 4.5 });
    expect(asked.properties?.Subtotal).toMatchObject({ basicValue: 675 });
    const [[atMoq]] = (await fns.offer(WITH_IMAGE, 'title', undefined)) as [[Excel.EntityCellValue]];
    expect(atMoq.properties).not.toHaveProperty('Unit price');
  });

  it('=OFFERS: the header stays text; a link without an https image keeps an empty image cell', async () => {
    const { fns } = setup(modern);
    const rows = await fns.offers([[WITH_IMAGE], [''], [NO_IMAGE]], 'title,image,stock', undefined);
    expect(rows[0]).toEqual(['title', 'image URL', 'stock', 'as of', 'stale']);
    expect(rows[1]![0]).toMatchObject({ type: 'Entity' });
    expect(rows[1]![1]).toMatchObject({ type: 'WebImage' });
    expect(rows[1]![2]).toBe(1000);
    // `as of` is a date-time number shown as one where the host takes a number format (issue 22).
    expect(rows[1]![3]).toEqual({
      type: 'Double',
      basicValue: excelDateTime(new Date(FETCHED_AT)),
      numberFormat: 'yyyy-mm-dd hh:mm',
    });
    expect(rows[2]).toEqual(['', '', '', '', '']);
    // The card says "as of" too, in its Source section beside the provider.
    const card = rows[1]![0] as Excel.EntityCellValue;
    expect(card.properties?.['As of']).toEqual(rows[1]![3]);
    expect(card.layouts?.card?.sections?.find((s) => s.title === 'Source')?.properties).toEqual([
      'Offer id',
      'Provider',
      'Link',
      'As of',
    ]);
    expect(rows[3]![0]).toMatchObject({ type: 'Entity', text: `样品 ${NO_IMAGE}` });
    expect(rows[3]![1]).toBe('');
  });

  it('gives plain values on a host without data types and with rich=off, from the same one request', async () => {
    let capabilities: RichCellCapabilities | null = null;
    const { fns, requests } = setup(() => capabilities);
    const plain = await fns.offers([[WITH_IMAGE]], 'title,image', undefined);
    capabilities = { doubleNumberFormat: true };
    const off = await fns.offers([[WITH_IMAGE]], 'title,image', [['rich=off']]);
    const offRange = await fns.offer(WITH_IMAGE, 'title,image', [['rich', 'no']]);
    expect(plain).toEqual([
      ['title', 'image URL', 'as of', 'stale'],
      [
        `样品 ${WITH_IMAGE}`,
        '//cbu01.alicdn.com/img/ibank/O1CN01a.jpg',
        excelDateTime(new Date(FETCHED_AT)),
        expect.any(String),
      ],
    ]);
    expect(off).toEqual(plain);
    expect(offRange).toEqual(plain.slice(1));
    for (const row of [...plain, ...off, ...offRange])
      for (const cell of row) expect(isObject(cell)).toBe(false);
    // `rich` is the add-in's own option: never sent to the proxy, and the cached offer serves every form.
    expect(requests).toHaveLength(1);
    expect(requests[0]).not.toHaveProperty('rich');
  });

  it('names the option when rich has a value other than on/off', async () => {
    const { fns } = setup(modern);
    await expect(fns.offer(WITH_IMAGE, 'title', [['rich=maybe']])).rejects.toEqual(
      new InputError('rich', 'option "rich": "maybe" is not on/off'),
    );
  });
});
