import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChinaFreightQuery } from '../../models/china-freight.js';
import { ProviderError } from '../../models/provider-error.js';
import type { FakeServer } from '../../testing/fake-server.js';
import { sendRequest } from '../../testing/send-request.js';
import { alibabaAdapter } from './alibaba-adapter.js';
import { ALIBABA_FAKE_CREDENTIALS, alibabaPath, startAlibabaFake } from './alibaba-fake.js';

// The official platform (alibaba): the freight estimate built by its adapter and answered by its fake, which
// checks the `_aop_signature` and `access_token` on its own before the freight handler runs. The fee follows the
// fake's by-weight template, computed by hand below.

const query = ChinaFreightQuery.parse({
  offerId: '700000000001',
  quantity: 10,
  destination: { province: '浙江省', cityCode: '330700', districtCode: '330782' },
});
const path = alibabaPath('product.freight.estimate').replace('/openapi', '');
/** CNY for 10 pieces to 浙江, from the fake's template: 10 × 0.35 kg = 3.5 kg: 6 + 2 × 3 = 12. */
const fee = 12;

describe('alibaba freight estimate against its fake', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startAlibabaFake();
  });
  afterAll(() => fake.close());

  it('is signed as the fake expects and parses to the fee of its template', async () => {
    const operation = alibabaAdapter.estimateFreight!;
    const response = await sendRequest(
      operation.buildRequest(query, { ...ALIBABA_FAKE_CREDENTIALS, baseUrl: fake.url }),
    );
    expect(response.status).toBe(200);
    const { params } = operation.map(query);
    const estimate = operation.parseResponse(response, params);
    expect(estimate).toMatchObject({
      provider: 'alibaba',
      offerId: '700000000001',
      amountCny: fee,
      sample: false,
    });
    expect(estimate.destination).toBe('浙江');
    expect(fake.calls.count(path)).toBe(1);
  });

  it('is refused by the fake with a wrong secret, as an auth error', async () => {
    const operation = alibabaAdapter.estimateFreight!;
    const wrong = { ...ALIBABA_FAKE_CREDENTIALS, appSecret: 'wrong-secret', baseUrl: fake.url };
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
