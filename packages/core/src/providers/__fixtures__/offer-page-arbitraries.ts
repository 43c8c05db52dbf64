import fc from 'fast-check';
import { expect } from 'vitest';
import { Page } from '../../models/page.js';
import { Product } from '../../models/product.js';
import { ProviderError } from '../../models/provider-error.js';
import type { ProviderResponse } from '../provider-contract.js';

// Fuzzing helpers shared by the offer-page adapters' property tests: values as providers really mangle them
// (`"NULL"`, percent strings, U+FFFD from GBK bodies read as UTF-8, wrong types), nested in near-valid shapes.

const scalar = fc.oneof(
  fc.constantFrom(
    null,
    'NULL',
    '',
    '5%',
    '16.00',
    '-3',
    '1e999',
    '\uFFFD\uFFFD',
    'b2b-2208087470531de12c',
    '628745190321',
  ),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
);

/** Any JSON-ish value, biased to the messy scalars above. */
export const messy: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 3 }) },
);

export const offerItem = fc.oneof(
  fc.record(
    {
      offerId: messy,
      offerMapId: messy,
      subject: messy,
      subjectTrans: messy,
      imageUrl: fc.oneof(messy, fc.webUrl()),
      priceInfo: fc.oneof(messy, fc.record({ price: messy, jxhyPrice: messy }, { requiredKeys: [] })),
      repurchaseRate: messy,
      monthSold: messy,
      minOrderQuantity: messy,
    },
    { requiredKeys: [] },
  ),
  messy,
);

export const offerPage = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        totalRecords: messy,
        totalPage: messy,
        pageSize: messy,
        currentPage: messy,
        data: fc.oneof(fc.array(offerItem, { maxLength: 4 }), messy),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: messy },
);

/** A body built from `envelope`, sometimes truncated, sometimes replaced by HTML or arbitrary JSON. */
export function responses(envelope: fc.Arbitrary<unknown>): fc.Arbitrary<ProviderResponse> {
  const json = envelope.map((value) => JSON.stringify(value) ?? 'undefined');
  const body = fc.oneof(
    { weight: 5, arbitrary: json },
    {
      weight: 1,
      arbitrary: fc.tuple(json, fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))),
    },
    { weight: 1, arbitrary: fc.constant('<html><body><h1>502 Bad Gateway</h1></body></html>') },
    { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string() },
  );
  return fc.record({ status: fc.constantFrom(200, 200, 200, 400, 401, 429, 500, 502), body });
}

/** The contract of every `parseResponse`: a valid page of products, or a `ProviderError` — nothing else. */
export function expectPageOrProviderError(parse: () => unknown): void {
  let page: unknown;
  try {
    page = parse();
  } catch (error) {
    expect(ProviderError.isInstance(error), String(error)).toBe(true);
    return;
  }
  Page(Product).parse(page);
}
