// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bindPhotoSources, photoBase64, renderPhotoRegions } from './image-picker.js';

// A 2×2 JPEG's first bytes are enough: the pane only reads and forwards them; the proxy checks the image.
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0x00, 0x43, 0x00, 0x10]);

function setup() {
  const input = document.createElement('input');
  const zone = document.createElement('div');
  const taken: string[] = [];
  const refused: string[] = [];
  bindPhotoSources(
    { input, zone, target: document },
    (p) => taken.push(p.base64),
    (m) => refused.push(m),
  );
  return { input, zone, taken, refused };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function transferOf(file: File): DataTransfer {
  return { files: [file], items: [] } as unknown as DataTransfer;
}

describe('image picker', () => {
  it('takes a pasted picture as base64 without a data: header', async () => {
    const { taken } = setup();
    const paste = new Event('paste', { cancelable: true }) as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', {
      value: transferOf(new File([JPEG], 'p.jpg', { type: 'image/jpeg' })),
    });
    document.dispatchEvent(paste);
    await settle();
    expect(taken).toEqual([btoa(String.fromCharCode(...JPEG))]);
    expect(paste.defaultPrevented).toBe(true);
  });

  it('takes a dropped picture, and refuses a dropped text file', async () => {
    const { zone, taken, refused } = setup();
    for (const file of [
      new File([JPEG], 'd.webp', { type: 'image/webp' }),
      new File(['hi'], 'a.txt', { type: 'text/plain' }),
    ]) {
      const drop = new Event('drop', { cancelable: true }) as DragEvent;
      Object.defineProperty(drop, 'dataTransfer', { value: transferOf(file) });
      zone.dispatchEvent(drop);
    }
    await settle();
    expect(taken).toHaveLength(1);
    expect(refused).toEqual([expect.stringMatching(/JPEG, PNG or WebP/)]);
  });

  it('encodes large files in chunks', async () => {
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    const base64 = await photoBase64(new Blob([big]));
    expect(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))).toEqual(big);
  });

  it('draws the detected regions in percent of the uploaded size and picks one on click', () => {
    const container = document.createElement('div');
    const picked: string[] = [];
    renderPhotoRegions(
      container,
      'blob:photo',
      [
        { box: '0,375,0,500', current: true },
        { box: '375,750,500,1000', current: false },
      ],
      { width: 750, height: 1000 },
      (box) => picked.push(box),
    );
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('button.photo-region')];
    expect(buttons.map((b) => [b.style.left, b.style.top, b.style.width, b.style.height])).toEqual([
      ['0%', '0%', '50%', '50%'],
      ['50%', '50%', '50%', '50%'],
    ]);
    expect(buttons[0]!.getAttribute('aria-pressed')).toBe('true');
    buttons[1]!.click();
    expect(picked).toEqual(['375,750,500,1000']);
  });
});
