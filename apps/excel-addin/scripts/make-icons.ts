// Writes public/assets/icon-{16,32,64,80}.png: a plain badge (orange square, white "Y" for YUANTOU), so the
// manifest's icons exist without an image editor. Run: pnpm icons
// The PNGs are committed.
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const ORANGE = [255, 106, 0];
const WHITE = [255, 255, 255];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** True where the "Y" glyph covers pixel (x, y) of a size×size icon. */
function inGlyph(x: number, y: number, size: number): boolean {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const stroke = 0.09;
  if (v < 0.22 || v > 0.8) return false;
  if (v >= 0.5) return Math.abs(u - 0.5) < stroke;
  const t = (v - 0.22) / 0.28; // 0 at the top of the arms, 1 where they meet
  const left = 0.25 + 0.25 * t;
  const right = 0.75 - 0.25 * t;
  return Math.abs(u - left) < stroke || Math.abs(u - right) < stroke;
}

export function iconPng(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) row.set(inGlyph(x, y, size) ? WHITE : ORANGE, 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80]) {
  writeFileSync(new URL(`../public/assets/icon-${size}.png`, import.meta.url), iconPng(size));
}
