import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../models/provider-error.js';
import { ImageQuery } from '../../models/query.js';
import type { FakeServer } from '../../testing/fake-server.js';
import { preparedSearch } from '../../testing/prepared-search.js';
import { CLEAN_JPEG_BASE64, EXIF_JPEG_BASE64 } from '../../testing/sample-images.js';
import { alibabaAdapter } from './alibaba-adapter.js';
import { ALIBABA_APIS, ALIBABA_FAKE_CREDENTIALS, alibabaPath, startAlibabaFake } from './alibaba-fake.js';
import { readPicRegions } from './alibaba-image-upload.js';

let fake: FakeServer;
let credentials: typeof ALIBABA_FAKE_CREDENTIALS & { baseUrl: string };
beforeAll(async () => {
  fake = await startAlibabaFake();
  credentials = { ...ALIBABA_FAKE_CREDENTIALS, baseUrl: `${fake.url}/openapi` };
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const op = alibabaAdapter.searchProductsByImage;

describe('official platform photo search', () => {
  it('uploads, then searches the region asked for, narrowed by the keyword, and reports the regions', async () => {
    const query = ImageQuery.parse({
      imageBase64: CLEAN_JPEG_BASE64,
      region: '500,900,300,700',
      keyword: '毛绒',
    });
    const { page, ignored, params } = await preparedSearch(op, query, credentials);
    expect(ignored).toEqual([]);
    expect(params).toMatchObject({ offerQueryParam: { region: '500,900,300,700', keyword: '毛绒' } });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.regions).toEqual([
      { box: '120,480,80,560', current: false },
      { box: '500,900,300,700', current: true },
    ]);
    expect(fake.calls.count(alibabaPath(ALIBABA_APIS.imageUpload))).toBe(1);
    expect(fake.calls.count(alibabaPath(ALIBABA_APIS.imageQuery))).toBe(1);
  });

  it('the fake refuses a photo still carrying EXIF (imageId "0" → bad_request)', async () => {
    const query = ImageQuery.parse({ imageBase64: EXIF_JPEG_BASE64 });
    const error = await preparedSearch(op, query, credentials).catch((e: unknown) => e);
    expect(ProviderError.isInstance(error) && error.kind).toBe('bad_request');
    expect(fake.calls.count(alibabaPath(ALIBABA_APIS.imageQuery))).toBe(0);
  });
});

describe('readPicRegions (uncertain format, one reader)', () => {
  it('reads ";"-separated boxes and arrays, marks the current one, skips junk', () => {
    expect(readPicRegions({ currentRegion: '1,2,3,4', yoloCropRegion: '1,2,3,4;5, 6,7,8;bad' })).toEqual([
      { box: '1,2,3,4', current: true },
      { box: '5,6,7,8', current: false },
    ]);
    expect(readPicRegions({ yoloCropRegion: ['9,10,11,12'] })).toEqual([
      { box: '9,10,11,12', current: false },
    ]);
    expect(readPicRegions({ currentRegion: '1,2,3,4' })).toEqual([{ box: '1,2,3,4', current: true }]);
    expect(readPicRegions(null)).toEqual([]);
  });
});
