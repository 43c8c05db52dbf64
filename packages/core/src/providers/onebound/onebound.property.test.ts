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
import itemSearch from './__fixtures__/onebound-item-search.json' with { type: 'json' };
import sellerSearch from './__fixtures__/onebound-seller-search.json' with { type: 'json' };
import { oneboundAdapter } from './onebound-adapter.js';

const status = fc.constantFrom(200, 200, 200, 400, 401, 429, 500, 503);
const code = fc.oneof(
  fc.constantFrom('0000', '2000', '4000', '4001', '4003', '4005', '4006', '4013', 200, 401, 429, 503),
  awkwardValue,
);

/** Both envelopes (the seed's `code/msg` and the real `error_code/reason`) around mutated items. */
const envelope = (sample: Record<string, unknown>) => {
  const items = fc.oneof(
    fc.record({
      page: awkwardValue,
      page_size: awkwardValue,
      total_results: awkwardValue,
      real_total_results: awkwardValue,
      pagecount: awkwardValue,
      item: itemList(sample),
    }),
    awkwardValue,
  );
  return fc.oneof(
    fc.record({ code, msg: awkwardValue, error: awkwardValue, items }),
    fc.record({ error_code: code, reason: awkwardValue, error: awkwardValue, items }),
  );
};

describe('Onebound parseResponse under fuzzing', () => {
  it('suppliers: only a valid page or a ProviderError', () => {
    const sample = sellerSearch.items.item[0] as Record<string, unknown>;
    fc.assert(
      fc.property(status, responseBodies(envelope(sample)), (httpStatus, body) => {
        expectPageOrProviderError(
          () => oneboundAdapter.searchSuppliers.parseResponse({ status: httpStatus, body }),
          Page(Supplier),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('products: only a valid page or a ProviderError', () => {
    const sample = itemSearch.items.item[1] as Record<string, unknown>;
    fc.assert(
      fc.property(status, responseBodies(envelope(sample)), (httpStatus, body) => {
        expectPageOrProviderError(
          () => oneboundAdapter.searchProducts.parseResponse({ status: httpStatus, body }),
          Page(Product),
        );
      }),
      { numRuns: 400 },
    );
  });
});
