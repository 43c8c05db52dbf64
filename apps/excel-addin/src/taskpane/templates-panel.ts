import type { AddinRuntime } from '../app/addin-runtime.js';
import { cellErrorFor } from '../cells/cell-error.js';
import type { SheetCell } from '../excel/write-template.js';
import { shortlistTemplate } from './shortlist-template.js';
import {
  callFormula,
  landedQuoteTemplate,
  pricingTemplate,
  rateCardCells,
  reorderWatchTemplate,
  type Template,
  type TemplateCell,
  workbookCurrency,
} from './templates.js';

// "New workbook from a template": writes a starter sheet into the current workbook. The pricing sheet starts
// with three sample links only when the proxy serves demo data (a demo search is free); against real
// providers it starts empty rather than spend a paid search on samples.

export interface TemplatesExcel {
  /** Writes the sheet; resolves with its name. */
  write(name: string, cells: readonly SheetCell[]): Promise<string>;
  /** The workbook's culture (`en-US`), null when Excel cannot say (before ExcelApi 1.11). */
  cultureName(): Promise<string | null>;
  /** The selection's top-left cell (its sheet's name, column and row from 1). */
  selectedCell(): Promise<{ sheet: string; column: number; row: number }>;
  /** Writes cells into an existing sheet ('' for the active one). */
  writeCells(sheet: string, cells: readonly SheetCell[]): Promise<void>;
}

export interface TemplatesPanel {
  setExcel(excel: TemplatesExcel | null): void;
}

const byId = <T extends HTMLElement>(doc: Document, id: string) => doc.getElementById(id) as T;

/** Cells as the writer takes them: calls as formula text (with the build's namespace). */
export function writtenCells(cells: readonly TemplateCell[], namespace: string): SheetCell[] {
  return cells.map((c) => ({
    address: c.address,
    ...(c.call
      ? { formula: callFormula(c.call, namespace) }
      : c.formula
        ? { formula: c.formula }
        : { value: c.value ?? '' }),
    ...(c.style ? { style: c.style } : {}),
  }));
}

/** The template's cells as the writer takes them. */
export const sheetCells = (template: Template, namespace: string) => writtenCells(template.cells, namespace);

/** `Rates!F2:N4`, `'My sheet'!F2:N4`: a range in a sheet as a formula writes it. */
const inSheet = (sheet: string, range: string) =>
  sheet === ''
    ? range
    : `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${range}`;

export function bindTemplatesPanel(doc: Document, runtime: AddinRuntime, namespace: string): TemplatesPanel {
  const status = byId<HTMLElement>(doc, 'templates-status');
  const buttons = [...doc.querySelectorAll<HTMLButtonElement>('#templates button[data-template]')];
  const rateCardButton = doc.getElementById('new-rate-card') as HTMLButtonElement | null;
  let excel: TemplatesExcel | null = null;

  const sampleLinks = async (): Promise<string[]> => {
    const client = runtime.client();
    if (!(await client.listProviders()).demoMode) return [];
    const { items } = await client.searchProducts({ q: '玩具', pageSize: 3 });
    return items.flatMap((p) => (p.url ? [p.url] : []));
  };

  /** A rate card's currency: the pane's setting, else the workbook's, else EUR (rates must name one). */
  const rateCurrency = async () =>
    workbookCurrency(runtime.settings().currency, (await excel?.cultureName()) ?? null) || 'EUR';

  // New rate card: the example table at the selection, to use as =LANDED's rates (never anyone's real rates).
  rateCardButton?.addEventListener('click', async () => {
    if (!excel) return;
    status.textContent = 'Writing the example rate card…';
    try {
      await runtime.ready();
      const at = await excel.selectedCell();
      const card = rateCardCells(await rateCurrency(), at.column, at.row);
      await excel.writeCells(at.sheet, writtenCells(card.cells, namespace));
      status.textContent = `Wrote an example rate card at ${inSheet(at.sheet, card.range)}: replace the rates with your forwarder's, then give it to LANDED as rates.`;
    } catch (error) {
      status.textContent = `Could not write the rate card: ${
        error instanceof Error && !('kind' in error)
          ? error.message
          : cellErrorFor(error, runtime.errorContext()).message
      }`;
    }
  });

  for (const button of buttons) {
    button.addEventListener('click', async () => {
      if (!excel) return;
      status.textContent = 'Creating the sheet…';
      try {
        await runtime.ready();
        const kind = button.dataset.template;
        const template =
          kind === 'pricing'
            ? pricingTemplate(
                workbookCurrency(runtime.settings().currency, await excel.cultureName()),
                await sampleLinks(),
              )
            : kind === 'landed'
              ? landedQuoteTemplate(await rateCurrency(), await sampleLinks())
              : kind === 'reorder'
                ? reorderWatchTemplate(await sampleLinks())
                : shortlistTemplate();
        const name = await excel.write(template.sheet, sheetCells(template, namespace));
        status.textContent = `Created the sheet “${name}”: ${template.description}`;
      } catch (error) {
        status.textContent = `Could not create the sheet: ${
          error instanceof Error && !('kind' in error)
            ? error.message
            : cellErrorFor(error, runtime.errorContext()).message
        }`;
      }
    });
  }

  const setExcel = (next: TemplatesExcel | null) => {
    excel = next;
    for (const button of buttons) button.disabled = excel === null;
    if (rateCardButton) rateCardButton.disabled = excel === null;
    byId(doc, 'templates-note').textContent = excel
      ? ''
      : 'Preview mode: open this pane in Excel to create a sheet.';
  };
  setExcel(null);
  return { setExcel };
}
