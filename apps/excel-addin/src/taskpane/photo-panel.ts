import type { ProductSearchResponse } from '@yuantou/core';
import { bindPhotoSources, PHOTO_TYPES, renderPhotoRegions } from './image-picker.js';

// Image mode's own photo (issue 26 "Excel"): a file, a paste (anywhere in the pane: a pasted picture switches to
// Image mode) or a drop takes the buyer's picture; it is shown at once; after a search the objects the proxy
// detected are drawn over it (image-picker.ts), and picking one searches that object, with the keyword box
// narrowing the matches. The photo is sent as `imageBase64`; the proxy strips its metadata before anything
// leaves it. Keyboard alone: the file input and paste take a photo, the region buttons are in the tab order.

export interface PhotoSearch {
  base64: string;
  /** The detected object to search (`regions[].box` of the last answer), when one was picked. */
  region?: string;
  keyword?: string;
}

export interface PhotoPanel {
  /** The photo Image mode searches with, or null (then the image URL is searched). */
  current(): PhotoSearch | null;
  /** After a photo search: the detected objects over the picture, when the answer has them. */
  showRegions(response: ProductSearchResponse): void;
}

const byId = <T extends HTMLElement>(doc: Document, id: string) => doc.getElementById(id) as T;

export function bindPhotoPanel(doc: Document, form: HTMLFormElement, search: () => void): PhotoPanel {
  const input = byId<HTMLInputElement>(doc, 'photo-file');
  const zone = byId<HTMLElement>(doc, 'photo-drop');
  const view = byId<HTMLElement>(doc, 'photo-view');
  const keyword = byId<HTMLInputElement>(doc, 'photo-keyword');
  const clear = byId<HTMLButtonElement>(doc, 'photo-clear');
  const status = byId<HTMLElement>(doc, 'photo-status');
  input.accept = PHOTO_TYPES.join(',');
  let photo: { base64: string; url: string } | null = null;
  let region: string | undefined;
  /** Set when the buyer picked a region: its button gets the focus back once the answer redraws them. */
  let refocus = false;

  const showMode = () => {
    doc.body.dataset.searchMode = String(new FormData(form).get('mode') ?? 'suppliers');
  };
  form.addEventListener('change', showMode);
  showMode();

  const pick = (box: string) => {
    region = box;
    refocus = true;
    status.textContent = 'Searching the object you picked…';
    search();
  };
  const show = (regions: Parameters<typeof renderPhotoRegions>[2], size = { width: 1, height: 1 }) => {
    if (photo) renderPhotoRegions(view, photo.url, regions, size, pick);
  };

  bindPhotoSources(
    { input, zone, target: doc },
    (taken) => {
      if (photo) URL.revokeObjectURL(photo.url);
      photo = { base64: taken.base64, url: taken.url };
      region = undefined;
      const image = form.querySelector<HTMLInputElement>('input[name="mode"][value="image"]');
      if (image && !image.checked) {
        image.checked = true;
        form.dispatchEvent(new Event('change', { bubbles: true }));
      }
      show([]);
      clear.hidden = false;
      status.textContent = `Photo ready (${taken.file.name || 'pasted picture'}): search to find similar products.`;
    },
    (message) => {
      status.textContent = message;
    },
  );
  clear.addEventListener('click', () => {
    if (photo) URL.revokeObjectURL(photo.url);
    photo = null;
    region = undefined;
    input.value = '';
    view.replaceChildren();
    clear.hidden = true;
    status.textContent = 'Photo removed: the image URL is searched.';
    input.focus();
  });

  return {
    current: () =>
      photo && {
        base64: photo.base64,
        ...(region ? { region } : {}),
        ...(keyword.value.trim() ? { keyword: keyword.value.trim() } : {}),
      },
    showRegions(response) {
      const regions = response.regions ?? [];
      if (!photo) return;
      if (regions.length === 0 || !response.regionImageSize) {
        status.textContent = response.notes?.join(' ') ?? '';
        return;
      }
      show(regions, response.regionImageSize);
      status.textContent = `${regions.length} object${regions.length === 1 ? '' : 's'} found in the photo: pick one to search it alone.`;
      if (refocus) view.querySelector<HTMLButtonElement>('button.photo-region.current')?.focus();
      refocus = false;
    },
  };
}
