import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../models/provider-error.js';
import type { ProviderId } from '../models/provider-id.js';
import type { FakeServer } from '../testing/fake-server.js';
import { FREIGHT_CHECK_QUERY } from '../testing/freight-fake-check.test-helper.js';
import { loadFake, networkProviderIds } from '../testing/provider-fakes.js';
import { sendRequest } from '../testing/send-request.js';
import type { AnyProviderAdapter } from './provider-contract.js';
import { getProvider } from './registry.js';

// What every network provider's freight estimate must do against its own fake, enumerated from the registry (so a
// provider that adds `estimateFreight` is covered without a line here): one signed call the fake accepts, parsed
// to a real (not sample) estimate; and refused as an auth error when its secrets are wrong. Each provider's fee,
// path and parser cases live in its folder (`<id>/<id>-freight.test.ts`, `<id>/<id>-freight-fake.node.test.ts`).

const query = FREIGHT_CHECK_QUERY;

const withFreight = (networkProviderIds() as ProviderId[]).filter(
  (id) => (getProvider(id) as AnyProviderAdapter).estimateFreight !== undefined,
);

describe('the registry', () => {
  it('has network providers with a freight estimate to check', () => {
    expect(withFreight.length).toBeGreaterThan(0);
  });
});

describe.each(withFreight.map((id) => [id]))('%s freight estimate against its registered fake', (id) => {
  const adapter = getProvider(id) as AnyProviderAdapter;
  const operation = adapter.estimateFreight!;
  let fake: FakeServer;
  let credentials: Record<string, string>;
  beforeAll(async () => {
    const provider = await loadFake(id);
    fake = await provider.start();
    credentials = { ...provider.credentials, baseUrl: fake.url };
  });
  afterAll(() => fake.close());

  it('is one call the fake accepts, parsed to a real estimate for the offer', async () => {
    fake.calls.clear();
    const response = await sendRequest(operation.buildRequest(query, credentials));
    expect(response.status).toBe(200);
    const estimate = operation.parseResponse(response, operation.map(query).params);
    expect(estimate).toMatchObject({ provider: id, offerId: '700000000001', sample: false });
    expect(estimate.amountCny).toBeGreaterThan(0);
    expect(estimate.destination).toBe('浙江');
    expect(fake.calls.count()).toBe(1);
  });

  it('is refused by the fake as an auth error when its secrets are wrong', async () => {
    expect(adapter.secretFields.length).toBeGreaterThan(0);
    const wrong = { ...credentials };
    for (const field of adapter.secretFields) wrong[field] = 'wrong-secret';
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
