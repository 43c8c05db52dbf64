import type { AddinRuntime } from '../app/addin-runtime.js';
import { FUNCTION_CATALOG } from '../app/function-catalog.js';
import { isRangeAddress } from '../cells/cell-address.js';
import { cellErrorFor } from '../cells/cell-error.js';
import { type FunctionDoc, fieldsRows } from '../cells/function-docs.js';
import { el } from '../dom/element.js';
import { type BuilderChoice, formulaText, optionsText } from './formula-text.js';

// "Build a formula": pick a function, fill its arguments (the keyword box shows what the proxy searched it as;
// links take the selected range), switch options on by name, pick columns, preview the first rows from the
// proxy, insert into the selected cell. Everything it offers comes from the function catalog (the entries
// =FIELDS spills); the preview runs the very function a cell would, through the same cache.

export interface BuilderExcel {
  /** The selected range's address, for the links argument. */
  selectedAddress(): Promise<string>;
  /** Writes the formula into the selected cell; resolves with its address. */
  insertFormula(formula: string): Promise<string>;
  /** The values of a range, to preview OFFERS over it. */
  readRange(address: string): Promise<unknown[][]>;
}

export interface BuilderPanel {
  setExcel(excel: BuilderExcel | null): void;
}

/** Options that are switches (a name alone turns them on); the others take a value. */
const SWITCHES = new Set(['factoryOnly', 'header']);
const PREVIEW_ROWS = 5;
const byId = <T extends HTMLElement>(doc: Document, id: string) => doc.getElementById(id) as T;

export function bindBuilderPanel(doc: Document, runtime: AddinRuntime, namespace: string): BuilderPanel {
  const toggle = byId<HTMLButtonElement>(doc, 'builder-toggle');
  const panel = byId<HTMLElement>(doc, 'builder');
  const select = byId<HTMLSelectElement>(doc, 'builder-function');
  const summary = byId<HTMLElement>(doc, 'builder-summary');
  const argsBox = byId<HTMLElement>(doc, 'builder-args');
  const optionsBox = byId<HTMLFieldSetElement>(doc, 'builder-options');
  const columnsBox = byId<HTMLFieldSetElement>(doc, 'builder-columns');
  const formula = byId<HTMLElement>(doc, 'builder-formula');
  const status = byId<HTMLElement>(doc, 'builder-status');
  const preview = byId<HTMLElement>(doc, 'builder-preview-rows');
  const fieldsList = byId<HTMLElement>(doc, 'builder-fields');
  const insertButton = byId<HTMLButtonElement>(doc, 'builder-insert');
  let excel: BuilderExcel | null = null;
  let rangeButtons: HTMLButtonElement[] = [];

  for (const fn of FUNCTION_CATALOG) {
    const option = el(doc, 'option', undefined, fn.syntax);
    option.value = fn.name;
    select.append(option);
  }
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) select.focus();
  });

  const current = (): FunctionDoc => FUNCTION_CATALOG.find((f) => f.name === select.value)!;
  const choice = (): BuilderChoice => {
    const args: Record<string, string> = {};
    for (const input of argsBox.querySelectorAll<HTMLInputElement>('input[data-arg]'))
      args[input.dataset.arg!] = input.value;
    const options = [...optionsBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map(
      (box) => ({
        name: box.value,
        value:
          optionsBox.querySelector<HTMLInputElement>(`input[data-option-value="${box.value}"]`)?.value ?? '',
      }),
    );
    const fields = [...columnsBox.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value);
    return { fn: current(), args, options, fields };
  };
  const update = () => {
    formula.textContent = formulaText(choice(), namespace);
  };

  const render = () => {
    const fn = current();
    summary.textContent = fn.summary;
    argsBox.replaceChildren();
    rangeButtons = [];
    for (const arg of fn.arguments) {
      if (arg.name === 'options' || arg.name === 'fields') continue; // the option and column pickers below
      const label = el(doc, 'label', undefined, `${arg.name} `);
      const input = el(doc, 'input');
      input.dataset.arg = arg.name;
      input.id = `builder-arg-${arg.name}`;
      if (arg.name === 'count' || arg.name === 'quantity') input.inputMode = 'numeric';
      label.append(input, el(doc, 'small', 'hint', arg.description));
      argsBox.append(label);
      if (arg.name === 'keyword') argsBox.append(el(doc, 'p', 'searched-as hint', ''));
      // LANDED's rates is a range too: the rate card in the workbook.
      if (arg.name === 'links' || arg.name === 'rates') {
        const pick = el(doc, 'button', 'secondary', 'Use selected range');
        pick.type = 'button';
        pick.id = arg.name === 'links' ? 'builder-pick-range' : `builder-pick-${arg.name}`;
        pick.disabled = excel === null;
        pick.addEventListener('click', async () => {
          try {
            input.value = (await excel?.selectedAddress()) ?? input.value;
            update();
          } catch (error) {
            status.textContent = error instanceof Error ? error.message : String(error);
          }
        });
        rangeButtons.push(pick);
        argsBox.append(pick);
      }
    }
    optionsBox.replaceChildren(el(doc, 'legend', undefined, 'Options'));
    optionsBox.hidden = fn.options.length === 0;
    for (const option of fn.options) {
      const label = el(doc, 'label', 'check');
      const box = el(doc, 'input');
      box.type = 'checkbox';
      box.value = option.name;
      label.append(box, ` ${option.name}`);
      label.title = option.description;
      optionsBox.append(label);
      if (!SWITCHES.has(option.name)) {
        const value = el(doc, 'input', 'option-value');
        value.dataset.optionValue = option.name;
        value.setAttribute('aria-label', `${option.name} value`);
        value.placeholder = option.description;
        value.addEventListener('input', () => {
          box.checked = value.value.trim() !== '';
        });
        optionsBox.append(value);
      }
    }
    const pickable = fn.arguments.some((a) => a.name === 'fields');
    columnsBox.replaceChildren(el(doc, 'legend', undefined, 'Columns to show'));
    columnsBox.hidden = !pickable;
    if (pickable) {
      for (const column of fn.columns) {
        const label = el(doc, 'label', 'check');
        const box = el(doc, 'input');
        box.type = 'checkbox';
        box.value = column.name;
        label.append(box, ` ${column.name}`);
        label.title = column.description;
        columnsBox.append(label);
      }
    }
    // The pane's field list: the rows =FIELDS spills for this function.
    fieldsList.replaceChildren(fieldsTable(doc, fieldsRows(FUNCTION_CATALOG, fn.name)));
    preview.replaceChildren();
    update();
  };
  select.addEventListener('change', render);
  panel.addEventListener('input', update);
  panel.addEventListener('change', update);
  render();

  byId<HTMLButtonElement>(doc, 'builder-preview').addEventListener('click', async () => {
    const picked = choice();
    status.textContent = 'Loading a preview…';
    try {
      const rows = await previewRows(runtime, picked, excel);
      preview.replaceChildren(fieldsTable(doc, rows.slice(0, PREVIEW_ROWS + 1)));
      const searched = /\(searched as (.+)\)$/.exec(
        rows[0]?.map(String).find((h) => h.includes('searched as')) ?? '',
      );
      const note = argsBox.querySelector('.searched-as');
      if (note) note.textContent = searched ? `Searched as “${searched[1]}”` : '';
      status.textContent = `Preview: first ${Math.min(PREVIEW_ROWS, Math.max(rows.length - 1, 0))} rows.`;
    } catch (error) {
      preview.replaceChildren();
      status.textContent = cellErrorFor(error, runtime.errorContext()).message;
    }
  });

  insertButton.addEventListener('click', async () => {
    if (!excel) return;
    try {
      status.textContent = `Inserted ${formula.textContent} at ${await excel.insertFormula(formula.textContent ?? '')}.`;
    } catch (error) {
      status.textContent = `Could not insert: ${error instanceof Error ? error.message : String(error)}`;
    }
  });

  const setExcel = (next: BuilderExcel | null) => {
    excel = next;
    insertButton.disabled = excel === null;
    for (const button of rangeButtons) button.disabled = excel === null;
    insertButton.title = excel ? '' : 'Open this pane in Excel to insert the formula.';
  };
  setExcel(null);
  return { setExcel };
}

