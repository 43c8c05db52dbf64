import { describe, expect, it } from 'vitest';
import { ChinaFreightQuery } from '../../models/china-freight.js';
import { demoAdapter } from './demo-adapter.js';
import { demoDataset } from './demo-data.js';

// Demo's freight estimate, answered in-process (no fake, no network): a labelled sample priced by the demo
// template from the demo offer's own weight.

const query = ChinaFreightQuery.parse({
  offerId: '700000000001',
  quantity: 10,
  destination: { province: '浙江省', cityCode: '330700', districtCode: '330782' },
});

describe('demo freight estimate', () => {
  it('answers a labelled sample in-process, priced from the demo offer’s weight', () => {
    const operation = demoAdapter.estimateFreight!;
    const offerId = demoDataset().products[0]!.product.id;
    const { params } = operation.map({ ...query, offerId });
    const response = demoAdapter.respond(operation.sign(params, {}));
    const estimate = operation.parseResponse(response, params);
    expect(estimate.sample).toBe(true);
    expect(estimate.provider).toBe('demo');
    // 浙江 is near: 5 CNY the first kg, 1 CNY each further kg.
    const kg = estimate.unitWeightKg! * 10;
    expect(estimate.amountCny).toBe(5 + Math.max(0, Math.ceil(kg - 1)));
  });

  it('refuses a query that is not one (plain JavaScript callers) before building anything', () => {
    expect(() => demoAdapter.estimateFreight!.buildRequest({ ...query, quantity: 0 }, {})).toThrow(
      /quantity/,
    );
  });
});
