import { createClient } from '@yuantou/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as excelFunctions from '../src/app/functions.js';
import { sharedRuntime } from '../src/app/shared-runtime.js';
import { columnNumber } from '../src/cells/cell-address.js';
import {
  SHORTLIST_CARD_FIELDS,
  SHORTLIST_CARDS,
  shortlistTemplate,
} from '../src/taskpane/shortlist-template.js';
import {
  callFormula,
  landedQuoteTemplate,
  pricingTemplate,
  reorderWatchTemplate,
  type Template,
  workbookCurrency,
} from '../src/taskpane/templates.js';
import { stubCustomFunctions } from './custom-functions-global.js';
import { type DemoProxy, startDemoProxy } from './demo-proxy.js';
import { calculateSheet, cellAt } from './sheet-calc.js';

// Each starter sheet on demo data: its formula cells are run exactly as Excel would call them — the exported
// custom functions, each reference read from the sheet (its own cells and the spills already calculated:
// sheet-calc.ts, where a spill into a written cell is #SPILL!) — against the real proxy in demo mode.

beforeEach(stubCustomFunctions);
afterEach(() => vi.unstubAllGlobals());

const EXCEL_NAMES: Record<string, (...args: never[]) => Promise<unknown>> = {
  SUPPLIERS: excelFunctions.suppliers,
  SUPPLIER: excelFunctions.supplier,
  OFFERS: excelFunctions.offers,
  LANDED: excelFunctions.landed,
  OFFERHISTORY: excelFunctions.offerHistory,
};

/** Every formula cell of the sheet, calculated as Excel recalculates (sheet-calc.ts), in the template's order. */
async function calculate(template: Template) {
  const written = new Map<string, unknown>(
    template.cells.filter((c) => !c.call).map((c) => [c.address, c.value ?? c.formula ?? '']),
  );
  const calls = template.cells.flatMap((c) => (c.call ? [{ address: c.address, ...c.call }] : []));
  const { calls: answers } = await calculateSheet(
    written,
    calls,
    async (fn, args) => (await EXCEL_NAMES[fn]!(...(args as never[]))) as unknown[][],
  );
  return answers;
}

