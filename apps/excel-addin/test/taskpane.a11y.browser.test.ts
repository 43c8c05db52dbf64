import { createClient } from '@yuantou/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { historyDate } from '../src/taskpane/offer-history-text.js';
import type { BuiltPane } from './built-pane.js';
import { startDemoProxy } from './demo-proxy.js';
import { expectPaneAccessible, tabTo as tabToIn } from './pane-axe.js';
import { openPaneBrowser, type PaneBrowser, saveScreenshot } from './pane-browser.js';

// WCAG 2.2 AA in a real Chromium: axe-core on every view of the built pane (search, results with an
// explanation and a card open, Links, settings), in the light and the dark palette, at 320 px — Office's
// narrowest pane, and what a 640 px pane becomes at 200 % zoom (WCAG 1.4.10 measures reflow at 320 CSS px) —
// and the whole flow with the keyboard alone.

let browser: PaneBrowser;
let pane: BuiltPane;
let page: Page;

beforeAll(async () => {
  browser = await openPaneBrowser(inject('addinDist'), {
    name: 'a11y',
    viewport: { width: 320, height: 700 },
  });
  ({ page, pane } = browser);
}, 180_000);

afterAll(() => browser?.close());

/** axe's serious and critical findings, light and dark; and nothing wider than the pane. */
const expectAccessible = (view: string) => expectPaneAccessible(page, view, expect);

/** Saves a view's screenshot in test-results/ (and docs/ with UPDATE_DOCS_SCREENSHOT=1, for the README). */
const screenshot = (selector: string, file: string) => saveScreenshot(page.locator(selector), file);

