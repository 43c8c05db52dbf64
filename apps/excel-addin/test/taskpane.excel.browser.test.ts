import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FAKE_OFFICE_JS } from './fake-excel-host.js';
import { tabTo as tabToIn } from './pane-axe.js';
import { openPaneBrowser, type PaneBrowser, saveScreenshot } from './pane-browser.js';
import { calculateFakeSheet, drawSheetGrid } from './sheet-grid.js';

// The built pane "in Excel": office.js is answered by a fake Excel host (test/fake-excel-host.ts) that records
// what the pane writes. The builder inserts a formula with the keyboard alone, and each template writes its
// sheet, on demo data, at 320 px.

let browser: PaneBrowser;
let page: Page;

beforeAll(async () => {
  browser = await openPaneBrowser(inject('addinDist'), {
    name: 'excel',
    viewport: { width: 320, height: 700 },
    officeJs: FAKE_OFFICE_JS,
    connect: 'save',
  });
  ({ page } = browser);
}, 180_000);

afterAll(() => browser?.close());

const tabTo = (selector: string) => tabToIn(page, selector, 'Tab', 120);

const fake = () =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          fakeExcel: {
            formulas: Record<string, string>;
            values: Record<string, unknown>;
            bold: string[];
            sheets: string[];
            active: string;
          };
        }
      ).fakeExcel,
  );

