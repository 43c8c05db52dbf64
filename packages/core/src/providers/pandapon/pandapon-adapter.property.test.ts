import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectPageOrProviderError, messy, offerPage, responses } from '../../testing/parser-fuzzing.js';
import { pandaponAdapter } from './pandapon-adapter.js';

const envelope = fc.oneof(
  fc.record(
    {
      requestId: messy,
      code: fc.oneof(fc.constant(200), messy),
      developId: messy,
      msg: messy,
      data: offerPage,
    },
    { requiredKeys: [] },
  ),
  messy,
);

describe('pandapon parser under fuzzing', () => {
  it('returns a valid page or a ProviderError', () => {
    fc.assert(
      fc.property(responses(envelope), (response) => {
        expectPageOrProviderError(() => pandaponAdapter.searchProductsByImage.parseResponse(response));
      }),
    );
  });
});
