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
import factories from './__fixtures__/tmapi-factories.json' with { type: 'json' };
import items from './__fixtures__/tmapi-items.json' with { type: 'json' };
import { tmapiAdapter } from './tmapi-adapter.js';

const status = fc.constantFrom(200, 200, 200, 400, 417, 422, 439, 499, 500, 503);

/** TMAPI's `{code, msg, data:{page, page_size, total_count, has_next_page, items}}` around mutated items. */
const envelope = (sample: Record<string, unknown>) =>
  fc.record({
    code: fc.oneof(fc.constant(200), fc.constant('200'), awkwardValue),
    msg: awkwardValue,
    data: fc.oneof(
      fc.record({
        page: awkwardValue,
        page_size: awkwardValue,
        total_count: awkwardValue,
        has_next_page: awkwardValue,
        items: itemList(sample),
      }),
      awkwardValue,
    ),
  });

describe('TMAPI parseResponse under fuzzing', () => {
  it('suppliers: only a valid page or a ProviderError', () => {
    const sample = factories.data.items[0] as Record<string, unknown>;
    fc.assert(
      fc.property(status, responseBodies(envelope(sample)), (code, body) => {
        expectPageOrProviderError(
          () => tmapiAdapter.searchSuppliers.parseResponse({ status: code, body }),
          Page(Supplier),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('products: only a valid page or a ProviderError', () => {
    const sample = items.data.items[0] as Record<string, unknown>;
    fc.assert(
      fc.property(status, responseBodies(envelope(sample)), (code, body) => {
        expectPageOrProviderError(
          () => tmapiAdapter.searchProducts.parseResponse({ status: code, body }),
          Page(Product),
        );
      }),
      { numRuns: 400 },
    );
  });
});
