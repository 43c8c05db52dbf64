import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../../testing/send-request.js';
import { oneboundAdapter } from './onebound-adapter.js';
import {
  ONEBOUND_FAKE_CREDENTIALS,
  ONEBOUND_PATHS,
  type OneboundFake,
  startOneboundFake,
} from './onebound-fake.js';

const { getSupplier } = oneboundAdapter;
let fake: OneboundFake;
beforeAll(async () => {
  fake = await startOneboundFake();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

describe('Onebound getSupplier against the fake (which checks key/secret or the MD5 sign itself)', () => {
  it('plain and signed credentials both reach seller_info once', async () => {
    for (const sign of [false, true]) {
      const credentials = { ...ONEBOUND_FAKE_CREDENTIALS, baseUrl: fake.url, sign };
      const request = getSupplier.buildRequest(
        { kind: 'memberId', value: 'b2b-22abc123def456' },
        credentials,
      );
      const detail = getSupplier.parseResponse(await sendRequest(request));
      expect(detail.memberId).toBe('b2b-22abc123def456');
      expect(detail.registration.creditCode).toBe('92330281MA2EP3DC93');
    }
    expect(fake.calls.count(ONEBOUND_PATHS.sellerInfo)).toBe(2);
  });

  it('a wrong secret is refused by the fake, so the adapter really signs', async () => {
    const credentials = { ...ONEBOUND_FAKE_CREDENTIALS, secret: 'wrong', baseUrl: fake.url, sign: true };
    const request = getSupplier.buildRequest({ kind: 'memberId', value: 'b2b-22abc123def456' }, credentials);
    const answer = await sendRequest(request);
    expect(() => getSupplier.parseResponse(answer)).toThrow(
      expect.objectContaining({ provider: 'onebound' }),
    );
  });

  it('an unknown seller is not_found', async () => {
    const credentials = { ...ONEBOUND_FAKE_CREDENTIALS, baseUrl: fake.url };
    const request = getSupplier.buildRequest({ kind: 'memberId', value: 'b2b-000000' }, credentials);
    const answer = await sendRequest(request);
    expect(() => getSupplier.parseResponse(answer)).toThrow(expect.objectContaining({ kind: 'not_found' }));
  });
});
