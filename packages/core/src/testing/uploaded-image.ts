// What the fakes' upload endpoints check about an uploaded photo, read from the bytes with no image library (so
// the check is independent of the proxy's encoder): a JPEG, PNG or WebP within the provider's limits that carries
// no metadata — no EXIF (camera, GPS), XMP, IPTC or ICC profile.

/** The provider's limits for an uploaded image. */
export interface UploadLimits {
  maxBytes: number;
  /** Pixels on the long side; omitted when the provider names none. */
  maxLongSide?: number;
}

/** What is wrong with an uploaded image, or `null` when it is a clean image within the limits. */
export function uploadedImageProblem(base64: string, limits: UploadLimits): string | null {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > limits.maxBytes) return `image is ${bytes.length} bytes, over ${limits.maxBytes}`;
  const read = readImage(bytes);
  if (typeof read === 'string') return read;
  if (read.metadata.length > 0) return `image carries metadata: ${read.metadata.join(', ')}`;
  const longSide = Math.max(read.width, read.height);
  if (limits.maxLongSide !== undefined && longSide > limits.maxLongSide)
    return `image is ${read.width}×${read.height}, over ${limits.maxLongSide} px on the long side`;
  return null;
}

interface ReadImage {
  width: number;
  height: number;
  metadata: string[];
}

function readImage(bytes: Buffer): ReadImage | string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return readJpeg(bytes);
  if (bytes.subarray(1, 4).toString('latin1') === 'PNG') return readPng(bytes);
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return readWebp(bytes);
  return 'not a JPEG, PNG or WebP image';
}

function readJpeg(bytes: Buffer): ReadImage | string {
  const metadata: string[] = [];
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return 'corrupt JPEG segment';
    const marker = bytes[offset + 1]!;
    const length = bytes.readUInt16BE(offset + 2);
    const body = bytes.subarray(offset + 4, offset + 2 + length);
    const tag = body.subarray(0, 14).toString('latin1');
    if (marker === 0xe1) metadata.push(tag.startsWith('Exif') ? 'EXIF' : 'XMP');
    if (marker === 0xe2 && tag.startsWith('ICC_PROFILE')) metadata.push('ICC');
    if (marker === 0xed) metadata.push('IPTC');
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC): height then width after the precision byte.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: body.readUInt16BE(1), width: body.readUInt16BE(3), metadata };
    }
    offset += 2 + length;
  }
  return 'JPEG without a frame header';
}

function readPng(bytes: Buffer): ReadImage | string {
  const metadata: string[] = [];
  let offset = 8;
  let size: { width: number; height: number } | undefined;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.subarray(offset + 4, offset + 8).toString('latin1');
    if (type === 'IHDR')
      size = { width: bytes.readUInt32BE(offset + 8), height: bytes.readUInt32BE(offset + 12) };
    if (['eXIf', 'iCCP', 'iTXt', 'tEXt', 'zTXt'].includes(type)) metadata.push(type);
    offset += 12 + length;
  }
  return size ? { ...size, metadata } : 'PNG without IHDR';
}

function readWebp(bytes: Buffer): ReadImage | string {
  const metadata: string[] = [];
  let size: { width: number; height: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const type = bytes.subarray(offset, offset + 4).toString('latin1');
    const length = bytes.readUInt32LE(offset + 4);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (['EXIF', 'XMP ', 'ICCP'].includes(type)) metadata.push(type.trim());
    if (type === 'VP8X') size = { width: 1 + body.readUIntLE(4, 3), height: 1 + body.readUIntLE(7, 3) };
    if (type === 'VP8 ' && !size)
      size = { width: body.readUInt16LE(6) & 0x3fff, height: body.readUInt16LE(8) & 0x3fff };
    if (type === 'VP8L' && !size) {
      const bits = body.readUInt32LE(1);
      size = { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    offset += 8 + length + (length % 2);
  }
  return size ? { ...size, metadata } : 'WebP without a frame';
}
