import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FAKE_REFRESH_OFFICE_JS } from './fake-refresh-host.js';
import { expectPaneAccessible, tabTo as tabToIn } from './pane-axe.js';
import { openPaneBrowser, type PaneBrowser } from './pane-browser.js';

// Refresh, retry and freeze in the built pane "in Excel" (test/fake-refresh-host.ts answers office.js with a
// sheet of yuantou formulas), with the keyboard alone, at 320 px: axe-core (WCAG 2.2 A/AA) on the confirmation
// and on the progress, light and dark, and the live region saying n of N.

let browser: PaneBrowser;
let page: Page;

beforeAll(async () => {
  browser = await openPaneBrowser(inject('addinDist'), {
    name: 'refresh',
    viewport: { width: 320, height: 700 },
    officeJs: FAKE_REFRESH_OFFICE_JS,
    readySelector: 'body[data-mode="excel"]',
    connect: 'save',
  });
  ({ page } = browser);
}, 180_000);

afterAll(() => browser?.close());

const expectAccessible = (view: string) => expectPaneAccessible(page, view, expect);

const tabTo = (selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab') => tabToIn(page, selector, key, 150);

const fake = () =>
  page.evaluate(
    () =>
      (window as unknown as { fakeExcel: { calculated: string[]; written: string[]; held: boolean } })
        .fakeExcel,
  );
const hold = (held: boolean) =>
  page.evaluate((h) => {
    (window as unknown as { fakeExcel: { held: boolean } }).fakeExcel.held = h;
  }, held);

describe('refresh, retry, freeze (a fake Excel, keyboard only, 320 px)', () => {
  it('Refresh sheet: the count and the budget first; Escape pays nothing', async () => {
    await page.focus('body');
    await tabTo('#refresh-sheet');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#refresh-confirm:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('refresh-go');
    expect(await page.textContent('#refresh-confirm-summary')).toBe(
      'This sheet has 3 yuantou formulas with 3 distinct lookups: refreshing asks the providers again, no paid call.',
    );
    expect(await page.textContent('#refresh-confirm-budget')).toBe(
      'Budget left today: no daily budget is set on the proxy.',
    );
    await expectAccessible('refresh confirmation');
    await page.keyboard.press('Escape');
    await page.locator('#refresh-status', { hasText: 'Refresh cancelled' }).waitFor();
    expect((await fake()).calculated).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('refresh-sheet');
  });

  it('confirmed: recalculates the yuantou cells only, n of N in the live region while they run', async () => {
    await hold(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#refresh-confirm:not([hidden])');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#refresh-progress:not([hidden])');
    await page.locator('#refresh-status', { hasText: 'Refreshing: 0 of 3 formulas' }).waitFor();
    expect(await page.getAttribute('#refresh-status', 'role')).toBe('status');
    await expectAccessible('refresh progress');
    await hold(false);
    await page.locator('#refresh-status', { hasText: 'Refreshed 3 of 3 formulas.' }).waitFor();
    expect((await fake()).calculated).toEqual(['Sheet1!B2', 'Sheet1!C2', 'Sheet1!B3']);
    expect(await page.isHidden('#refresh-progress')).toBe(true);
    expect(await page.textContent('#refresh-usage')).toMatch(/demo: \d+ paid calls, \d+ from cache/);
  });

  it('Retry failed cells recalculates none when nothing is in error any more', async () => {
    await tabTo('#refresh-retry');
    await page.keyboard.press('Enter');
    await page.locator('#refresh-status', { hasText: 'No yuantou cell shows an error.' }).waitFor();
  });

  it('Freeze selection asks, then writes the formulas’ blocks as values', async () => {
    await tabTo('#refresh-freeze');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#refresh-confirm:not([hidden])');
    expect(await page.textContent('#refresh-confirm-summary')).toMatch(
      /^Freeze 3 yuantou formulas in the selection/,
    );
    await expectAccessible('freeze confirmation');
    await page.keyboard.press('Enter');
    await page.locator('#refresh-status', { hasText: 'Froze 3 formulas' }).waitFor();
    expect((await fake()).written).toEqual([
      'Sheet1!B2 valuesAsJson',
      'Sheet1!C2:C4 valuesAsJson',
      'Sheet1!B3 valuesAsJson',
    ]);
  });
});
