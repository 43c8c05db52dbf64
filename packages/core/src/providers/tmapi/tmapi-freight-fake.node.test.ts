import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChinaFreightQuery } from '../../models/china-freight.js';
import { ProviderError } from '../../models/provider-error.js';
import type { FakeServer } from '../../testing/fake-server.js';
import { sendRequest } from '../../testing/send-request.js';
import { tmapiAdapter } from './tmapi-adapter.js';
import { startTmapiFake, TMAPI_FAKE_CREDENTIALS } from './tmapi-fake.js';

// TMAPI: the freight estimate built by its adapter and answered by its fake, which checks the `apiToken` on its
// own before the freight handler runs. The fee follows the fake's by-weight template, computed by hand below.

const query = ChinaFreightQuery.parse({
  offerId: '700000000001',
  quantity: 10,
  destination: { province: '浙江省', cityCode: '330700', districtCode: '330782' },
});
const path = '/1688/item/shipping';
/** CNY for 10 pieces to 浙江, from the fake's template: 10 × 0.3 kg = 3 kg: 5 + 2 × 2 = 9. */
const fee = 9;

describe('tmapi freight estimate against its fake', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startTmapiFake();
  });
  afterAll(() => fake.close());

  it('is signed as the fake expects and parses to the fee of its template', async () => {
    const operation = tmapiAdapter.estimateFreight!;
    const response = await sendRequest(
      operation.buildRequest(query, { ...TMAPI_FAKE_CREDENTIALS, baseUrl: fake.url }),
    );
    expect(response.status).toBe(200);
    const { params } = operation.map(query);
    const estimate = operation.parseResponse(response, params);
    expect(estimate).toMatchObject({
      provider: 'tmapi',
      offerId: '700000000001',
      amountCny: fee,
      sample: false,
    });
    expect(estimate.destination).toBe('浙江');
    expect(fake.calls.count(path)).toBe(1);
  });

  it('is refused by the fake with a wrong secret, as an auth error', async () => {
    const operation = tmapiAdapter.estimateFreight!;
    const wrong = { ...TMAPI_FAKE_CREDENTIALS, apiToken: 'wrong-secret', baseUrl: fake.url };
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