const tabTo = (selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab') => tabToIn(page, selector, key);

describe('task pane accessibility (axe-core, keyboard, 320 px)', () => {
  it('search view: a main landmark, one h1, headings in order, no serious violation', async () => {
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    await expectAccessible('search');
  });

  it('settings with the keyboard alone: open, type the proxy URL, test the connection', async () => {
    await page.focus('body');
    await tabTo('#settings-toggle');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#settings-toggle', 'aria-expanded')).toBe('true');
    await tabTo('#proxy-url');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(pane.proxy.url);
    await tabTo('#settings-test');
    await page.keyboard.press('Enter');
    await page.locator('#settings-status', { hasText: 'Connected' }).waitFor();
    await expectAccessible('settings');
    // Stale after (days), the workbook's: a value out of range is refused with the rule, a good one is carried.
    await tabTo('#setting-stale-days');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('400');
    await tabTo('#settings-save');
    await page.keyboard.press('Enter');
    await page.locator('#settings-status', { hasText: 'from 1 to 365' }).waitFor();
    await page.fill('#setting-stale-days', '14');
    await page.click('#settings-save');
    await page.locator('#settings-status', { hasText: 'Saved' }).waitFor();
    expect(await page.textContent('#settings-workbook')).toMatch(/carries: stale after 14 days/);
    await page.fill('#setting-stale-days', '7');
    await page.click('#settings-save');
    await page.locator('#settings-workbook', { hasText: 'carries no defaults' }).waitFor();
    await tabTo('#settings-toggle');
    await page.keyboard.press('Space');
    expect(await page.isHidden('#settings')).toBe(true);
  });

  it('first run: connection, one search, one formula, which data the proxy has; then hidden for good', async () => {
    expect(await page.isVisible('#start')).toBe(true);
    await page.click('#start-block > summary');
    await expectAccessible('first run');
    await page.click('#start-check');
    await page.waitForSelector('#start-step-connect[data-done="true"]');
    expect(await page.textContent('#start-data')).toMatch(/^Demo data: .*bundled sample/);
    await page.click('#start-search');
    await page.waitForSelector('#start-step-search[data-done="true"]');
    expect(await page.textContent('#start-step-search .step-state')).toMatch(/\d+ suppliers found/);
    await page.click('#start-formula');
    expect(await page.inputValue('#builder-function')).toBe('SUPPLIERS');
    expect(await page.textContent('#builder-formula')).toBe('=SUPPLIERS("玩具厂")');
    expect(await page.isDisabled('#builder-insert')).toBe(true); // inserting needs Excel; a preview counts here
    await page.click('#builder-preview');
    await page.waitForSelector('#start-step-formula[data-done="true"]');
    await page.locator('#start-status', { hasText: 'All three done' }).waitFor();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForFunction(() => document.getElementById('start')?.hidden === true);
    expect(await page.isHidden('#builder')).toBe(true);
  });

  it('searches and opens an explanation with the keyboard; the live region says the count, not the list', async () => {
    await tabTo('#query');
    await page.keyboard.type('玩具厂');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results li.result');
    const count = await page.locator('#results li.result').count();
    const announced = await page.textContent('#results-announce');
    expect(announced).toBe(`${count} suppliers found`);
    expect(await page.getAttribute('#results-announce', 'role')).toBe('status');
    // The list itself is not a live region: a screen reader would re-read every supplier.
    expect(await page.locator('#results[aria-live], #results [aria-live]').count()).toBe(0);
    expect(await page.textContent('#results h2')).toBe(announced);

    await tabTo('#results li.result:first-child .breakdown > summary');
    await page.keyboard.press('Enter');
    expect(await page.locator('#results li.result:first-child .breakdown[open]').count()).toBe(1);
    await tabTo('#results li.result:first-child details.card > summary');
    await page.keyboard.press('Enter');
    await page.locator('#results li.result:first-child .card-preview').waitFor();
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring, 'focus is visible').toBe('solid');
    await expectAccessible('results');
  });

  it('Links view: chosen with the arrow keys, counts announced, no serious violation', async () => {
    const { items } = await createClient({ baseUrl: pane.proxy.url }).searchProducts({
      q: '玩具',
      pageSize: 5,
    });
    await tabTo('input[name="mode"]:checked', 'Shift+Tab');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    expect(await page.isChecked('input[name="mode"][value="links"]')).toBe(true);
    await tabTo('#links');
    await page.keyboard.type(`${items[0]!.id}\nhttps://item.taobao.com/item.htm?id=1`);
    await tabTo('#links-button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#links-results li.result');
    expect(await page.textContent('#links-announce')).toBe('1 of 2 links found, 1 not.');
    await expectAccessible('links');
  });

  it('Links view with a rate card: the landed cost and its breakdown, opened by keyboard, no serious violation', async () => {
    await tabTo('#links-rates', 'Shift+Tab');
    await page.keyboard.type('sea; perCbm=180; minimum=120; currency=EUR; duty=4.7; vat=19');
    await tabTo('#links-button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#links-results .landed-total');
    expect(await page.textContent('#links-results .landed-total')).toMatch(
      /^Landed cost: [\d,.]+ EUR per piece, [\d,.]+ EUR for \d+ \(estimate\)$/,
    );
    await tabTo('#links-results .landed-breakdown summary');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#links-results .landed-breakdown', 'open')).not.toBeNull();
    const sources = await page.locator('#links-results .landed-breakdown td:nth-child(3)').allTextContents();
    expect(sources).toEqual(expect.arrayContaining(['demo', 'you']));
    await expectAccessible('links with landed cost');
    await page.fill('#links-rates', '');
  });

  it('Links view with history: what changed since the fetch before, the price chart and its values, no serious violation', async () => {
    // Two paid fetches of one offer (maxAge=0), so the demo proxy's store keeps two snapshots of it.
    const client = createClient({ baseUrl: pane.proxy.url });
    const { items } = await client.searchProducts({ q: '玩具', pageSize: 5 });
    const id = items[2]!.id;
    for (let i = 0; i < 2; i += 1) await client.getOffers({ refs: [id], maxAge: 0 });
    const { snapshots } = await client.offerHistory(id);
    expect(snapshots.length).toBe(2);

    const paidBefore = await pane.proxy.upstreamCalls();
    await page.fill('#links', id);
    await tabTo('#links-button');
    await page.keyboard.press('Enter');
    const slot = page.locator(`#links-results li[data-offer-id="${id}"] .offer-history[aria-busy="false"]`);
    await slot.waitFor();
    // The lookup reuses the stored answer and the history reads the proxy's store: no provider call.
    expect(await pane.proxy.upstreamCalls()).toBe(paidBefore);
    // The pane shows the newest answer; the fetch before it is the older snapshot, and the demo's values held.
    expect(await slot.locator('.history-headline').textContent()).toBe(
      `No change since ${historyDate(snapshots[1]!.fetchedAt)}.`,
    );
    const label = await slot.locator('svg.price-chart[role="img"]').getAttribute('aria-label');
    expect(label).toContain(
      `2 fetches from ${historyDate(snapshots[1]!.fetchedAt)} to ${historyDate(snapshots[0]!.fetchedAt)}`,
    );
    expect(label).toContain(`first ¥${snapshots[1]!.priceMin!.toFixed(2)}`);
    await tabTo(`#links-results li[data-offer-id="${id}"] .price-values summary`);
    await page.keyboard.press('Enter');
    expect(await slot.locator('table.price-values tr').count()).toBe(3);
    await screenshot(`#links-results li[data-offer-id="${id}"] .offer-history`, 'links-history.png');
    await expectAccessible('links with history');
  });
});

