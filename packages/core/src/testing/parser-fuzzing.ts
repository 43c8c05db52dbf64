import fc from 'fast-check';
import type * as z from 'zod';
import { Page } from '../models/page.js';
import { Product } from '../models/product.js';
import { ProviderError } from '../models/provider-error.js';
import type { ProviderResponse } from '../providers/provider-contract.js';

// The one parser-fuzzing toolkit of every adapter's property tests: parseResponse may only ever return a valid
// page or throw a ProviderError, whatever the provider sends. Values as providers really mangle them (numbers as
// strings, `"NULL"`, percentages, overflow, U+FFFD from GBK bodies read as UTF-8), nested in near-valid shapes.
// Test-runner free (plain throws), so any runner can use it through `@yuantou/core/testing`.

/**
 * Runs a parser and checks it returned what `pageSchema` accepts (a page of products by default), or threw a
 * ProviderError — nothing else. Throws a plain Error describing the violation.
 */
export function expectPageOrProviderError(run: () => unknown, pageSchema: z.ZodType = Page(Product)): void {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (ProviderError.isInstance(error)) return;
    throw new Error(`parseResponse threw something other than a ProviderError: ${String(error)}`, {
      cause: error,
    });
  }
  const parsed = pageSchema.safeParse(result);
  if (!parsed.success) throw new Error(`parseResponse returned an invalid page: ${parsed.error.message}`);
}

/** The ProviderError `run` throws; throws when it returns or throws anything else. */
export function providerErrorFrom(run: () => unknown): ProviderError {
  try {
    run();
  } catch (error) {
    if (ProviderError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
}

/** Values providers really send wrong: numbers as strings, `"NULL"`, percentages, negatives, overflow, U+FFFD. */
export const awkwardValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.double(),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom('NULL', '', '-1', '1e400', '50%', '-5%', '\uFFFD', '1.5-3', 'AA诚信等级', '//x', 'b2b-'),
);

/** A recorded item with some of its fields replaced by awkward values. */
export const mutatedItem = (sample: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .dictionary(fc.constantFrom(...Object.keys(sample)), awkwardValue)
    .map((patch) => ({ ...sample, ...patch }));

/** A list mixing mutated copies of a recorded item with arbitrary JSON. */
export const itemList = (sample: Record<string, unknown>): fc.Arbitrary<unknown[]> =>
  fc.array(fc.oneof(mutatedItem(sample), fc.jsonValue()), { maxLength: 5 });

/** Mostly near-valid envelopes (serialised), some arbitrary JSON and plain text. */
export const responseBodies = (envelope: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.string(), weight: 1 },
    { arbitrary: fc.json(), weight: 1 },
    { arbitrary: envelope.map((body) => JSON.stringify(body)), weight: 4 },
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

/** One item of the 1688 offer page (official platform, DajiSaaS, PandaPon), every field messy or missing. */
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

/** The `{totalRecords, totalPage, pageSize, currentPage, data}` offer page, or something else entirely. */
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