describe('starter sheets on demo data', () => {
  let proxy: DemoProxy;
  beforeAll(async () => {
    proxy = await startDemoProxy();
  }, 180_000);
  afterAll(() => proxy.close());
  beforeEach(async () => {
    await sharedRuntime.update({ proxyUrl: proxy.url, token: '' });
  });

  it('supplier shortlist: labelled inputs, =SUPPLIERS over them spills ranked factories, a =SUPPLIER card beside each of the top rows', async () => {
    const template = shortlistTemplate();
    const at = (address: string) => template.cells.find((c) => c.address === address);
    expect(template.cells.filter((c) => c.style === 'label').map((c) => c.value)).toEqual([
      'Keyword',
      'Options',
      'How many',
      `Due diligence of the top ${SHORTLIST_CARDS} (=SUPPLIER of N8:N10)`,
    ]);
    const [list, ...cards] = await calculate(template);
    expect(list!.formula).toBe('=SUPPLIERS(B2,B3,B4)');
    const [header, ...rows] = list!.value;
    expect(header).toEqual(expect.arrayContaining(['rank', 'company', 'factory?']));
    expect(rows.length).toBeGreaterThan(SHORTLIST_CARDS - 1);
    expect(rows.length).toBeLessThanOrEqual(10); // B4: at most 10
    // factoryOnly in B3 was applied: every row is a factory.
    const factory = header!.indexOf('factory?');
    expect(rows.every((row) => row[factory] === true)).toBe(true);
    // The cards read column N, where the spill has its member ids, one row each.
    expect(header![columnNumber('N') - 1]).toBe('member id');
    expect(cards.map((c) => [c.address, c.formula])).toEqual(
      [8, 9, 10].map((row) => [`W${row}`, `=SUPPLIER(N${row},"${SHORTLIST_CARD_FIELDS}")`]),
    );
    // Each card is the due diligence of the supplier on its row (demo data), not an error.
    const company = header!.indexOf('company');
    const cardHeader = template.cells.filter(
      (c) => cellAt(c.address).row === 7 && cellAt(c.address).column >= columnNumber('W'),
    );
    expect(cardHeader.map((c) => c.value)).toEqual(
      expect.arrayContaining(['company', 'factory or trader', 'as of', 'stale']),
    );
    for (const [i, card] of cards.entries()) {
      const [row] = card.value;
      expect(row).toHaveLength(cardHeader.length);
      expect(row![0]).toBe(rows[i]![company]);
      expect(String(row![1])).toMatch(/^(factory|trader|unclear)/i);
    }
    // The notes column and the cards sit past the widest spill the options can make (language=, currency=).
    expect(at('V7')?.value).toBe('My notes');
    expect(String(at('A6')?.value)).toMatch(/notes in column V.*from column W a due-diligence card/);
  });

  it('link pricing sheet: OFFERS at the quantity in B2, in the currency in B3, row by row beside the links', async () => {
    const { items } = await createClient({ baseUrl: proxy.url }).searchProducts({ q: '玩具', pageSize: 3 });
    const links = items.map((p) => p.url ?? p.id);
    const template = pricingTemplate(workbookCurrency('', 'en-US'), links);
    expect(template.cells.find((c) => c.address === 'B3')?.value).toBe('USD');
    const requestsBefore = proxy.requests.filter((u) => u.startsWith('/v1/offers')).length;
    const [table] = await calculate(template);
    expect(table!.formula).toBe('=OFFERS(A7:A56,"title,price,subtotal,moq,stock,supplier",A2:B3)');
    const [header, ...rows] = table!.value;
    expect(header).toEqual(
      expect.arrayContaining(['price (CNY)', 'price (USD)', 'subtotal (CNY)', 'rate date']),
    );
    expect(rows).toHaveLength(50); // one per cell of A7:A56, aligned with the links
    const price = header!.indexOf('price (CNY)');
    const subtotal = header!.indexOf('subtotal (CNY)');
    for (const row of rows.slice(0, links.length)) {
      expect(typeof row[price]).toBe('number');
      expect(row[subtotal]).toBeCloseTo((row[price] as number) * 500, 2); // priced at B2's 500
    }
    expect(rows.slice(links.length).every((row) => row.every((cell) => cell === ''))).toBe(true);
    // The whole column is one request (the offers batcher).
    expect(proxy.requests.filter((u) => u.startsWith('/v1/offers')).length - requestsBefore).toBe(1);
  });

  it('landed-cost quote: the example rate card beside the links, =LANDED per piece and × quantity, one request', async () => {
    const { items } = await createClient({ baseUrl: proxy.url }).searchProducts({ q: '玩具', pageSize: 3 });
    const links = items.map((p) => p.url ?? p.id);
    const template = landedQuoteTemplate('EUR', links);
    const at = (address: string) => template.cells.find((c) => c.address === address);
    expect(String(at('F1')?.value)).toMatch(/EXAMPLE rates: replace with your forwarder's rates/);
    expect(['F2', 'G2', 'H2', 'K2', 'L2', 'M2', 'N2'].map((a) => at(a)?.value)).toEqual([
      'method',
      'per kg',
      'per CBM',
      'currency',
      'agent %',
      'duty %',
      'VAT %',
    ]);
    expect([at('F3')?.value, at('K3')?.value, at('F4')?.value]).toEqual(['air', 'EUR', 'sea']);
    expect(at('B2')?.value).toBe(500);
    expect(at('B6')?.value).toBe('landed cost per piece (EUR)');
    expect(links.map((_, i) => at(`A${7 + i}`)?.value)).toEqual(links);
    const before = proxy.requests.filter((u) => u.startsWith('/v1/landed-cost')).length;
    const cells = await calculate(template);
    expect(cells.map((c) => c.formula)).toEqual(links.map((_, i) => `=LANDED(A${7 + i},$B$2,$F$2:$N$4)`));
    for (const cell of cells) {
      const perPiece = cell.value[0]![0];
      expect(typeof perPiece).toBe('number');
      expect(perPiece as number).toBeGreaterThan(0);
    }
    // The totals are plain arithmetic on the per-piece cells beside them, at B2's quantity.
    expect(links.map((_, i) => at(`C${7 + i}`)?.formula)).toEqual(links.map((_, i) => `=B${7 + i}*$B$2`));
    // The whole column is one POST /v1/landed-cost/batch (the landed batcher).
    expect(proxy.requests.filter((u) => u.startsWith('/v1/landed-cost')).length - before).toBe(1);
  });

  it('landed-cost quote without sample links (real providers): one row whose formula waits for a link', () => {
    const template = landedQuoteTemplate('USD', []);
    expect(template.cells.find((c) => c.address === 'A7')).toBeUndefined();
    expect(callFormula(template.cells.find((c) => c.address === 'B7')!.call!, 'YUANTOU')).toBe(
      '=YUANTOU.LANDED(A7,$B$2,$F$2:$N$4)',
    );
    expect(template.cells.find((c) => c.address === 'K3')?.value).toBe('USD');
  });

  it('reorder watch: OFFERS with the change columns, and OFFERHISTORY of the first link (none kept yet on a new sheet)', async () => {
    const { items } = await createClient({ baseUrl: proxy.url }).searchProducts({ q: '毛绒', pageSize: 2 });
    const links = items.map((p) => p.url ?? p.id);
    const template = reorderWatchTemplate(links);
    const first = await calculate(template);
    const offers = first.find((c) => c.formula.startsWith('=OFFERS('))!;
    expect(offers.formula).toBe('=OFFERS(A7:A26,"title,price,stock,moq",A2:B2)');
    const [header, ...rows] = offers.value;
    expect(header).toEqual(expect.arrayContaining(['Δ price (CNY)', 'Δ stock', 'since', 'as of']));
    expect(rows).toHaveLength(20);
    expect(typeof rows[0]![header!.indexOf('price (CNY)')]).toBe('number');
    // The history: in the sheet's first calculation the history cell runs alongside OFFERS, before that first
    // fetch was kept, so it says so in words instead of an empty spill; each later fetch adds a row
    // (freshness-proxy.integration.test.ts counts them).
    const history = first.find((c) => c.formula.startsWith('=OFFERHISTORY('))!;
    expect(history.formula).toBe('=OFFERHISTORY(A7,"price,stock")');
    expect(String(history.value[0]![0])).toMatch(
      /^no history yet for offer \d+: the proxy keeps one snapshot per paid fetch/,
    );
  });

  it("the workbook's currency: the pane's setting first, then the culture's, else CNY only", () => {
    expect(workbookCurrency('EUR', 'en-US')).toBe('EUR');
    expect(workbookCurrency('', 'ja-JP')).toBe('JPY');
    expect(workbookCurrency('', 'zh-CN')).toBe('');
    expect(workbookCurrency('', null)).toBe('');
  });
});
