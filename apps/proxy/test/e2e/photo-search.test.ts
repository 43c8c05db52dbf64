import { tmpdir } from 'node:os';
import { ROUTES } from '@yuantou/core';
import {
  ALIBABA_APIS,
  alibabaPath,
  DAJISAAS_PATHS,
  PANDAPON_PATHS,
  TMAPI_PATHS,
} from '@yuantou/core/testing';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { CAMERA_MAKE, phonePhoto, pngBomb, smallPhoto } from '../../src/image/__fixtures__/test-photos.js';
import { fakeConfig, useFakesAndProxy } from './proxy-harness.js';

// Issue 26 end to end: a buyer's phone photo (GPS, camera, orientation, ICC made in the test) searched through
// every provider with image search, against fakes whose upload endpoints refuse an image with metadata or over
// the provider's limits. Calls are counted on the fakes: the upload is a paid call, cached like any other.

const suite = useFakesAndProxy();

/** The base64 a fake received, as an image: its metadata and size. */
async function received(base64: string) {
  const bytes = Buffer.from(base64, 'base64');
  return { bytes, meta: await sharp(bytes).metadata() };
}

function expectClean(
  { bytes, meta }: Awaited<ReturnType<typeof received>>,
  maxBytes: number,
  maxSide: number,
) {
  expect(meta.format).toBe('jpeg');
  expect(meta.exif).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(bytes.includes(CAMERA_MAKE)).toBe(false);
  expect(bytes.length).toBeLessThanOrEqual(maxBytes);
  expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(maxSide);
}

