import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../testing/fake-server.js';
import { sendRequest } from '../../testing/send-request.js';
import shopInfo from './__fixtures__/tmapi-shop-info-built.json' with { type: 'json' };
import { tmapiAdapter } from './tmapi-adapter.js';
import { startTmapiFake, TMAPI_FAKE_CREDENTIALS, TMAPI_PATHS } from './tmapi-fake.js';

const { getSupplier } = tmapiAdapter;
const response = (body: unknown, status = 200) => ({ status, body: JSON.stringify(body) });

describe('TMAPI getSupplier against the fake', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startTmapiFake();
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('sends shop_info, then shop/items for the member id it answered, each once', async () => {
    const credentials = { ...TMAPI_FAKE_CREDENTIALS, baseUrl: fake.url };
    const first = getSupplier.buildRequest({ kind: 'shopUrl', value: 'https://shop9.1688.com' }, credentials);
    const detail = getSupplier.parseResponse(await sendRequest(first));
    const second = getSupplier.followUp!.sign({}, detail, credentials)!;
    expect(second.url).toContain('member_id=b2b-2208087470531de12c');
    const full = getSupplier.followUp!.complete(detail, await sendRequest({ ...second, ignored: [] }));
    expect(full.catalogueSize).toBe(57);
    expect(fake.calls.count(TMAPI_PATHS.shopInfo)).toBe(1);
    expect(fake.calls.count(TMAPI_PATHS.shopItems)).toBe(1);
  });

  it('the fake refuses a wrong token, so the adapter really sends it', async () => {
    const request = getSupplier.buildRequest(
      { kind: 'memberId', value: 'b2b-2208087470531de12c' },
      { apiToken: 'wrong', baseUrl: fake.url },
    );
    const answer = await sendRequest(request);
    expect(answer.status).toBe(401);
    expect(() => getSupplier.parseResponse(answer)).toThrow(expect.objectContaining({ kind: 'auth' }));
  });

  it('no follow-up without a member id', () => {
    const detail = { ...getSupplier.parseResponse(response(shopInfo)), memberId: null };
    expect(getSupplier.followUp!.sign({}, detail, { apiToken: 'x' })).toBeNull();
  });
});
