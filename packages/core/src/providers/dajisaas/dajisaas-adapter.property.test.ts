import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectPageOrProviderError, messy, offerPage, responses } from '../../testing/parser-fuzzing.js';
import { dajisaasAdapter } from './dajisaas-adapter.js';

const envelope = fc.oneof(
  fc.record(
    { code: fc.oneof(fc.constant(200), messy), message: messy, data: offerPage, traceId: messy },
    { requiredKeys: [] },
  ),
  messy,
);

describe('dajisaas parser under fuzzing', () => {
  it('returns a valid page or a ProviderError', () => {
    fc.assert(
      fc.property(responses(envelope), (response) => {
        expectPageOrProviderError(() => dajisaasAdapter.searchProducts.parseResponse(response));
      }),
    );
  });
});
