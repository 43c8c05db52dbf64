import { crc32 } from 'node:zlib';
import sharp from 'sharp';

// Photos made in the tests, carrying what a phone writes: camera make and model, a GPS position, an EXIF
// orientation (6: the camera was turned a quarter, the pixels were not) and an ICC profile.

export const CAMERA_MAKE = 'YuantouTestCam';
export const CAMERA_MODEL = 'PhoneModelX-42';

/** A noisy landscape photo (noise resists compression, as a real photo does) with GPS and camera EXIF. */
export async function phonePhoto(
  options: { width?: number; height?: number; format?: 'jpeg' | 'png' | 'webp'; orientation?: number } = {},
): Promise<Buffer> {
  const { width = 1600, height = 1200, format = 'jpeg', orientation = 6 } = options;
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 18 },
    },
  })
    .png()
    .toBuffer();
  return sharp(noise)
    .withExif({
      IFD0: { Make: CAMERA_MAKE, Model: CAMERA_MODEL, Copyright: 'buyer private' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 31/1 7/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '13/1 24/1 9/1',
      },
    })
    .withMetadata({ orientation, icc: 'p3' })
    .toFormat(format)
    .toBuffer();
}

/** A small plain photo, quick to make, with the same GPS and camera EXIF. */
export function smallPhoto(): Promise<Buffer> {
  return phonePhoto({ width: 320, height: 240 });
}

/** A PNG whose header claims `width`×`height` pixels while its data is a few bytes: a decompression bomb. */
export async function pngBomb(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
  );
  // IHDR is the first chunk: length(4) type(4) at offset 8, width at 16, height at 20, CRC over type+data at 29.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
