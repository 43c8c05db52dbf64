import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../models/provider-error.js';
import { ImageQuery } from '../../models/query.js';
import type { FakeServer } from '../../testing/fake-server.js';
import { preparedSearch } from '../../testing/prepared-search.js';
import { CLEAN_JPEG_BASE64, EXIF_JPEG_BASE64 } from '../../testing/sample-images.js';
import { dajisaasAdapter } from './dajisaas-adapter.js';
import { DAJISAAS_FAKE_CREDENTIALS, DAJISAAS_PATHS, startDajisaasFake } from './dajisaas-fake.js';

let fake: FakeServer;
let credentials: typeof DAJISAAS_FAKE_CREDENTIALS & { baseUrl: string };
beforeAll(async () => {
  fake = await startDajisaasFake();
  credentials = { ...DAJISAAS_FAKE_CREDENTIALS, baseUrl: fake.url };
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const op = dajisaasAdapter.searchProductsByImage;

describe('DajiSaaS photo search', () => {
  it('uploads the photo (signed, form body) for an imageId, then runs imageQuery with it', async () => {
    const query = ImageQuery.parse({ imageBase64: CLEAN_JPEG_BASE64, keyword: '毛绒' });
    const { page, ignored, params } = await preparedSearch(op, query, credentials);
    expect(params).toMatchObject({ imageId: '2000000' });
    expect(params).not.toHaveProperty('upload');
    expect(ignored).toContain('keyword');
    expect(page.items.length).toBeGreaterThan(0);
    expect(fake.calls.count(DAJISAAS_PATHS.uploadImage)).toBe(1);
    expect(fake.calls.count(DAJISAAS_PATHS.imageQuery)).toBe(1);
  });

  it('a wrong secret fails the signed upload', async () => {
    const query = ImageQuery.parse({ imageBase64: CLEAN_JPEG_BASE64 });
    const error = await preparedSearch(op, query, { ...credentials, appSecret: 'wrong' }).catch(
      (e: unknown) => e,
    );
    expect(ProviderError.isInstance(error) && error.kind).toBe('auth');
  });

  it('the fake refuses a photo still carrying EXIF', async () => {
    const query = ImageQuery.parse({ imageBase64: EXIF_JPEG_BASE64 });
    const error = await preparedSearch(op, query, credentials).catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(fake.calls.count(DAJISAAS_PATHS.imageQuery)).toBe(0);
  });

  it('buildRequest alone refuses a photo (the upload is the proxy’s step)', () => {
    expect(() => op.buildRequest(ImageQuery.parse({ imageBase64: CLEAN_JPEG_BASE64 }), credentials)).toThrow(
      /upload/,
    );
  });
});
