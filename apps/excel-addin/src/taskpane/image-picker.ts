import type { DetectedRegion } from '@yuantou/core';
import { el } from '../dom/element.js';

// The pane's Image mode pieces for a buyer's own photo (issue 26), kept in one file apart from the pane's form:
// take a picture from a file input, a paste (clipboard) or a drop; show it with the regions the proxy detected
// drawn over it; let the buyer pick one. The proxy strips the photo's metadata before anything leaves it.

/** The image types the proxy accepts as `imageBase64`. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

function isPhoto(file: File | null | undefined): file is File {
  return !!file && (PHOTO_TYPES as readonly string[]).includes(file.type);
}

/** The first JPEG, PNG or WebP among a paste's or a drop's files, if any. */
export function photoFrom(data: DataTransfer | null): File | null {
  if (!data) return null;
  for (const file of Array.from(data.files ?? [])) if (isPhoto(file)) return file;
  for (const item of Array.from(data.items ?? [])) {
    const file = item.kind === 'file' ? item.getAsFile() : null;
    if (isPhoto(file)) return file;
  }
  return null;
}

/** The photo's bytes as base64 without the `data:` header. */
export async function photoBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Binds a file input, paste on `target` and drop on `zone`: each photo taken is handed to `onPhoto` (base64 and
 * an object URL to show it). Anything that is not a JPEG, PNG or WebP goes to `onRefused`.
 */
export function bindPhotoSources(
  sources: { input: HTMLInputElement; zone: HTMLElement; target: EventTarget },
  onPhoto: (photo: { base64: string; url: string; file: File }) => void,
  onRefused: (message: string) => void,
): void {
  const take = async (file: File | null) => {
    if (!file) return onRefused('Paste, drop or choose a JPEG, PNG or WebP picture.');
    onPhoto({ base64: await photoBase64(file), url: URL.createObjectURL(file), file });
  };
  sources.input.addEventListener(
    'change',
    () => void take(isPhoto(sources.input.files?.[0]) ? sources.input.files![0]! : null),
  );
  sources.target.addEventListener('paste', (event) => {
    const file = photoFrom((event as ClipboardEvent).clipboardData);
    if (file) {
      event.preventDefault();
      void take(file);
    }
  });
  sources.zone.addEventListener('dragover', (event) => event.preventDefault());
  sources.zone.addEventListener('drop', (event) => {
    event.preventDefault();
    void take(photoFrom((event as DragEvent).dataTransfer));
  });
}

/**
 * The picture with one button per detected region over it, placed in percent of `size` (the pixels the proxy's
 * boxes count in, `regionImageSize`), so they stay on their objects however large the picture is shown.
 */
export function renderPhotoRegions(
  container: HTMLElement,
  photoUrl: string,
  regions: readonly DetectedRegion[],
  size: { width: number; height: number },
  onPick: (box: string) => void,
): void {
  const doc = container.ownerDocument;
  container.replaceChildren();
  const frame = el(doc, 'div', 'photo-frame');
  frame.style.position = 'relative';
  const img = el(doc, 'img', 'photo');
  img.src = photoUrl;
  img.alt = 'Your photo';
  img.style.width = '100%';
  frame.append(img);
  regions.forEach(({ box, current }, index) => {
    const [x1 = 0, x2 = 0, y1 = 0, y2 = 0] = box.split(',').map(Number);
    const button = el(doc, 'button', current ? 'photo-region current' : 'photo-region');
    button.type = 'button';
    button.setAttribute('aria-label', `Search object ${index + 1}${current ? ' (searched)' : ''}`);
    button.setAttribute('aria-pressed', String(current));
    Object.assign(button.style, {
      position: 'absolute',
      left: `${(x1 / size.width) * 100}%`,
      top: `${(y1 / size.height) * 100}%`,
      width: `${((x2 - x1) / size.width) * 100}%`,
      height: `${((y2 - y1) / size.height) * 100}%`,
    });
    button.addEventListener('click', () => onPick(box));
    frame.append(button);
  });
  container.append(frame);
}
