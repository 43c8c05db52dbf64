import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Page } from '../../models/page.js';
import { Product } from '../../models/product.js';
import { ProviderError } from '../../models/provider-error.js';
import { Supplier } from '../../models/supplier.js';
import factories from './__fixtures__/tmapi-factories.json' with { type: 'json' };
import items from './__fixtures__/tmapi-items.json' with { type: 'json' };
import { tmapiAdapter } from './tmapi-adapter.js';

const SupplierPage = Page(Supplier);
const ProductPage = Page(Product);

/** Runs a parser and checks it returned a valid page or threw a ProviderError — nothing else. */
function expectPageOrProviderError(run: () => unknown, schema: typeof SupplierPage | typeof ProductPage) {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    expect(ProviderError.isInstance(error)).toBe(true);
    return;
  }
  expect(schema.safeParse(result).error).toBeUndefined();
}

const status = fc.constantFrom(200, 200, 200, 400, 417, 422, 439, 499, 500, 503);
const anything = fc.jsonValue();
// Values providers really send wrong: numbers as strings, "NULL", percentages, negatives, overflow.
const awkward = fc.oneof(
  anything,
  fc.double(),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom('NULL', '', '-1', '1e400', '50%', '-5%', '\uFFFD', '1.5-3', 'AA诚信等级'),
);
// Item fields replaced by awkward values, inside an otherwise valid envelope, to reach the item readers.
const mutatedItem = (sample: Record<string, unknown>) =>
  fc.dictionary(fc.constantFrom(...Object.keys(sample)), awkward).map((patch) => ({ ...sample, ...patch }));
const envelope = (sample: Record<string, unknown>) =>
  fc.record({
    code: fc.oneof(fc.constant(200), fc.constant('200'), anything),
    data: fc.oneof(
      fc.record({
        page: awkward,
        page_size: awkward,
        total_count: awkward,
        has_next_page: awkward,
        items: fc.array(fc.oneof(mutatedItem(sample), anything), { maxLength: 5 }),
      }),
      anything,
    ),
  });

/** Mostly near-valid envelopes, some arbitrary JSON and text. */
const bodies = (sample: Record<string, unknown>) =>
  fc.oneof(
    { arbitrary: fc.string(), weight: 1 },
    { arbitrary: fc.json(), weight: 1 },
    { arbitrary: envelope(sample).map((body) => JSON.stringify(body)), weight: 4 },
  );

const factorySample = factories.data.items[0] as Record<string, unknown>;
const itemSample = items.data.items[0] as Record<string, unknown>;

describe('TMAPI parseResponse under fuzzing', () => {
  it('suppliers: only a valid page or a ProviderError', () => {
    fc.assert(
      fc.property(status, bodies(factorySample), (code, body) => {
        expectPageOrProviderError(
          () => tmapiAdapter.searchSuppliers.parseResponse({ status: code, body }),
          SupplierPage,
        );
      }),
      { numRuns: 400 },
    );
  });

  it('products: only a valid page or a ProviderError', () => {
    fc.assert(
      fc.property(status, bodies(itemSample), (code, body) => {
        expectPageOrProviderError(
          () => tmapiAdapter.searchProducts.parseResponse({ status: code, body }),
          ProductPage,
        );
      }),
      { numRuns: 400 },
    );
  });
});