describe('photo search, per provider', () => {
  it('official platform: clean upload (≤ 100 KB, ≤ 1,000 px, upright), region and keyword passed on, regions back, cached', async () => {
    const alibaba = suite.fakes.alibaba;
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const photo = (await phonePhoto({ width: 1600, height: 1200, orientation: 6 })).toString('base64');
    const search = (extra: object = {}) =>
      proxy.post(ROUTES.productsByImage, { imageBase64: photo, provider: 'alibaba', pageSize: 4, ...extra });

    const first = await search();
    expect(first.status).toBe(200);
    expect(first.body.providers[0]).toMatchObject({ provider: 'alibaba', outcome: 'ok', itemCount: 4 });
    expect(first.body.regions).toEqual([
      { box: '120,480,80,560', current: true },
      { box: '500,900,300,700', current: false },
    ]);
    const upload = alibaba.calls.last(alibabaPath(ALIBABA_APIS.imageUpload))!;
    const sent = await received(
      JSON.parse(new URLSearchParams(upload.body).get('uploadImageParam')!).imageBase64,
    );
    expectClean(sent, 100 * 1024, 1000);
    expect([sent.meta.width, sent.meta.height]).toEqual([750, 1000]);

    const refined = await search({ region: '500,900,300,700', keyword: '毛绒' });
    expect(refined.status).toBe(200);
    expect(refined.body.regions.find((r: { current: boolean }) => r.current).box).toBe('500,900,300,700');
    const query = alibaba.calls.last(alibabaPath(ALIBABA_APIS.imageQuery))!;
    expect(JSON.parse(new URLSearchParams(query.body).get('offerQueryParam')!)).toMatchObject({
      region: '500,900,300,700',
      keyword: '毛绒',
    });

    // The refined search reused the upload (cached by the clean image): one upload, two searches.
    expect(alibaba.calls.count(alibabaPath(ALIBABA_APIS.imageUpload))).toBe(1);
    // The same photo again: the same clean bytes, the same cache key, no call.
    expect((await search()).body.providers[0].fromCache).toBe(true);
    expect(alibaba.calls.count(alibabaPath(ALIBABA_APIS.imageQuery))).toBe(2);
    expect(alibaba.calls.count(alibabaPath(ALIBABA_APIS.imageUpload))).toBe(1);
  });

  it('DajiSaaS: upload/image with a clean photo, then imageQuery by imageId; the second search is cached', async () => {
    const daji = suite.fakes.dajisaas;
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const photo = (await phonePhoto({ width: 2200, height: 1600, orientation: 1 })).toString('base64');
    const search = () => proxy.post(ROUTES.productsByImage, { imageBase64: photo, provider: 'dajisaas' });
    const answer = await search();
    expect(answer.status).toBe(200);
    expect(answer.body.providers[0]).toMatchObject({ provider: 'dajisaas', outcome: 'ok' });
    expect(answer.body.items.length).toBeGreaterThan(0);
    const upload = daji.calls.last(DAJISAAS_PATHS.uploadImage)!;
    const sent = await received(new URLSearchParams(upload.body).get('image_base64')!);
    expectClean(sent, 3 * 1024 * 1024, 2000);
    expect(sent.meta.width).toBe(2000);
    expect(daji.calls.last(DAJISAAS_PATHS.imageQuery)!.query.imageId).toBeDefined();
    await search();
    expect(daji.calls.byPath()).toEqual({ [DAJISAAS_PATHS.uploadImage]: 1, [DAJISAAS_PATHS.imageQuery]: 1 });
  });

  it('PandaPon: the clean photo goes in the image query itself', async () => {
    const panda = suite.fakes.pandapon;
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const answer = await proxy.post(ROUTES.productsByImage, {
      imageBase64: (await smallPhoto()).toString('base64'),
      provider: 'pandapon',
      region: '1,2,3,4',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.providers[0]).toMatchObject({
      provider: 'pandapon',
      outcome: 'ok',
      ignored: ['region'],
    });
    const body = JSON.parse(panda.calls.last(PANDAPON_PATHS.imageQuery)!.body) as { imageBase64: string };
    expectClean(await received(body.imageBase64), 100 * 1024, 1000);
    expect(panda.calls.count()).toBe(1);
  });

  it('TMAPI: says a photo cannot be sent, at no cost', async () => {
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const answer = await proxy.post(ROUTES.productsByImage, {
      imageBase64: (await smallPhoto()).toString('base64'),
      provider: 'tmapi',
    });
    expect(answer.body.providers?.[0]?.error?.message ?? answer.body.detail).toMatch(
      /TMAPI cannot search by a photo/,
    );
    expect(suite.fakes.tmapi.calls.count()).toBe(0);
  });

  it('TMAPI: an image URL not hosted by Alibaba is converted first, then searched; cached after', async () => {
    const tmapi = suite.fakes.tmapi;
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const search = () =>
      proxy.post(ROUTES.productsByImage, {
        imageUrl: 'https://shop.example.com/bear.jpg',
        provider: 'tmapi',
      });
    const answer = await search();
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeGreaterThan(0);
    expect(tmapi.calls.last(TMAPI_PATHS.image)!.query.img_url).toMatch(/alicdn\.com/);
    await search();
    expect(tmapi.calls.byPath()).toEqual({ [TMAPI_PATHS.convertUrl]: 1, [TMAPI_PATHS.image]: 1 });
  });
});

describe('bad photos are a 400 naming imageBase64, before any provider is paid', () => {
  const cases: Array<[string, () => Promise<Buffer>]> = [
    ['a text file', async () => Buffer.from('this is a shopping list, not a photo of anything')],
    ['a truncated JPEG', async () => (await smallPhoto()).subarray(0, 2000)],
    ['a decompression bomb', () => pngBomb(40_000, 40_000)],
  ];
  for (const [name, make] of cases) {
    it(name, async () => {
      const proxy = await suite.start(fakeConfig(suite.fakes));
      const answer = await proxy.post(ROUTES.productsByImage, {
        imageBase64: (await make()).toString('base64'),
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ field: 'imageBase64' });
      for (const fake of Object.values(suite.fakes)) expect(fake.calls.count()).toBe(0);
    });
  }
});

describe('demo', () => {
  it('says plainly it does not look at the picture, and answers with one trade', async () => {
    const config = loadConfig({
      env: { YUANTOU_DEMO: 'true', YUANTOU_RATE_LIMIT_PER_MINUTE: '100000' },
      cwd: tmpdir(),
    });
    const proxy = await suite.start(config);
    const answer = await proxy.post(ROUTES.productsByImage, {
      imageBase64: (await smallPhoto()).toString('base64'),
      provider: 'demo',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.notes).toEqual([expect.stringMatching(/does not look at the picture/)]);
    expect(answer.body.items.length).toBeGreaterThan(1);
  });
});