describe('the formula builder (keyboard only, 320 px)', () => {
  it('builds =PRODUCTS from picked arguments and options, previews rows from the proxy and shows what the keyword was searched as', async () => {
    await tabTo('#builder-toggle', 'Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('builder-function');
    await page.keyboard.press('ArrowDown'); // SUPPLIERS → PRODUCTS, as a keyboard user picks it
    expect(await page.inputValue('#builder-function')).toBe('PRODUCTS');
    await tabTo('#builder-arg-keyword');
    await page.keyboard.type('plush toy');
    await tabTo(
      '#builder-options input[value="priceMax"] + *, #builder-options input[data-option-value="priceMax"]',
    );
    await page.keyboard.type('30');
    await tabTo('#builder-arg-count', 'Shift+Tab');
    await page.keyboard.type('3');
    expect(await page.textContent('#builder-formula')).toBe('=PRODUCTS("plush toy","priceMax=30",3)');
    const before = pane.proxy.requests.filter((u) => u.startsWith('/v1/products?')).length;
    await tabTo('#builder-preview');
    await page.keyboard.press('Enter');
    // "Preview:" with the colon: Playwright's hasText ignores case, so 'Preview' also matched "Loading a preview…".
    await page.locator('#builder-status', { hasText: 'Preview:' }).waitFor();
    const header = await page.$$eval('#builder-preview-rows tr:first-child th', (ths) =>
      ths.map((t) => t.textContent),
    );
    expect(header[0]).toBe('rank');
    expect(await page.locator('#builder-preview-rows tr').count()).toBe(4); // header + 3
    expect(await page.textContent('#builder-args .searched-as')).toMatch(/^Searched as “.*[\u4e00-\u9fff]/);
    expect(pane.proxy.requests.filter((u) => u.startsWith('/v1/products?')).length - before).toBe(1);
    // Insertion needs Excel: disabled with a reason in preview (tested on office-addin-mock: insert-formula.test.ts).
    expect(await page.isDisabled('#builder-insert')).toBe(true);
    await screenshot('#builder', 'builder.png');
    await page.click('.fields-list > summary');
    expect(await page.locator('#builder-fields tr').count()).toBeGreaterThan(10);
    await expectAccessible('builder');
  });

  it('templates: listed, labelled, disabled with a reason outside Excel (written on office-addin-mock; run on demo data in templates.integration.test.ts)', async () => {
    expect(await page.locator('#templates button[data-template]').allTextContents()).toEqual([
      'Supplier shortlist',
      'Link pricing sheet',
      'Landed-cost quote',
      'Reorder watch',
    ]);
    expect(await page.isDisabled('#templates button[data-template="pricing"]')).toBe(true);
    // New rate card: a named button, disabled like the templates outside Excel, reachable by keyboard.
    const rateCard = page.getByRole('button', { name: 'New rate card' });
    expect(await rateCard.count()).toBe(1);
    expect(await rateCard.isDisabled()).toBe(true);
    expect(await page.textContent('#templates-note')).toContain('open this pane in Excel');
    await expectAccessible('templates');
    await screenshot('#templates', 'templates.png');
  });
});

describe('errors say what to do next, and a browser block is told apart from a wrong URL', () => {
  async function testConnection(url: string): Promise<string> {
    if (await page.isHidden('#settings')) await page.click('#settings-toggle');
    await page.fill('#proxy-url', url);
    await page.click('#settings-test');
    await page.waitForFunction(
      () => !/Testing/.test(document.getElementById('settings-status')!.textContent ?? ''),
    );
    return (await page.textContent('#settings-status')) ?? '';
  }

  it('nothing listening there: check the URL in Settings (and the browser permission, which a page cannot see)', async () => {
    const stopped = await startDemoProxy();
    await stopped.close();
    expect(await testConnection(stopped.url)).toBe(
      `Proxy not reachable at ${stopped.url} — open yuantou → Settings to check the URL and that the proxy runs; if it does, allow local network access in your browser`,
    );
  });

  it("a proxy that does not allow the add-in's origin: CORS, with the setting to change", async () => {
    const other = await startDemoProxy(); // allows only its default origins, not this page's
    try {
      expect(await testConnection(other.url)).toBe(
        `Proxy at ${other.url} answers but refuses this add-in (CORS) — add ${pane.origin} to YUANTOU_CORS_ORIGINS on the proxy`,
      );
    } finally {
      await other.close();
    }
    expect(await testConnection(pane.proxy.url)).toContain('Connected');
  });
});

describe('refresh, retry, freeze outside Excel (preview)', () => {
  it('lists the buttons, off with the reason, with today’s spend, and no serious violation', async () => {
    for (const id of ['selection', 'sheet', 'workbook', 'retry', 'freeze']) {
      expect(await page.isDisabled(`#refresh-${id}`), id).toBe(true);
    }
    expect(await page.textContent('#refresh-note')).toContain('open this pane in Excel');
    await page.locator('#refresh-budget', { hasText: 'Budget left today' }).waitFor();
    expect(await page.locator('#refresh-usage li').count()).toBeGreaterThan(0);
    await expectAccessible('refresh (preview)');
    // The keyboard flow in Excel (confirmation, progress, freeze) is in taskpane.refresh.browser.test.ts.
  });
});
