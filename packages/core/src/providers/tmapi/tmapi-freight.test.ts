import { describe, expect, it } from 'vitest';
import { ChinaFreightQuery } from '../../models/china-freight.js';
import { ProviderError } from '../../models/provider-error.js';
import tmapiFixture from './__fixtures__/tmapi-freight-built.json' with { type: 'json' };
import { parseTmapiFreight, tmapiFreightParams } from './tmapi-freight.js';

// The freight parser on a fixture BUILT from the provider's documented field list (not recorded: no credentials
// exist); the values asserted are the fixture's own, read by hand.

const ok = (body: unknown, status = 200) => ({ status, body: JSON.stringify(body) });
const query = ChinaFreightQuery.parse({
  offerId: '700000000001',
  quantity: 10,
  destination: { province: '浙江', cityCode: '330700' },
  skuId: '5012345678901',
  totalWeightKg: 3,
});

const kindOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (ProviderError.isInstance(error)) return error.kind;
    throw error;
  }
  return 'no error';
};

describe('TMAPI freight parser on its built fixture', () => {
  it('TMAPI: total_fee for the whole quantity; the province as its short name, weight in kg', () => {
    expect(tmapiFreightParams(query)).toEqual({
      item_id: '700000000001',
      province: '浙江',
      total_quantity: 10,
      total_weight: 3,
    });
    expect(parseTmapiFreight(ok(tmapiFixture), tmapiFreightParams(query))).toEqual({
      provider: 'tmapi',
      offerId: '700000000001',
      quantity: 10,
      amountCny: 9,
      destination: '浙江',
      freePostage: null,
      chargeType: 'weight',
      unitWeightKg: 0.3,
      sample: false,
    });
    expect(
      kindOf(() =>
        parseTmapiFreight(
          ok({ code: 439, msg: 'Subscription expired or insufficient balance.', data: null }, 439),
        ),
      ),
    ).toBe('quota');
    // Success without a fee is not a free shipment.
    expect(kindOf(() => parseTmapiFreight(ok({ code: 200, msg: 'success', data: {} })))).toBe(
      'invalid_response',
    );
  });
});
