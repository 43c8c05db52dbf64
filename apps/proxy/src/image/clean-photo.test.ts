import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../problem.js';
import { CAMERA_MAKE, CAMERA_MODEL, phonePhoto, pngBomb, smallPhoto } from './__fixtures__/test-photos.js';
import { checkPhoto, cleanPhoto } from './clean-photo.js';
import { photoLimitsFor } from './photo-limits.js';

const b64 = (bytes: Buffer) => bytes.toString('base64');

async function badRequest(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  const { problem } = error as ProblemError;
  expect(problem).toMatchObject({ status: 400, field: 'imageBase64' });
  return problem.detail;
}

describe('cleanPhoto', () => {
  it('drops EXIF, GPS, camera, XMP and ICC, and applies the orientation', async () => {
    const original = await phonePhoto({ width: 1600, height: 1200, orientation: 6 });
    const before = await sharp(original).metadata();
    // The test photo really carries what a phone writes (else this test could not fail).
    expect(before.exif?.includes('GPS') || before.exif?.includes(CAMERA_MAKE)).toBe(true);
    expect(original.includes(CAMERA_MODEL)).toBe(true);
    expect(before.icc).toBeDefined();
    expect(before.orientation).toBe(6);

    const clean = await cleanPhoto(await checkPhoto(b64(original)), photoLimitsFor('alibaba'));
    const after = await sharp(clean.bytes).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    for (const text of [CAMERA_MAKE, CAMERA_MODEL, 'buyer private', 'Exif']) {
      expect(clean.bytes.includes(text), text).toBe(false);
    }
    // Turned upright: the 1600×1200 landscape stored with orientation 6 is a portrait, ≤ 1000 px long side.
    expect(after.height).toBe(1000);
    expect(after.width).toBe(750);
    expect(clean.bytes.length).toBeLessThanOrEqual(100 * 1024);
  });

  it('cleans PNG and WebP photos too', async () => {
    for (const format of ['png', 'webp'] as const) {
      const original = await phonePhoto({ width: 400, height: 300, format, orientation: 1 });
      const clean = await cleanPhoto(await checkPhoto(b64(original)), photoLimitsFor('pandapon'));
      const after = await sharp(clean.bytes).metadata();
      expect(after).toMatchObject({ format: 'jpeg', width: 400, height: 300 });
      expect(after.exif).toBeUndefined();
      expect(clean.bytes.includes(CAMERA_MAKE)).toBe(false);
    }
  });

  it('keeps up to 3 MB and 2000 px for DajiSaaS, and never enlarges', async () => {
    const big = await cleanPhoto(
      await checkPhoto(b64(await phonePhoto({ width: 2200, height: 1600 }))),
      photoLimitsFor('dajisaas'),
    );
    expect(Math.max(big.width, big.height)).toBe(2000);
    expect(big.bytes.length).toBeGreaterThan(100 * 1024);
    expect(big.bytes.length).toBeLessThanOrEqual(3 * 1024 * 1024);
    const small = await cleanPhoto(await checkPhoto(b64(await smallPhoto())), photoLimitsFor('dajisaas'));
    expect([small.width, small.height]).toEqual([240, 320]);
  });

  it('gives the same bytes and hash for the same photo (one cache key, one upload)', async () => {
    const photo = await checkPhoto(b64(await smallPhoto()));
    const [a, b] = await Promise.all([
      cleanPhoto(photo, photoLimitsFor('alibaba')),
      cleanPhoto(photo, photoLimitsFor('alibaba')),
    ]);
    expect(a.sha256).toBe(b.sha256);
    expect(a.base64).toBe(b.base64);
  });
});

describe('checkPhoto refuses what is not a usable image, naming imageBase64', () => {
  it('a non-image', async () => {
    expect(await badRequest(checkPhoto(b64(Buffer.from('just some text, not a picture at all'))))).toMatch(
      /not a JPEG, PNG or WebP/,
    );
  });

  it('another format (GIF)', async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    expect(await badRequest(checkPhoto(b64(gif)))).toMatch(/gif/);
  });

  it('a truncated file', async () => {
    const photo = await smallPhoto();
    expect(await badRequest(checkPhoto(b64(photo.subarray(0, Math.floor(photo.length / 2)))))).toMatch(
      /truncated|decoded/,
    );
  });

  it('a decompression bomb (a tiny PNG claiming 50,000 × 50,000 pixels)', async () => {
    expect(await badRequest(checkPhoto(b64(await pngBomb(50_000, 50_000))))).toMatch(/megapixels/);
  });

  it('an image over 20 megapixels', async () => {
    const huge = await sharp({ create: { width: 5000, height: 4100, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    expect(await badRequest(checkPhoto(b64(huge)))).toMatch(/5000×4100/);
  });
});
