import { describe, expect, it } from 'vitest';
import { ChinaFreightQuery } from '../models/china-freight.js';
import { ProviderError } from '../models/provider-error.js';
import alibabaFixture from './alibaba/__fixtures__/alibaba-freight-built.json' with { type: 'json' };
import { alibabaFreight } from './alibaba/alibaba-freight.js';
import dajisaasFixture from './dajisaas/__fixtures__/dajisaas-freight-built.json' with { type: 'json' };
import { dajisaasFreightOperation } from './dajisaas/dajisaas-freight.js';
import oneboundFixture from './onebound/__fixtures__/onebound-freight-built.json' with { type: 'json' };
import { oneboundItemFee, parseOneboundFreight } from './onebound/onebound-freight.js';
import tmapiFixture from './tmapi/__fixtures__/tmapi-freight-built.json' with { type: 'json' };
import { parseTmapiFreight, tmapiFreightParams } from './tmapi/tmapi-freight.js';

// The freight parsers on fixtures BUILT from each provider's documented field list (none is recorded: no
// credentials exist); the values asserted are the fixtures' own, read by hand.

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

describe('China freight parsers on built fixtures', () => {
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

  it('DajiSaaS: the official model inside `{code:200, data}`', () => {
    const operation = dajisaasFreightOperation('https://openapi.dajisaas.com');
    const { params } = operation.map(query);
    expect(operation.parseResponse(ok(dajisaasFixture), params)).toMatchObject({
      provider: 'dajisaas',
      amountCny: 8,
      unitWeightKg: 0.4,
    });
    // Free postage with no freight figure is the seller's 0, not a missing fee.
    const free = { ...dajisaasFixture, data: { ...dajisaasFixture.data, freight: null, freePostage: true } };
    expect(operation.parseResponse(ok(free), params).amountCny).toBe(0);
    const none = { ...dajisaasFixture, data: { ...dajisaasFixture.data, freight: null } };
    expect(kindOf(() => operation.parseResponse(ok(none), params))).toBe('invalid_response');
  });

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