describe('the pane in Excel (a fake host)', () => {
  it('is in Excel mode', async () => {
    expect(await page.getAttribute('body', 'data-mode')).toBe('excel');
  });

  it('the builder inserts =SUPPLIERS into the selected cell with the keyboard alone', async () => {
    await page.focus('body');
    await tabTo('#builder-toggle');
    await page.keyboard.press('Enter');
    await tabTo('#builder-arg-keyword');
    await page.keyboard.type('玩具厂');
    await tabTo('#builder-options input[value="factoryOnly"]');
    await page.keyboard.press('Space');
    await tabTo('#builder-insert');
    await page.keyboard.press('Enter');
    await page.locator('#builder-status', { hasText: 'Inserted' }).waitFor();
    expect((await fake()).formulas).toMatchObject({ 'Sheet1!C3': '=SUPPLIERS("玩具厂","factoryOnly")' });
    expect(await page.textContent('#builder-status')).toBe(
      'Inserted =SUPPLIERS("玩具厂","factoryOnly") at Sheet1!C3.',
    );
  });

  it('the range picker puts the selected range into OFFERS', async () => {
    await page.selectOption('#builder-function', 'OFFERS');
    await page.click('#builder-pick-range');
    await page.waitForFunction(
      () => (document.getElementById('builder-arg-links') as HTMLInputElement).value !== '',
    );
    expect(await page.inputValue('#builder-arg-links')).toBe('Sheet1!C3:D4');
    expect(await page.textContent('#builder-formula')).toBe('=OFFERS(Sheet1!C3:D4)');
  });

  it('supplier shortlist: a labelled sheet with =SUPPLIERS over its input cells and =SUPPLIER cards beside', async () => {
    await page.click('#templates button[data-template="shortlist"]');
    await page.locator('#templates-status', { hasText: 'Created' }).waitFor();
    const excel = await fake();
    expect(excel.active).toBe('Supplier shortlist');
    expect(excel.values).toMatchObject({
      'Supplier shortlist!A2': 'Keyword',
      'Supplier shortlist!B2': '玩具厂',
      'Supplier shortlist!B3': 'factoryOnly',
    });
    expect(excel.formulas['Supplier shortlist!A7']).toBe('=SUPPLIERS(B2,B3,B4)');
    // Beside the spill, a =SUPPLIER card for each of the top 3 rows, reading that row's member id (column N).
    expect([8, 9, 10].map((row) => excel.formulas[`Supplier shortlist!W${row}`])).toEqual(
      [8, 9, 10].map(
        (row) => `=SUPPLIER(N${row},"company,verdict,location,years,perfect30d,repurchase,chat")`,
      ),
    );
    expect(excel.values).toMatchObject({
      'Supplier shortlist!V7': 'My notes',
      'Supplier shortlist!W7': 'company',
      'Supplier shortlist!W6': 'Due diligence of the top 3 (=SUPPLIER of N8:N10)',
    });
    // Calculated with the functions the pane associated, on demo data: each card is the supplier of its row (the
    // member id the spill put in N), not an error.
    const sheet = await calculateFakeSheet(page, 'Supplier shortlist');
    for (const row of [8, 9, 10]) {
      expect(sheet.cells[`N${row}`]).toMatch(/^b2b-/);
      expect(sheet.cells[`W${row}`]).toBe(sheet.cells[`C${row}`]);
      expect(String(sheet.cells[`X${row}`])).toMatch(/^(Factory|Trader|Unclear) — /);
    }
    const grid = await drawSheetGrid(page.context(), sheet);
    await saveScreenshot(grid, 'template-shortlist.png');
    await grid.page().close();
  });

  it("link pricing sheet: demo links, the workbook's currency (en-GB → GBP), =OFFERS over them", async () => {
    await page.click('#templates button[data-template="pricing"]');
    await page.locator('#templates-status', { hasText: 'Link pricing' }).waitFor();
    const excel = await fake();
    expect(excel.values['Link pricing!B3']).toBe('GBP');
    expect(String(excel.values['Link pricing!A7'])).toMatch(/1688\.com/);
    expect(excel.formulas['Link pricing!B6']).toBe(
      '=OFFERS(A7:A56,"title,price,subtotal,moq,stock,supplier",A2:B3)',
    );
  });

  it("landed-cost quote: demo links, =LANDED and the total per link, the example rate card in the workbook's currency", async () => {
    await page.click('#templates button[data-template="landed"]');
    await page.locator('#templates-status', { hasText: 'Landed-cost quote' }).waitFor();
    const excel = await fake();
    expect(excel.active).toBe('Landed-cost quote');
    expect(String(excel.values['Landed-cost quote!A7'])).toMatch(/1688\.com/);
    expect(excel.formulas['Landed-cost quote!B7']).toBe('=LANDED(A7,$B$2,$F$2:$N$4)');
    expect(excel.formulas['Landed-cost quote!C7']).toBe('=B7*$B$2');
    expect(String(excel.values['Landed-cost quote!F1'])).toContain("replace with your forwarder's rates");
    // en-GB: the rate card's currency is GBP, and the headers say so.
    expect(excel.values['Landed-cost quote!K3']).toBe('GBP');
    expect(excel.values['Landed-cost quote!B6']).toBe('landed cost per piece (GBP)');
  });

  it('New rate card: the labelled example at the selected cell, by keyboard, and where it went', async () => {
    await page.focus('body');
    await tabTo('#new-rate-card');
    await page.keyboard.press('Enter');
    await page.locator('#templates-status', { hasText: 'rate card at' }).waitFor();
    const excel = await fake();
    // The fake selection is C3:D4 on the active sheet (the quote made just before).
    const sheet = excel.active;
    expect(String(excel.values[`${sheet}!C3`])).toContain(
      "EXAMPLE rates: replace with your forwarder's rates",
    );
    expect([4, 5, 6].map((row) => excel.values[`${sheet}!C${row}`])).toEqual(['method', 'air', 'sea']);
    expect(excel.values[`${sheet}!D5`]).toBe(38);
    expect(excel.values[`${sheet}!K4`]).toBe('VAT %');
    expect(excel.bold).toEqual(expect.arrayContaining([`${sheet}!C4`, `${sheet}!K4`]));
    expect(await page.textContent('#templates-status')).toBe(
      `Wrote an example rate card at 'Landed-cost quote'!C4:K6: replace the rates with your forwarder's, then give it to LANDED as rates.`,
    );
  });
});
