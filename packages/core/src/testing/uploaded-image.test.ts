import { describe, expect, it } from 'vitest';
import { CLEAN_JPEG_BASE64, EXIF_JPEG_BASE64 } from './sample-images.js';
import { uploadedImageProblem } from './uploaded-image.js';

describe('uploadedImageProblem (what the fakes check an upload against)', () => {
  it('passes a clean JPEG within limits', () => {
    expect(uploadedImageProblem(CLEAN_JPEG_BASE64, { maxBytes: 1000, maxLongSide: 2 })).toBeNull();
  });
  it('names EXIF, size and dimensions', () => {
    expect(uploadedImageProblem(EXIF_JPEG_BASE64, { maxBytes: 1000 })).toMatch(/EXIF/);
    expect(uploadedImageProblem(CLEAN_JPEG_BASE64, { maxBytes: 100 })).toMatch(/bytes/);
    expect(uploadedImageProblem(CLEAN_JPEG_BASE64, { maxBytes: 1000, maxLongSide: 1 })).toMatch(/2×2/);
    expect(uploadedImageProblem(Buffer.from('not an image').toString('base64'), { maxBytes: 1000 })).toMatch(
      /not a JPEG/,
    );
  });
});
