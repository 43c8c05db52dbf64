import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChinaFreightQuery } from '../../models/china-freight.js';
import { ProviderError } from '../../models/provider-error.js';
import type { FakeServer } from '../../testing/fake-server.js';
import { sendRequest } from '../../testing/send-request.js';
import { dajisaasAdapter } from './dajisaas-adapter.js';
import { DAJISAAS_FAKE_CREDENTIALS, startDajisaasFake } from './dajisaas-fake.js';

// DajiSaaS: the freight estimate built by its adapter and answered by its fake, which checks the `appKey` and
// MD5 `sign` on its own before the freight handler runs. The fee follows the fake's by-weight template, computed
// by hand below.

const query = ChinaFreightQuery.parse({
  offerId: '700000000001',
  quantity: 10,
  destination: { province: '浙江省', cityCode: '330700', districtCode: '330782' },
});
const path = '/alibaba/product/freightEstimate';
/** CNY for 10 pieces to 浙江, from the fake's template: 10 × 0.4 kg = 4 kg: 4 + 1 × 3 = 7. */
const fee = 7;

describe('dajisaas freight estimate against its fake', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startDajisaasFake();
  });
  afterAll(() => fake.close());

  it('is signed as the fake expects and parses to the fee of its template', async () => {
    const operation = dajisaasAdapter.estimateFreight!;
    const response = await sendRequest(
      operation.buildRequest(query, { ...DAJISAAS_FAKE_CREDENTIALS, baseUrl: fake.url }),
    );
    expect(response.status).toBe(200);
    const { params } = operation.map(query);
    const estimate = operation.parseResponse(response, params);
    expect(estimate).toMatchObject({
      provider: 'dajisaas',
      offerId: '700000000001',
      amountCny: fee,
      sample: false,
    });
    expect(estimate.destination).toBe('浙江');
    expect(fake.calls.count(path)).toBe(1);
  });

  it('is refused by the fake with a wrong secret, as an auth error', async () => {
    const operation = dajisaasAdapter.estimateFreight!;
    const wrong = { ...DAJISAAS_FAKE_CREDENTIALS, appSecret: 'wrong-secret', baseUrl: fake.url };
    const response = await sendRequest(operation.buildRequest(query, wrong));
    let error: unknown;
    try {
      operation.parseResponse(response, operation.map(query).params);
    } catch (e) {
      error = e;
    }
    expect(ProviderError.isInstance(error) && error.kind).toBe('auth');
  });
});
