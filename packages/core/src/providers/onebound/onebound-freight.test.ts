import { describe, expect, it } from 'vitest';
import { ChinaFreightQuery } from '../../models/china-freight.js';
import { ProviderError } from '../../models/provider-error.js';
import oneboundFixture from './__fixtures__/onebound-freight-built.json' with { type: 'json' };
import { oneboundItemFee, parseOneboundFreight } from './onebound-freight.js';

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

describe('Onebound freight parser on its built fixture', () => {
  it('Onebound: express_fee of `item` (uncertain parameters, one function)', () => {
    expect(oneboundItemFee.params(query)).toMatchObject({
      api_name: 'item_fee',
      num_iid: '700000000001',
      area_id: '330700',
      num: 10,
    });
    expect(parseOneboundFreight(ok(oneboundFixture), oneboundItemFee.params(query))).toMatchObject({
      provider: 'onebound',
      amountCny: 10,
      quantity: 10,
      destination: '浙江',
      unitWeightKg: 0.25,
    });
    expect(kindOf(() => parseOneboundFreight(ok({ error_code: '2000', reason: '没有数据' })))).toBe(
      'not_found',
    );
  });
});
