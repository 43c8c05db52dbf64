import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChinaFreightQuery } from '../models/china-freight.js';
import type { ProviderId } from '../models/provider-id.js';
import type { AnyProviderAdapter } from '../providers/provider-contract.js';
import { getProvider } from '../providers/registry.js';
import type { FakeServer } from './fake-server.js';
import { loadFake } from './provider-fakes.js';
import { sendRequest } from './send-request.js';

/** The query every freight fake is checked with: 10 pieces of offer 700000000001 to 义乌 (浙江). */
export const FREIGHT_CHECK_QUERY = ChinaFreightQuery.parse({
  offerId: '700000000001',
  quantity: 10,
  destination: { province: '浙江省', cityCode: '330700', districtCode: '330782' },
});

/**
 * The provider-specific half of a freight fake's check: its estimate reaches `path` on the provider's fake and
 * parses to exactly `amountCny`, the fee its template gives for {@link FREIGHT_CHECK_QUERY} (each provider file
 * computes it by hand). The half every provider shares (accepted once, refused with wrong secrets) is
 * `providers/freight-fakes.node.test.ts`, enumerated from the registry. Test-only: not exported from the index.
 */
export function checkFreightFee(id: ProviderId, expected: { path: string; amountCny: number }): void {
  describe(`${id} freight estimate against its fake`, () => {
    const operation = (getProvider(id) as AnyProviderAdapter).estimateFreight!;
    let fake: FakeServer;
    let credentials: Record<string, string>;
    beforeAll(async () => {
      const provider = await loadFake(id);
      fake = await provider.start();
      credentials = { ...provider.credentials, baseUrl: fake.url };
    });
    afterAll(() => fake.close());

    it(`reaches ${expected.path} and parses to the fee of the fake's template`, async () => {
      const response = await sendRequest(operation.buildRequest(FREIGHT_CHECK_QUERY, credentials));
      expect(response.status).toBe(200);
      const estimate = operation.parseResponse(response, operation.map(FREIGHT_CHECK_QUERY).params);
      expect(estimate).toMatchObject({
        provider: id,
        offerId: '700000000001',
        amountCny: expected.amountCny,
      });
      expect(fake.calls.count(expected.path)).toBe(1);
    });
  });
}
