import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectPaneAccessible, tabTo } from './pane-axe.js';
import { openPaneBrowser, type PaneBrowser } from './pane-browser.js';

// Image mode with the buyer's own photo (issue 26 "Excel") in the built pane, in a real Chromium at 320 px,
// against the demo proxy: a real PNG drawn on a canvas in the page is pasted, a real JPEG dropped, a file
// chosen; each is shown and searched as `imageBase64`. The demo proxy detects no objects (only the official
// platform does), so the answer is given two regions on its way to the pane (page.route, the rest of the answer
// as the proxy sent it): the pane draws them over the photo, and picking one with the keyboard searches that
// region with the keyword. axe-core checks the view in both palettes.

let browser: PaneBrowser;
let page: Page;
/** The JSON bodies the pane posted to /v1/products/by-image. */
const posted: Record<string, unknown>[] = [];
const REGIONS = ['0,32,0,24', '32,64,24,48'];

beforeAll(async () => {
  browser = await openPaneBrowser(inject('addinDist'), {
    name: 'photo',
    viewport: { width: 320, height: 800 },
    connect: 'test',
    beforeLoad: async (page) => {
      await page.route('**/v1/products/by-image', async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
        posted.push(body);
        const response = await route.fetch();
        const answer = (await response.json()) as Record<string, unknown>;
        if (response.status() !== 200) return route.fulfill({ response });
        const searched = (body.region as string | undefined) ?? REGIONS[0];
        answer.regions = REGIONS.map((box) => ({ box, current: box === searched }));
        answer.regionImageSize = { width: 64, height: 48 };
        await route.fulfill({ response, json: answer });
      });
    },
  });
  ({ page } = browser);
}, 180_000);

afterAll(() => browser?.close());

/**
 * Draws a 64×48 picture on a canvas in the page and hands it as a File to `deliver` (in the page), as a paste or
 * a drop; resolves to the file's base64, to compare with what the pane posts.
 */
async function photoIn(page: Page, type: 'image/png' | 'image/jpeg', how: 'paste' | 'drop' | 'text-drop') {
  return page.evaluate(
    async ({ type, how }) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 48;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#f4d03f';
      g.fillRect(0, 0, 64, 48);
      g.fillStyle = '#c0392b';
      g.fillRect(4, 4, 24, 18);
      g.fillStyle = '#2471a3';
      g.beginPath();
      g.arc(46, 34, 12, 0, Math.PI * 2);
      g.fill();
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), type, 0.9));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const file =
        how === 'text-drop'
          ? new File(['not a picture'], 'notes.txt', { type: 'text/plain' })
          : new File([bytes], type === 'image/png' ? 'toy.png' : 'toy.jpg', { type });
      const data = new DataTransfer();
      data.items.add(file);
      if (how === 'paste')
        document.body.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      else
        document
          .getElementById('photo-drop')!
          .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    { type, how },
  );
}

describe('Image mode: the buyer’s own photo', () => {
  it('a pasted PNG switches to Image mode, is shown, and is searched as imageBase64 (not the URL box)', async () => {
    expect(await page.isChecked('input[name="mode"][value="suppliers"]')).toBe(true);
    expect(await page.isHidden('#photo')).toBe(true);
    const base64 = await photoIn(page, 'image/png', 'paste');
    await page.locator('#photo-status', { hasText: 'Photo ready' }).waitFor();
    expect(await page.isChecked('input[name="mode"][value="image"]')).toBe(true);
    expect(await page.isVisible('#photo-view img.photo')).toBe(true);
    expect(await page.getAttribute('#photo-view img.photo', 'src')).toMatch(/^blob:/);

    await page.click('#search-button');
    await page.waitForSelector('#results li.result');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.imageBase64).toBe(base64);
    expect(posted[0]!.imageUrl).toBeUndefined();
    expect(posted[0]!.region).toBeUndefined();
    // The detected objects over the picture, in percent of the size the proxy's boxes count in.
    const boxes = page.locator('#photo-view button.photo-region');
    expect(await boxes.count()).toBe(2);
    expect(await boxes.nth(1).evaluate((b) => (b as HTMLElement).style.left)).toBe('50%');
    expect(await page.textContent('#photo-status')).toBe(
      '2 objects found in the photo: pick one to search it alone.',
    );
    await expectPaneAccessible(page, 'photo with regions', expect);
  });

  it('picking an object with the keyboard searches that region with the keyword; focus stays on it', async () => {
    // Up from the Search button (the results below it are many tab stops long).
    await tabTo(page, '#photo-keyword', 'Shift+Tab');
    await page.keyboard.type('毛绒');
    // The objects sit before the keyword box: back with Shift+Tab to the second one.
    await tabTo(page, '#photo-view button.photo-region:nth-of-type(2)', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document.activeElement?.getAttribute('aria-label')?.includes('(searched)'),
    );
    expect(posted).toHaveLength(2);
    expect(posted[1]).toMatchObject({ region: REGIONS[1], keyword: '毛绒' });
    expect(posted[1]!.imageBase64).toBe(posted[0]!.imageBase64);
    expect(await page.getAttribute('#photo-view button.photo-region.current', 'aria-pressed')).toBe('true');
  });

  it('a dropped JPEG replaces the photo (and its picked object); a dropped text file is refused, nothing sent', async () => {
    const before = await page.getAttribute('#photo-view img.photo', 'src');
    const base64 = await photoIn(page, 'image/jpeg', 'drop');
    await page.waitForFunction(
      (old) => document.querySelector('#photo-view img.photo')?.getAttribute('src') !== old,
      before,
    );
    expect(await page.locator('#photo-view button.photo-region').count()).toBe(0);
    await page.fill('#photo-keyword', '');
    await page.click('#search-button');
    await page.waitForFunction((n) => document.querySelectorAll('#photo-view .photo-region').length === n, 2);
    expect(posted).toHaveLength(3);
    expect(posted[2]!.imageBase64).toBe(base64);
    expect(posted[2]!.region).toBeUndefined();

    await photoIn(page, 'image/png', 'text-drop');
    await page.locator('#photo-status', { hasText: 'JPEG, PNG or WebP' }).waitFor();
    expect(posted).toHaveLength(3);
  });

  it('a chosen file works too; Remove photo goes back to the image URL, by keyboard', async () => {
    const png = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 40;
      canvas.height = 40;
      canvas.getContext('2d')!.fillRect(5, 5, 30, 30);
      return canvas.toDataURL('image/png').split(',')[1]!;
    });
    await page.setInputFiles('#photo-file', {
      name: 'chosen.png',
      mimeType: 'image/png',
      buffer: Buffer.from(png, 'base64'),
    });
    await page.locator('#photo-status', { hasText: 'chosen.png' }).waitFor();
    await tabTo(page, '#photo-clear', 'Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await page.locator('#photo-view img').count()).toBe(0);
    expect(await page.textContent('#photo-status')).toContain('image URL is searched');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('photo-file');
    await expectPaneAccessible(page, 'image mode without a photo', expect);
  });
});
