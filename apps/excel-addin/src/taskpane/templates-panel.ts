import type { AddinRuntime } from '../app/addin-runtime.js';
import { cellErrorFor } from '../cells/cell-error.js';
import type { SheetCell } from '../excel/write-template.js';
import {
  callFormula,
  pricingTemplate,
  shortlistTemplate,
  type Template,
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
}

export interface TemplatesPanel {
  setExcel(excel: TemplatesExcel | null): void;
}

const byId = <T extends HTMLElement>(doc: Document, id: string) => doc.getElementById(id) as T;

/** The template's cells as the writer takes them: calls as formula text (with the build's namespace). */
export function sheetCells(template: Template, namespace: string): SheetCell[] {
  return template.cells.map((c) => ({
    address: c.address,
    ...(c.call ? { formula: callFormula(c.call, namespace) } : { value: c.value ?? '' }),
    ...(c.style ? { style: c.style } : {}),
  }));
}

export function bindTemplatesPanel(doc: Document, runtime: AddinRuntime, namespace: string): TemplatesPanel {
  const status = byId<HTMLElement>(doc, 'templates-status');
  const buttons = [...doc.querySelectorAll<HTMLButtonElement>('#templates button[data-template]')];
  let excel: TemplatesExcel | null = null;

  const sampleLinks = async (): Promise<string[]> => {
    const client = runtime.client();
    if (!(await client.listProviders()).demoMode) return [];
    const { items } = await client.searchProducts({ q: '玩具', pageSize: 3 });
    return items.flatMap((p) => (p.url ? [p.url] : []));
  };

  for (const button of buttons) {
    button.addEventListener('click', async () => {
      if (!excel) return;
      status.textContent = 'Creating the sheet…';
      try {
        await runtime.ready();
        const template =
          button.dataset.template === 'pricing'
            ? pricingTemplate(
                workbookCurrency(runtime.settings().currency, await excel.cultureName()),
                await sampleLinks(),
              )
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
    byId(doc, 'templates-note').textContent = excel
      ? ''
      : 'Preview mode: open this pane in Excel to create a sheet.';
  };
  setExcel(null);
  return { setExcel };
}
