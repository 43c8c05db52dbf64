import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChinaFreightQuery } from '../models/china-freight.js';
import { ProviderError } from '../models/provider-error.js';
import type { FakeServer } from '../testing/fake-server.js';
import { sendRequest } from '../testing/send-request.js';
import { alibabaAdapter } from './alibaba/alibaba-adapter.js';
import { ALIBABA_FAKE_CREDENTIALS, alibabaPath, startAlibabaFake } from './alibaba/alibaba-fake.js';
import { dajisaasAdapter } from './dajisaas/dajisaas-adapter.js';
import { DAJISAAS_FAKE_CREDENTIALS, startDajisaasFake } from './dajisaas/dajisaas-fake.js';
import { demoAdapter } from './demo/demo-adapter.js';
import { demoDataset } from './demo/demo-data.js';
import { oneboundAdapter } from './onebound/onebound-adapter.js';
import { ONEBOUND_FAKE_CREDENTIALS, startOneboundFake } from './onebound/onebound-fake.js';
import type { AnyProviderAdapter } from './provider-contract.js';
import { tmapiAdapter } from './tmapi/tmapi-adapter.js';
import { startTmapiFake, TMAPI_FAKE_CREDENTIALS } from './tmapi/tmapi-fake.js';

// Each provider's freight estimate, built by its adapter and answered by its fake — which checks the signature
// or token on its own (the fakes' server verifies `_aop_signature`, the MD5 `sign`s, `apiToken`) before the
// freight handler runs. Fees follow each fake's by-weight template, computed by hand below.

const query = ChinaFreightQuery.parse({
  offerId: '700000000001',
  quantity: 10,
  destination: { province: '浙江省', cityCode: '330700', districtCode: '330782' },
});

interface Case {
  adapter: AnyProviderAdapter;
  start: () => Promise<FakeServer>;
  credentials: Record<string, string>;
  secret: string;
  path: string;
  /** CNY for 10 pieces to 浙江, from the fake's template. */
  fee: number;
}

const CASES: Case[] = [
  // 10 × 0.3 kg = 3 kg: 5 + 2 × 2 = 9.
  {
    adapter: tmapiAdapter,
    start: () => startTmapiFake(),
    credentials: TMAPI_FAKE_CREDENTIALS,
    secret: 'apiToken',
    path: '/1688/item/shipping',
    fee: 9,
  },
  // 10 × 0.35 kg = 3.5 kg: 6 + 2 × 3 = 12.
  {
    adapter: alibabaAdapter,
    start: () => startAlibabaFake(),
    credentials: ALIBABA_FAKE_CREDENTIALS,
    secret: 'appSecret',
    path: alibabaPath('product.freight.estimate').replace('/openapi', ''),
    fee: 12,
  },
  // 10 × 0.4 kg = 4 kg: 4 + 1 × 3 = 7.
  {
    adapter: dajisaasAdapter,
    start: () => startDajisaasFake(),
    credentials: DAJISAAS_FAKE_CREDENTIALS,
    secret: 'appSecret',
    path: '/alibaba/product/freightEstimate',
    fee: 7,
  },
  // 10 × 0.25 kg = 2.5 kg: 8 + 3 × 2 = 14.
  {
    adapter: oneboundAdapter,
    start: () => startOneboundFake(),
    credentials: ONEBOUND_FAKE_CREDENTIALS,
    secret: 'secret',
    path: '/1688/item_fee/',
    fee: 14,
  },
];

describe.each(CASES)('$adapter.id freight estimate against its fake', (c) => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await c.start();
  });
  afterAll(() => fake.close());

  it('is signed as the fake expects and parses to the fee of its template', async () => {
    const operation = c.adapter.estimateFreight!;
    const response = await sendRequest(
      operation.buildRequest(query, { ...c.credentials, baseUrl: fake.url }),
    );
    expect(response.status).toBe(200);
    const { params } = operation.map(query);
    const estimate = operation.parseResponse(response, params);
    expect(estimate).toMatchObject({
      provider: c.adapter.id,
      offerId: '700000000001',
      amountCny: c.fee,
      sample: false,
    });
    expect(estimate.destination).toBe('浙江');
    expect(fake.calls.count(c.path)).toBe(1);
  });

  it('is refused by the fake with a wrong secret, as an auth error', async () => {
    const operation = c.adapter.estimateFreight!;
    const wrong = { ...c.credentials, [c.secret]: 'wrong-secret', baseUrl: fake.url };
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

describe('demo freight estimate', () => {
  it('answers a labelled sample in-process, priced from the demo offer’s weight', () => {
    const operation = demoAdapter.estimateFreight;
    const offerId = demoDataset().products[0]!.product.id;
    const { params } = operation.map({ ...query, offerId });
    const response = demoAdapter.respond({ ...operation.sign(params, {}), ignored: [] });
    const estimate = operation.parseResponse(response, params);
    expect(estimate.sample).toBe(true);
    expect(estimate.provider).toBe('demo');
    // 浙江 is near: 5 CNY the first kg, 1 CNY each further kg.
    const kg = estimate.unitWeightKg! * 10;
    expect(estimate.amountCny).toBe(5 + Math.max(0, Math.ceil(kg - 1)));
  });

  it('refuses a query that is not one (plain JavaScript callers) before building anything', () => {
    expect(() => demoAdapter.estimateFreight.buildRequest({ ...query, quantity: 0 }, {})).toThrow(/quantity/);
  });
});
