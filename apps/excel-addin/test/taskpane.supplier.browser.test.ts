import { createClient } from '@yuantou/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BuiltPane } from './built-pane.js';
import { expectPaneAccessible, tabTo } from './pane-axe.js';
import { openPaneBrowser, type PaneBrowser } from './pane-browser.js';

// The supplier card and Draft inquiry (issue 25 "Excel") in the built pane, in a real Chromium at 320 px, against
// the demo proxy, with the keyboard alone: a result's supplier opens its card (GET /v1/suppliers/:id), two
// suppliers are chosen, and the drafts come in Chinese and English with copy buttons and the chat link. axe-core
// checks both views in both palettes.

let browser: PaneBrowser;
let pane: BuiltPane;
let page: Page;
const supplierCalls = () => pane.proxy.requests.filter((u) => /^\/v1\/suppliers\/b2b-/.test(u));

beforeAll(async () => {
  browser = await openPaneBrowser(inject('addinDist'), {
    name: 'supplier',
    viewport: { width: 320, height: 800 },
    connect: 'test',
    beforeLoad: (_, context, pane) =>
      context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pane.origin }),
  });
  ({ page, pane } = browser);
  await page.fill('#query', '玩具厂');
  await page.press('#query', 'Enter');
  await page.waitForSelector('#results li.result');
}, 180_000);

afterAll(() => browser?.close());

const first = '#results li.result:nth-child(1)';
const second = '#results li.result:nth-child(2)';

describe('a supplier in the results (keyboard, 320 px)', () => {
  it('opens its card: verdict, signals, links; focus on its heading, and back to the button on close', async () => {
    pane.proxy.requests.length = 0;
    await tabTo(page, `${first} .supplier-actions button`);
    await page.keyboard.press('Enter');
    await page.locator('#supplier-card-status', { hasText: 'Supplier card:' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('supplier-card-heading');
    expect(await page.textContent('#supplier-card .verdict')).toMatch(/^(Factory|Trader|Unclear) — /);
    expect(
      await page.locator('#supplier-card .card-preview h4, #supplier-card .card-preview summary').count(),
    ).toBe(5);
    const hrefs = await page.$$eval('#supplier-card .card-links a', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(hrefs.some((h) => h.startsWith('https://amos.alicdn.com/'))).toBe(true);
    expect(supplierCalls()).toHaveLength(1);
    await expectPaneAccessible(page, 'supplier card', expect);
    await tabTo(page, '#supplier-card-close');
    await page.keyboard.press('Enter');
    expect(await page.isHidden('#supplier-card')).toBe(true);
    expect(
      await page.evaluate(
        (s) => document.activeElement === document.querySelector(s),
        `${first} .supplier-actions button`,
      ),
    ).toBe(true);
  });

  it('Draft inquiry to two chosen suppliers: Chinese to send, English to read, copy buttons, chat links', async () => {
    expect(await page.isHidden('#inquiry')).toBe(true);
    await tabTo(page, `${first} .inquiry-choose`);
    await page.keyboard.press('Space');
    await tabTo(page, `${second} .inquiry-choose`);
    await page.keyboard.press('Space');
    expect(await page.isVisible('#inquiry')).toBe(true);
    expect((await page.textContent('#inquiry-chosen'))?.split(';')).toHaveLength(2);

    // The panel sits above the results: back up to it.
    await tabTo(page, '#inquiry-button', 'Shift+Tab');
    // No quantity: the error names it, nothing drafted.
    await page.keyboard.press('Enter');
    expect(await page.textContent('#inquiry-error')).toContain('Quantity');

    await tabTo(page, '#inquiry-quantity', 'Shift+Tab');
    await page.keyboard.type('500');
    await tabTo(page, '#inquiry-price');
    await page.keyboard.type('12.5');
    await page.keyboard.press('Enter');
    await page.locator('#inquiry-status', { hasText: '2 drafts ready' }).waitFor();
    const zh = await page.inputValue('#inquiry-zh-0');
    expect(zh).toContain('采购数量：500 件');
    expect(zh).toContain('目标价格：¥12.50/件');
    expect(zh).toContain('EN71、CE');
    expect(await page.getAttribute('#inquiry-zh-0', 'lang')).toBe('zh');
    expect(await page.inputValue('#inquiry-en-1')).toContain('Quantity: 500 件');
    expect(await page.locator('#inquiry-drafts a[href^="https://amos.alicdn.com/"]').count()).toBe(2);
    // The first card was already loaded (the cache =SUPPLIER shares): only the second supplier's is asked.
    expect(supplierCalls()).toHaveLength(2);

    await tabTo(page, '#inquiry-drafts article:first-child button');
    await page.keyboard.press('Enter');
    await page.locator('#inquiry-status', { hasText: 'copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(zh);
    await expectPaneAccessible(page, 'draft inquiry', expect);
  });
});

describe('a seller in Links mode', () => {
  it('an offer looked up by link opens its seller’s card too', async () => {
    const { items } = await createClient({ baseUrl: pane.proxy.url }).searchProducts({
      q: '玩具',
      pageSize: 3,
    });
    await page.check('input[name="mode"][value="links"]');
    await page.fill('#links', items[0]!.id);
    await page.click('#links-button');
    await page.waitForSelector('#links-results li.result.offer');
    await tabTo(page, '#links-results li.result.offer .supplier-actions button', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator('#supplier-card-status', { hasText: 'Supplier card:' }).waitFor();
    expect(await page.isVisible('#supplier-card')).toBe(true);
    await expectPaneAccessible(page, 'supplier card from a link', expect);
  });
});
