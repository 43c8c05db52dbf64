import { describe, expect, it } from 'vitest';
import { ChinaFreightQuery } from '../../models/china-freight.js';
import { ProviderError } from '../../models/provider-error.js';
import dajisaasFixture from './__fixtures__/dajisaas-freight-built.json' with { type: 'json' };
import { dajisaasFreightOperation } from './dajisaas-freight.js';

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

describe('DajiSaaS freight parser on its built fixture', () => {
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
});
