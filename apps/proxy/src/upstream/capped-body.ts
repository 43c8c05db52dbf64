import type { Dispatcher } from 'undici';

// Every upstream is untrusted (issue 23: an endless rate feed grew the proxy to 1.4–1.7 GB). A body is read up to
// a byte cap and no further: past it the socket is destroyed and the call fails, the process does not.

/** A body longer than its cap (or announcing so in Content-Length): the call fails with this. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`the answer was larger than ${describeBytes(maxBytes)}`);
  }
}

export const describeBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} kB`;

/** The body's bytes, or BodyTooLargeError as soon as it passes `maxBytes` (nothing more is read). */
export async function readCappedBody(response: Dispatcher.ResponseData, maxBytes: number): Promise<Buffer> {
  const announced = Number(response.headers['content-length']);
  if (Number.isFinite(announced) && announced > maxBytes) {
    response.body.destroy();
    throw new BodyTooLargeError(maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      response.body.destroy();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}
