import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { ProblemError, problem } from '../problem.js';
import type { PhotoLimits } from './photo-limits.js';

// A buyer's photo is theirs: "phone photos carry GPS position and camera data in their metadata; nothing of it
// should leave the proxy" (sourcing facts §3). Every photo is therefore decoded and encoded again as a plain
// JPEG: sharp writes no EXIF, XMP, IPTC or ICC profile unless asked to (`keepMetadata`/`withMetadata`, never
// called here), and converts the pixels to sRGB, so nothing the camera wrote survives — only pixels.

/** Accepted input formats (issue 26: JPEG, PNG, WebP). */
const FORMATS = new Set(['jpeg', 'png', 'webp']);
/** Over this many pixels an image is refused before it is decoded: a 20 MP phone photo is the largest we need. */
export const MAX_INPUT_PIXELS = 20_000_000;

/** A photo that decoded cleanly, not yet sent anywhere. */
export interface CheckedPhoto {
  readonly input: Buffer;
  readonly width: number;
  readonly height: number;
}

/** A photo re-encoded for one provider: the bytes that may leave the proxy. */
export interface CleanPhoto {
  readonly bytes: Buffer;
  readonly base64: string;
  readonly width: number;
  readonly height: number;
  /** sha256 of the clean bytes: the same photo gives the same bytes, so one cache key and one paid upload. */
  readonly sha256: string;
}

/** The request field the photo came in: its bytes (`imageBase64`) or a URL the proxy fetched (`imageUrl`). */
export type PhotoField = 'imageBase64' | 'imageUrl';

function badImage(detail: string, field: PhotoField = 'imageBase64'): ProblemError {
  return new ProblemError(problem(400, `${field} ${detail}`, { field, kind: 'validation' }));
}

function decoder(input: Buffer) {
  // `limitInputPixels` refuses a decompression bomb from its header, before any pixel is decoded; `failOn:
  // 'truncated'` refuses a file cut short instead of padding it with grey.
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' });
}

/**
 * Decodes the whole image once, so a non-image, a truncated file, a decompression bomb or an image over
 * {@link MAX_INPUT_PIXELS} is a 400 naming `imageBase64` before any provider is paid.
 */
export async function checkPhoto(
  imageBase64: string,
  field: PhotoField = 'imageBase64',
): Promise<CheckedPhoto> {
  const input = Buffer.from(imageBase64, 'base64');
  let meta: Metadata;
  try {
    // Header only (no pixels decoded): no pixel limit here, so a bomb is reported as one below.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw badImage('is not a JPEG, PNG or WebP image', field);
  }
  if (!meta.format || !FORMATS.has(meta.format)) {
    throw badImage(`is ${meta.format ?? 'an unknown format'}; send a JPEG, PNG or WebP image`, field);
  }
  const { width = 0, height = 0 } = meta;
  if (width * height > MAX_INPUT_PIXELS || (meta.pages ?? 1) > 1) {
    throw badImage(
      `is ${width}×${height} pixels; the limit is ${MAX_INPUT_PIXELS / 1_000_000} megapixels`,
      field,
    );
  }
  try {
    // A full decode: truncation and corrupt data show only here.
    await decoder(input).raw().toBuffer();
  } catch (error) {
    const reason =
      error instanceof Error && /truncat|premature|end of/i.test(error.message)
        ? 'is truncated'
        : 'cannot be decoded';
    throw badImage(reason, field);
  }
  const upright = (meta.orientation ?? 1) >= 5;
  return { input, width: upright ? height : width, height: upright ? width : height };
}

/**
 * The photo as it may leave the proxy for a provider with these limits: orientation applied (then dropped),
 * scaled to fit `maxLongSide`, alpha flattened on white, sRGB JPEG with no metadata, and re-compressed (lower
 * quality first, then smaller) until it fits `maxBytes`.
 */
export async function cleanPhoto(photo: CheckedPhoto, limits: PhotoLimits): Promise<CleanPhoto> {
  let side = Math.min(limits.maxLongSide, Math.max(photo.width, photo.height));
  for (let attempt = 0; attempt < 8; attempt++) {
    let smallest = Number.POSITIVE_INFINITY;
    for (const quality of [82, 60]) {
      const { data, info } = await decoder(photo.input)
        .rotate()
        .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .toColourspace('srgb')
        .jpeg({ quality, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      if (data.length <= limits.maxBytes) {
        return {
          bytes: data,
          base64: data.toString('base64'),
          width: info.width,
          height: info.height,
          sha256: createHash('sha256').update(data).digest('hex'),
        };
      }
      smallest = data.length;
    }
    // Bytes grow with the area: shrink the side by the square root of the excess, a little more to land under.
    const factor = Math.min(0.9, Math.max(0.3, Math.sqrt(limits.maxBytes / smallest) * 0.95));
    side = Math.max(16, Math.floor(side * factor));
  }
  throw badImage(`cannot be compressed under ${limits.maxBytes} bytes`);
}
