import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectPageOrProviderError, messy, offerPage, responses } from '../../testing/parser-fuzzing.js';
import { alibabaAdapter } from './alibaba-adapter.js';

const crossborder = fc.oneof(
  fc.record(
    {
      result: fc.oneof(
        fc.record({ success: messy, code: messy, message: messy, result: offerPage }, { requiredKeys: [] }),
        messy,
      ),
    },
    { requiredKeys: [] },
  ),
  fc.record({ error_code: messy, error_message: messy }, { requiredKeys: [] }),
  fc.record({
    error_response: fc.oneof(messy, fc.record({ code: messy, msg: messy }, { requiredKeys: [] })),
  }),
);

const classicProduct = fc.record(
  {
    product_id: messy,
    title: messy,
    price: messy,
    min_order: messy,
    image_url: messy,
    supplier: fc.oneof(
      messy,
      fc.record({
        user_id: messy,
        company_name: messy,
        supplier_type: messy,
        credit_level: messy,
        year: messy,
      }),
    ),
    transaction: fc.oneof(messy, fc.record({ sales_count: messy })),
  },
  { requiredKeys: [] },
);
const classic = fc.record({
  alibaba_product_search_response: fc.oneof(
    messy,
    fc.record({
      result: fc.oneof(
        messy,
        fc.record(
          {
            total_results: messy,
            page: messy,
            page_size: messy,
            products: fc.oneof(messy, fc.array(classicProduct)),
          },
          { requiredKeys: [] },
        ),
      ),
    }),
  ),
});

describe('alibaba parsers under fuzzing', () => {
  it('keywordQuery/imageQuery: a valid page or a ProviderError', () => {
    fc.assert(
      fc.property(responses(crossborder), (response) => {
        expectPageOrProviderError(() => alibabaAdapter.searchProducts.parseResponse(response));
      }),
    );
  });

  it('classic alibaba.product.search: a valid page or a ProviderError', () => {
    fc.assert(
      fc.property(responses(classic), (response) => {
        expectPageOrProviderError(() => alibabaAdapter.searchProductsClassic.parseResponse(response));
      }),
    );
  });
});
