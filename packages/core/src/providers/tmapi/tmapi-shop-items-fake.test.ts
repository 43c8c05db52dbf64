import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SupplierOffersQuery } from '../../models/query.js';
import type { FakeServer } from '../../testing/fake-server.js';
import { sendRequest } from '../../testing/send-request.js';
import { tmapiAdapter } from './tmapi-adapter.js';
import { startTmapiFake, TMAPI_FAKE_CREDENTIALS, TMAPI_PATHS } from './tmapi-fake.js';
import { parseTmapiShopItems } from './tmapi-shop-items.js';

const op = tmapiAdapter.searchSupplierOffers;
const MEMBER = 'b2b-2208087470531de12c';
const query = (input: Partial<SupplierOffersQuery> = {}) =>
  SupplierOffersQuery.parse({ memberId: MEMBER, ...input });

describe('TMAPI searchSupplierOffers against the fake', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startTmapiFake();
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('sends one shop/items call with the token and reads the page', async () => {
    const credentials = { ...TMAPI_FAKE_CREDENTIALS, baseUrl: fake.url };
    const { params } = op.map(query({ pageSize: 5 }));
    const answer = await sendRequest({ ...op.sign(params, credentials), ignored: [] });
    const page = parseTmapiShopItems(answer, params);
    expect(page.items).toHaveLength(5);
    expect(page.items.every((p) => p.supplier?.id === MEMBER)).toBe(true);
    expect(fake.calls.count(TMAPI_PATHS.shopItems)).toBe(1);
  });

  it('a wrong token is refused, as auth', async () => {
    const { params } = op.map(query());
    const answer = await sendRequest({
      ...op.sign(params, { apiToken: 'wrong', baseUrl: fake.url }),
      ignored: [],
    });
    expect(() => op.parseResponse(answer)).toThrow(expect.objectContaining({ kind: 'auth' }));
  });
});