/** What the cell would show: the function itself, run through the runtime (same cache, same batching). */
async function previewRows(
  runtime: AddinRuntime,
  c: BuilderChoice,
  excel: BuilderExcel | null,
): Promise<unknown[][]> {
  const options = optionsText(c.options);
  const opts = options ? [[options]] : undefined;
  const count = c.args.count ? Number(c.args.count) : PREVIEW_ROWS;
  const fields = c.fields.join(',') || undefined;
  await runtime.ready();
  switch (c.fn.name) {
    case 'SUPPLIERS':
      return runtime.functions.suppliers(c.args.keyword ?? '', opts, count, undefined);
    case 'PRODUCTS':
      return runtime.functions.products(c.args.keyword ?? '', opts, count, undefined);
    case 'PRODUCTSBYIMAGE':
      return runtime.functions.productsByImage(c.args.imageUrl ?? '', opts, count, undefined);
    case 'OFFER':
      return runtime.offers.offer(c.args.link ?? '', fields, opts, undefined);
    case 'OFFERS': {
      if (!excel) throw new Error('The preview of a range needs Excel: open this pane in Excel.');
      const values = await excel.readRange(c.args.links ?? '');
      return runtime.offers.offers(values.slice(0, PREVIEW_ROWS) as never, fields, opts, undefined);
    }
    case 'LANDED': {
      // The detail row, with its header, so the preview shows every line and its source.
      const rates = c.args.rates ?? '';
      const range = isRangeAddress(rates);
      if (range && !excel)
        throw new Error('The preview of a rate card range needs Excel: open this pane in Excel.');
      const ratesValue = range && excel ? await excel.readRange(rates) : rates;
      const detail = [[[options, 'detail', 'header'].filter(Boolean).join('; ')]];
      return runtime.landed.landed(
        c.args.link ?? '',
        Number(c.args.quantity),
        ratesValue,
        detail,
        undefined,
        range ? rates : undefined,
      );
    }
    case 'PRICEAT':
      return [
        ['price'],
        [
          await runtime.offers.priceAt(
            c.args.link ?? '',
            Number(c.args.quantity),
            c.args.sku,
            c.args.currency,
            undefined,
          ),
        ],
      ];
    default:
      return fieldsRows(FUNCTION_CATALOG, c.args.name);
  }
}

function fieldsTable(doc: Document, rows: readonly (readonly unknown[])[]): HTMLElement {
  const table = el(doc, 'table', 'preview');
  rows.forEach((row, i) => {
    const tr = el(doc, 'tr');
    for (const cell of row) tr.append(el(doc, i === 0 ? 'th' : 'td', undefined, cellText(cell)));
    table.append(tr);
  });
  const wrap = el(doc, 'div', 'table-scroll');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'Rows');
  wrap.append(table);
  return wrap;
}

/** A preview cell: plain values as text, a card by its text, a picture by its address. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') {
    const v = cell as { text?: string; address?: string; basicValue?: unknown };
    return String(v.text ?? v.address ?? v.basicValue ?? '');
  }
  return String(cell);
}
