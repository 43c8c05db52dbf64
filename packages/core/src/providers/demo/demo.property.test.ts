import fc from 'fast-check';
import { describe, it } from 'vitest';
import { Page } from '../../models/page.js';
import { Product } from '../../models/product.js';
import { Supplier } from '../../models/supplier.js';
import {
  awkwardValue,
  expectPageOrProviderError,
  itemList,
  responseBodies,
} from '../../testing/parser-fuzzing.js';
import { demoAdapter } from './demo-adapter.js';

// The demo answers through the same contract as real providers, so its parser gets the same fuzzing: mutated
// copies of its own answers, arbitrary JSON and plain text.

const realBody = (operation: 'searchSuppliers' | 'searchProducts') =>
  JSON.parse(
    demoAdapter.respond(
      demoAdapter[operation].buildRequest({ keyword: '玩具', page: 1, pageSize: 5, sort: 'default' }, {}),
    ).body,
  ) as { code: string; data: Record<string, unknown> & { items: Record<string, unknown>[] } };

/** The demo's `{code, data:{items, page, pageSize, total, hasNext}}` with awkward fields and mutated items. */
const envelope = (real: ReturnType<typeof realBody>) =>
  fc.record({
    code: fc.oneof(fc.constant(real.code), awkwardValue),
    data: fc.oneof(
      fc
        .dictionary(fc.constantFrom(...Object.keys(real.data)), awkwardValue)
        .chain((patch) => itemList(real.data.items[0]!).map((items) => ({ ...real.data, ...patch, items }))),
      awkwardValue,
    ),
  });

const status = fc.constantFrom(200, 200, 200, 400, 404, 500);

describe('demo parseResponse under fuzzing', () => {
  it.each([
    ['searchSuppliers', Page(Supplier)],
    ['searchProducts', Page(Product)],
  ] as const)('%s: only a valid page or a ProviderError', (operation, schema) => {
    fc.assert(
      fc.property(status, responseBodies(envelope(realBody(operation))), (code, body) => {
        expectPageOrProviderError(() => demoAdapter[operation].parseResponse({ status: code, body }), schema);
      }),
      { numRuns: 300 },
    );
  });
});
