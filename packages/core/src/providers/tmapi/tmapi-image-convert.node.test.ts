import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImageQuery } from '../../models/query.js';
import type { FakeServer } from '../../testing/fake-server.js';
import { preparedSearch } from '../../testing/prepared-search.js';
import { CLEAN_JPEG_BASE64 } from '../../testing/sample-images.js';
import { tmapiAdapter } from './tmapi-adapter.js';
import { startTmapiFake, TMAPI_FAKE_CREDENTIALS, TMAPI_PATHS } from './tmapi-fake.js';

let fake: FakeServer;
let credentials: typeof TMAPI_FAKE_CREDENTIALS & { baseUrl: string };
beforeAll(async () => {
  fake = await startTmapiFake();
  credentials = { ...TMAPI_FAKE_CREDENTIALS, baseUrl: fake.url };
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const op = tmapiAdapter.searchProductsByImage;

describe('TMAPI image search of any host', () => {
  it('converts an image URL not hosted by Alibaba first, then searches the converted one', async () => {
    const query = ImageQuery.parse({
      imageUrl: 'https://shop.example.com/plush-bear.jpg',
      region: '1,2,3,4',
    });
    const { page, ignored, params } = await preparedSearch(op, query, credentials);
    expect(params).toMatchObject({ img_url: expect.stringMatching(/alicdn\.com/) });
    expect(ignored).toContain('region');
    expect(page.items.length).toBeGreaterThan(0);
    expect(fake.calls.count(TMAPI_PATHS.convertUrl)).toBe(1);
  });

  it('sends an alicdn URL as it is, with no conversion', async () => {
    const query = ImageQuery.parse({ imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01abc.jpg' });
    const { page } = await preparedSearch(op, query, credentials);
    expect(page.items.length).toBeGreaterThan(0);
    expect(fake.calls.count(TMAPI_PATHS.convertUrl)).toBe(0);
  });

  it('says a photo cannot be sent to TMAPI', () => {
    expect(() => op.map(ImageQuery.parse({ imageBase64: CLEAN_JPEG_BASE64 }))).toThrow(
      /cannot search by a photo/,
    );
  });
});
