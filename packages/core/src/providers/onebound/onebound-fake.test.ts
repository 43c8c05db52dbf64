import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SupplierQuery } from '../../models/query.js';
import { json, sendRequest, withQueryParam } from '../../testing/send-request.js';
import type { ProviderRequest } from '../provider-contract.js';
import { oneboundAdapter } from './onebound-adapter.js';
import {
  ONEBOUND_FAKE_CREDENTIALS,
  ONEBOUND_PATHS,
  type OneboundFake,
  startOneboundFake,
} from './onebound-fake.js';

let fake: OneboundFake;
let plain: typeof ONEBOUND_FAKE_CREDENTIALS & { baseUrl: string; sign?: boolean };

beforeAll(async () => {
  fake = await startOneboundFake();
  plain = { ...ONEBOUND_FAKE_CREDENTIALS, baseUrl: fake.url };
});
afterEach(() => {
  fake.reset();
  fake.setEnvelope('real');
});
afterAll(() => fake.close());

const sellerRequest = (credentials = plain, keyword = '丝绸 连衣裙*~') =>
  oneboundAdapter.searchSuppliers.buildRequest(
    SupplierQuery.parse({ keyword, page: 2, pageSize: 7, province: '浙江', city: '杭州', sort: 'credit' }),
    credentials,
  );
const signed = () => ({ ...plain, sign: true });

describe('Onebound fake', () => {
  it.each([
    ['key+secret', () => plain],
    ['MD5 sign', signed],
  ])('accepts the adapter’s %s request and serves the real envelope', async (_, credentials) => {
    const response = await sendRequest(sellerRequest(credentials()));
    expect(json(response)).toMatchObject({ error_code: '0000', items: { page: '2', page_size: '7' } });
    const page = oneboundAdapter.searchSuppliers.parseResponse(response);
    expect([page.page, page.items.length]).toEqual([2, 7]);
    expect(fake.calls.count(ONEBOUND_PATHS.sellers)).toBe(1);
  });

  it('serves the seed envelope when told to, for sellers and items', async () => {
    fake.setEnvelope('seed');
    const sellers = await sendRequest(sellerRequest());
    expect(json(sellers)).toMatchObject({ code: 200, msg: 'success' });
    expect(oneboundAdapter.searchSuppliers.parseResponse(sellers).items).toHaveLength(7);

    const items = await sendRequest(
      oneboundAdapter.searchProducts.buildRequest(
        SupplierQuery.parse({ keyword: '围巾', pageSize: 3 }),
        plain,
      ),
    );
    const page = oneboundAdapter.searchProducts.parseResponse(items);
    expect(page.items.map((p) => p.title.startsWith('围巾'))).toEqual([true, true, true]);
  });

  it('answers a page past the end with 2000, an empty page', async () => {
    const request = oneboundAdapter.searchSuppliers.buildRequest(
      SupplierQuery.parse({ keyword: 'x', page: 50, pageSize: 100 }),
      plain,
    );
    const response = await sendRequest(request);
    expect(json(response).error_code).toBe('2000');
    expect(oneboundAdapter.searchSuppliers.parseResponse(response).items).toEqual([]);
  });

  it.each([
    ['a changed parameter on a signed request', () => withQueryParam(sellerRequest(signed()), 'q', '别的')],
    ['a signature made with another secret', () => sellerRequest({ ...signed(), secret: 'nope' })],
    ['a wrong secret', () => sellerRequest({ ...plain, secret: 'nope' })],
    ['another key', () => withQueryParam(sellerRequest(), 'key', 'other')],
  ])('rejects %s with error_code 4005', async (_, tampered: () => ProviderRequest) => {
    const response = await sendRequest(tampered());
    expect(json(response).error_code).toBe('4005');
    expect(() => oneboundAdapter.searchSuppliers.parseResponse(response)).toThrow(
      expect.objectContaining({ kind: 'auth', providerCode: '4005' }),
    );
  });

  it.each([
    ['4000', 'upstream'],
    ['4001', 'upstream'],
    ['4002', 'upstream'],
    ['4003', 'bad_request'],
    ['4004', 'auth'],
    ['4005', 'auth'],
    ['4006', 'upstream'],
    ['4013', 'quota'],
    ['400', 'bad_request'],
    ['401', 'auth'],
    ['429', 'rate_limited'],
    ['500', 'upstream'],
    ['503', 'upstream'],
  ])('answers error %s, also GBK-encoded, which the adapter reads as %s', async (code, kind) => {
    for (const encoding of ['utf8', 'gbk'] as const) {
      fake.behave({ kind: 'error', code, encoding });
      const response = await sendRequest(sellerRequest());
      expect(response.body.includes('\uFFFD')).toBe(encoding === 'gbk');
      expect(() => oneboundAdapter.searchSuppliers.parseResponse(response)).toThrow(
        expect.objectContaining({ kind, providerCode: code }),
      );
    }
  });
});
