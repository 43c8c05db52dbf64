import path from 'node:path';
import { createClient } from '@yuantou/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADDIN_ROOT } from './built-pane.js';
import type { DemoProxy } from './demo-proxy.js';
import { openPaneBrowser, type PaneBrowser, saveScreenshot } from './pane-browser.js';

// The built task pane in a real Chromium (Debian's package; Playwright's browser download does not work
// here), in preview mode (no Office host) against the demo proxy: search 玩具厂, see ranked results and why.

let browser: PaneBrowser;
let proxy: DemoProxy;
let page: Page;

beforeAll(async () => {
  // No network here and no Office host: office.js fails to load, so the pane starts in preview mode.
  browser = await openPaneBrowser(inject('addinDist'), {
    name: 'preview',
    viewport: { width: 380, height: 900 },
  });
  ({ page } = browser);
  ({ proxy } = browser.pane);
}, 180_000);

afterAll(() => browser?.close());

describe('task pane in preview mode', () => {
  it('runs without an Office host and says insertion needs Excel', async () => {
    expect(await page.getAttribute('body', 'data-mode')).toBe('preview');
    expect(await page.isDisabled('#insert-selection')).toBe(true);
  });

  it('saves the proxy URL and tests the connection', async () => {
    await page.click('#settings-toggle');
    await page.fill('#proxy-url', proxy.url);
    await page.click('#settings-test');
    await page.locator('#settings-status', { hasText: 'Connected' }).waitFor();
    expect(await page.textContent('#settings-status')).toContain('demo mode');
    await page.click('#settings-toggle');
    await page.locator('#providers input[value="demo"]').waitFor({ state: 'attached' });
  });

  it('searches 玩具厂 and shows ranked suppliers with the score breakdown', async () => {
    await page.fill('#query', '玩具厂');
    await page.click('#search-button');
    await page.waitForSelector('#results li.result');
    expect(await page.isHidden('#progress')).toBe(true);
    const ranks = await page.$$eval('#results li.result', (items) =>
      items.map((li) => (li as HTMLElement).dataset.rank),
    );
    expect(ranks.length).toBeGreaterThan(2);
    expect(ranks).toEqual(ranks.map((_, i) => String(i + 1)));
    const scores = await page.$$eval('#results .score', (nodes) => nodes.map((n) => Number(n.textContent)));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await page.textContent('.demo-label')).toContain('Demo data');

    await page.click('#results li.result >> nth=0 >> summary');
    const breakdown = await page.$$eval('#results li.result:first-child .breakdown[open] tr', (rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent)),
    );
    expect(breakdown.length).toBeGreaterThan(2);
    // Points add up to the score shown (each row is "points / weight").
    const points = breakdown.reduce((sum, row) => sum + Number(String(row[2]).split(' / ')[0]), 0);
    expect(Math.abs(points - scores[0]!)).toBeLessThan(0.1 * breakdown.length + 0.1);
    // Relevance to the keyword is explained (the parts matched), and flagged suppliers say why they sit low.
    const relevance = breakdown.find((row) => String(row[0]).includes('Relevance'));
    expect(relevance?.[1]).toMatch(/%matched 玩具/);
    const flags = await page.$$eval('#results .red-flags li', (items) => items.map((li) => li.textContent));
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.join('\n')).toMatch(/score capped at \d+/);
    expect(await page.textContent('#insert-status')).toContain('Preview mode');
    expect(proxy.requests.filter((u) => u.startsWith('/v1/suppliers?'))).toHaveLength(1);

    await saveScreenshot(page, 'taskpane.png');
  });

  it("opens a supplier's card, rendered from the same JSON a cell holds", async () => {
    const first = page.locator('#results li.result').first();
    await first.locator('details.card > summary').click();
    const card = first.locator('.card-preview');
    await card.waitFor();
    const name = await first.locator('.result-head .name').textContent();
    expect(await card.locator('.card-title').textContent()).toBe(name);
    const sections = await card.locator('.card-section-title').allTextContents();
    expect(sections).toEqual(expect.arrayContaining(['Company', 'Why it ranks here']));
    const score = await first.locator('.result-head .score').textContent();
    const values = await card
      .locator('dt')
      .evaluateAll((dts) =>
        Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])),
      );
    expect(values.Score).toBe(score);
    await saveScreenshot(card, 'card.png');
  });

  it('shows a form error instead of searching with an empty keyword', async () => {
    const before = proxy.requests.length;
    await page.fill('#query', '   ');
    await page.click('#search-button');
    expect(await page.textContent('#form-error')).toContain('keyword');
    expect(proxy.requests).toHaveLength(before);
  });

  it('Links mode: looks up pasted links in one request and shows tiers, variants and what failed', async () => {
    const { items } = await createClient({ baseUrl: proxy.url }).searchProducts({ q: '玩具', pageSize: 20 });
    const [a, b] = items.map((p) => p.id);
    await page.check('input[name="mode"][value="links"]');
    expect(await page.isVisible('#links-form')).toBe(true);
    expect(await page.isHidden('#query')).toBe(true);
    // The lookup is POST /v1/offers; each offer's history (GET /v1/offers/:ref/history) is counted apart.
    const lookups = () => proxy.requests.filter((u) => u.startsWith('/v1/offers') && !u.includes('/history'));
    const histories = () => proxy.requests.filter((u) => /^\/v1\/offers\/[^/]+\/history/.test(u));
    const before = lookups().length;
    const historiesBefore = histories().length;
    await page.fill(
      '#links',
      [
        `https://detail.1688.com/offer/${a}.html?spm=a2615`,
        '',
        `  ${b}  `,
        'https://item.taobao.com/item.htm?id=1',
      ].join('\n'),
    );
    await page.fill('#links-quantity', '500');
    await page.click('#links-button');
    await page.waitForSelector('#links-results li.result');
    const entries = await page.$$eval('#links-results li.result', (lis) =>
      lis.map((li) => ({
        id: (li as HTMLElement).dataset.offerId ?? null,
        failed: li.classList.contains('failed'),
        text: li.textContent ?? '',
        pricing: li.querySelector('table.tiers, p.hint') !== null,
      })),
    );
    expect(entries.map((e) => e.id)).toEqual([a, b, null]);
    expect(entries.slice(0, 2).every((e) => e.pricing)).toBe(true);
    expect(entries[2]).toMatchObject({ failed: true, text: expect.stringContaining('Taobao') });
    expect(await page.textContent('#links-results .summary')).toContain('2 of 3 links found');
    expect(lookups().length - before).toBe(1);
    // One history request per offer found, each filling that offer's entry.
    await page.waitForSelector('#links-results .offer-history[aria-busy="true"]', { state: 'detached' });
    expect(histories().length - historiesBefore).toBe(2);
    expect(await page.textContent('#links-insert-status')).toContain('Preview mode');
    expect(await page.isDisabled('#links-read-selection')).toBe(true);
  });

  it("Links mode: opens an offer's card, with the price at the looked-up quantity", async () => {
    // No network here: the offer's own picture (cbu01.alicdn.com) is stood in by the add-in's icon.
    await page.route('https://cbu01.alicdn.com/**', (route) =>
      route.fulfill({
        path: path.join(ADDIN_ROOT, 'public', 'assets', 'icon-80.png'),
        contentType: 'image/png',
      }),
    );
    const first = page.locator('#links-results li.result').first();
    await first.locator('details.card > summary').click();
    const card = first.locator('.card-preview');
    await card.waitFor();
    expect(await card.locator('.card-title').textContent()).toBe(await first.locator('a.name').textContent());
    const sections = await card.locator('.card-section-title').allTextContents();
    expect(sections).toEqual(expect.arrayContaining(['Offer', 'Price at 500', 'Price tiers', 'Source']));
    const values = await card
      .locator('dt')
      .evaluateAll((dts) =>
        Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])),
      );
    // The card's price is the one the list shows for 500 pieces ("¥4.20 at 500 · MOQ …").
    expect(await first.locator('.facts').textContent()).toContain(`${values['Unit price']} at 500`);
    expect(values.Quantity).toMatch(/^500\b/);
    await saveScreenshot(card, 'offer-card.png');

    await page.check('input[name="mode"][value="suppliers"]');
    expect(await page.isVisible('#query')).toBe(true);
    expect(await page.isHidden('#links-form')).toBe(true);
  });
});
