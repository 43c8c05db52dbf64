import { describe, expect, it } from 'vitest';
import { ChinaFreightQuery } from '../../models/china-freight.js';
import { ProviderError } from '../../models/provider-error.js';
import alibabaFixture from './__fixtures__/alibaba-freight-built.json' with { type: 'json' };
import { alibabaFreight } from './alibaba-freight.js';

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

describe('official (alibaba) freight parser on its built fixture', () => {
  it('official: `freight` (yuan, a string), chargeType 0 = weight, the codes of the destination', () => {
    const { params } = alibabaFreight.map(query);
    expect(params.productFreightQueryParamsNew).toEqual({
      offerId: '700000000001',
      toProvinceCode: '330000',
      toCityCode: '330700',
      toCountryCode: '330700',
      totalNum: 10,
      logisticsSkuNumModels: [{ skuId: '5012345678901', number: 10 }],
    });
    expect(alibabaFreight.map(query).ignored).toEqual(['totalWeightKg']);
    expect(alibabaFreight.parseResponse(ok(alibabaFixture), params)).toMatchObject({
      provider: 'alibaba',
      amountCny: 12,
      chargeType: 'weight',
      freePostage: false,
      unitWeightKg: 0.35,
      destination: '浙江',
    });
    const failed = { result: { success: 'false', code: '500', message: '系统繁忙' } };
    expect(kindOf(() => alibabaFreight.parseResponse(ok(failed), params))).not.toBe('no error');
  });
});
