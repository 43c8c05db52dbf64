import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BuiltPane, CHROMIUM_FLAGS, chromiumPath, serveBuiltPane } from './built-pane.js';
import { FAKE_REFRESH_OFFICE_JS } from './fake-refresh-host.js';
import { seriousViolations } from './pane-axe.js';

// Refresh, retry and freeze in the built pane "in Excel" (test/fake-refresh-host.ts answers office.js with a
// sheet of yuantou formulas), with the keyboard alone, at 320 px: axe-core (WCAG 2.2 A/AA) on the confirmation
// and on the progress, light and dark, and the live region saying n of N.

let pane: BuiltPane;
let context: BrowserContext;
let page: Page;
const temp: string[] = [];

beforeAll(async () => {
  const outDir = inject('addinDist');
  const profile = mkdtempSync(path.join(tmpdir(), 'yuantou-chromium-refresh-'));
  temp.push(profile);
  pane = await serveBuiltPane(outDir);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_FLAGS,
    viewport: { width: 320, height: 700 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ body: FAKE_REFRESH_OFFICE_JS, contentType: 'text/javascript' }),
  );
  await page.goto(`${pane.origin}/taskpane.html`);
  await page.waitForSelector('body[data-mode="excel"]');
  await page.evaluate(() => localStorage.clear());
  await page.click('#settings-toggle');
  await page.fill('#proxy-url', pane.proxy.url);
  await page.click('#settings-save');
  await page.locator('#settings-status', { hasText: 'Saved' }).waitFor();
  await page.click('#settings-toggle');
}, 180_000);

afterAll(async () => {
  await context?.close();
  await pane?.close();
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

async function expectAccessible(view: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme);
    expect(await seriousViolations(page), `${view} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${view} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
}

async function tabTo(selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < 150; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${selector}`);
}

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
