import { LANGUAGES, PROVIDER_IDS } from '@yuantou/core';
import type { AddinRuntime } from '../app/addin-runtime.js';
import { FUNCTION_CATALOG } from '../app/function-catalog.js';
import { cellErrorFor } from '../cells/cell-error.js';
import { InputError } from '../cells/input-error.js';
import {
  type AnswerContext,
  PRODUCT_TABLE,
  type ResultTable,
  resultRows,
  SUPPLIER_TABLE,
} from '../cells/result-rows.js';
import { InsertError } from '../excel/insert-error.js';
import type { InsertTarget, SheetTable } from '../excel/insert-table.js';
import { type BuilderPanel, bindBuilderPanel } from './builder-panel.js';
import { searchedAsText } from './buyer-facts.js';
import { bindInquiryPanel } from './inquiry-panel.js';
import { bindLinksPanel, type LinksPanel } from './links-panel.js';
import { bindPhotoPanel } from './photo-panel.js';
import { bindRefreshPanel, type RefreshPanel } from './refresh-panel.js';
import { type ResultsResponse, renderResults } from './results-view.js';
import {
  type FormOption,
  type SearchFormValues,
  type SearchMode,
  toSearchRequest,
} from './search-request.js';
import { bindSettingsPanel } from './settings-panel.js';
import { bindStartPanel } from './start-panel.js';
import { bindSupplierView } from './supplier-view.js';
import { bindTemplatesPanel, type TemplatesPanel } from './templates-panel.js';

// Wires taskpane.html to the shared runtime: search (with progress and cancel), results, insert, settings.
// Mounted at once, before office.js has finished loading (a stalled CDN must not leave the pane dead): the
// form works from the start and waits for the settings gate on submit; Excel features (insert) are switched
// on by `setInsert` when Office.onReady resolves. Until then, and in preview mode (no Excel host), insertion
// is disabled and explained.

export type InsertFunction = (table: SheetTable, target: InsertTarget) => Promise<string>;

export interface TaskpaneOptions {
  runtime: AddinRuntime;
  /** The build's custom-functions namespace (ADDIN_NAMESPACE), '' for none: the builder writes it. */
  namespace?: string;
}

export interface Taskpane {
  /** Enables insertion (Excel) or disables it with `note` (preview, missing requirement sets). */
  setInsert(insert: InsertFunction | null, note: string): void;
  /** Links mode's Excel parts: insertion and reading the selected cells (null in preview mode). */
  links: LinksPanel;
  /** The formula builder's Excel parts: the range picker and inserting the formula. */
  builder: BuilderPanel;
  /** "New sheet from a template": writing the sheet (null in preview mode). */
  templates: TemplatesPanel;
  /** Refresh / retry / freeze yuantou cells (null in preview mode), and today's spend. */
  refresh: RefreshPanel;
}

const byId = <T extends HTMLElement>(doc: Document, id: string) => doc.getElementById(id) as T;

/** A search answer as "Insert into sheet" writes it: the spilled rows without their header. */
function sheetTable<T>(
  title: string,
  table: ResultTable<T>,
  answer: { items: readonly T[] } & AnswerContext,
): SheetTable {
  return {
    title,
    columns: table.columns(answer),
    rows: resultRows(table, answer.items, answer).slice(1),
    richRows: (caps) => resultRows(table, answer.items, answer, caps).slice(1),
    // The spilled header says it (`title (searched as …; not translated: …)`); the inserted header gets a note.
    note: searchedAsText(answer.searchedAs, answer.translation) ?? undefined,
  };
}

export function mountTaskpane(doc: Document, { runtime, namespace = '' }: TaskpaneOptions): Taskpane {
  const form = byId<HTMLFormElement>(doc, 'search-form');
  const query = byId<HTMLInputElement>(doc, 'query');
  const formError = byId<HTMLElement>(doc, 'form-error');
  const progress = byId<HTMLElement>(doc, 'progress');
  const results = byId<HTMLElement>(doc, 'results');
  // The live region: states and counts ("Searching…", "12 suppliers found"), never the list itself.
  const announce = byId<HTMLElement>(doc, 'results-announce');
  const searchButton = byId<HTMLButtonElement>(doc, 'search-button');
  const cancelButton = byId<HTMLButtonElement>(doc, 'cancel-button');
  const insertPanel = byId<HTMLElement>(doc, 'insert');
  const insertStatus = byId<HTMLElement>(doc, 'insert-status');
  const insertButtons = [
    byId<HTMLButtonElement>(doc, 'insert-selection'),
    byId<HTMLButtonElement>(doc, 'insert-sheet'),
  ];
  let last: {
    results: ResultsResponse;
    title: string;
    quantity?: number | undefined;
    language?: string | undefined;
  } | null = null;
  let running: AbortController | null = null;
  let insert: InsertFunction | null = null;
  let insertNote = 'Connecting to Excel…';

  fillLanguages(doc);
  const loadProviders = () => fillProviders(doc, runtime);
  bindSettingsPanel(doc, runtime, loadProviders);
  void runtime.ready().then(loadProviders);
  const supplierView = bindSupplierView(doc, runtime, bindInquiryPanel(doc, runtime));
  const links = bindLinksPanel(doc, { runtime, supplierActions: supplierView.actions });
  const builder = bindBuilderPanel(doc, runtime, namespace);
  bindStartPanel(doc, runtime);
  const templates = bindTemplatesPanel(doc, runtime, namespace);
  const refresh = bindRefreshPanel(doc, runtime, {
    names: new Set(FUNCTION_CATALOG.map((f) => f.name)),
    namespace,
  });
  void refresh.showUsage();

  const mode = () => (new FormData(form).get('mode') as SearchMode | null) ?? 'suppliers';
  form.addEventListener('change', () => {
    const image = mode() === 'image';
    byId(doc, 'query-label').textContent = image ? 'Image URL' : 'Keyword';
    query.placeholder = image ? 'https://…/photo.jpg' : '玩具厂';
  });

  const photo = bindPhotoPanel(doc, form, () => form.requestSubmit());
  const formValues = (): SearchFormValues => ({
    mode: mode(),
    query: query.value,
    options: formOptions(form),
    pageSize: 20,
    ...(photo.current() ? { photo: photo.current()! } : {}),
  });

  const setBusy = (busy: boolean) => {
    progress.hidden = !busy;
    cancelButton.hidden = !busy;
    searchButton.disabled = busy;
    form.setAttribute('aria-busy', String(busy));
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    formError.textContent = '';
    let request: ReturnType<typeof toSearchRequest>;
    try {
      const { language, currency, quantity } = runtime.workbookDefaults();
      request = toSearchRequest(formValues(), { language, currency, quantity });
    } catch (error) {
      formError.textContent = error instanceof InputError ? error.message : String(error);
      return;
    }
    running?.abort();
    const controller = new AbortController();
    running = controller;
    setBusy(true);
    announce.textContent = 'Searching…';
    try {
      // The settings gate: a search started while saved settings are still being read waits for them.
      await runtime.ready();
      const client = runtime.client();
      const signal = controller.signal;
      let found: ResultsResponse;
      if (request.kind === 'image') {
        found = { kind: 'products', response: await client.searchProductsByImage(request.body, { signal }) };
      } else if (request.kind === 'products') {
        found = { kind: 'products', response: await client.searchProducts(request.params, { signal }) };
      } else {
        found = { kind: 'suppliers', response: await client.searchSuppliers(request.params, { signal }) };
      }
      last = {
        results: found,
        title: request.kind === 'image' ? 'image search' : request.params.q,
        // The inserted table gets the same price-at-quantity columns as =PRODUCTS with quantity=.
        quantity: request.kind === 'image' ? request.body.quantity : request.params.quantity,
        language: request.kind === 'image' ? request.body.language : request.params.language,
      };
      supplierView.resultsReplaced();
      announce.textContent = renderResults(results, found, supplierView.actions);
      if (found.kind === 'products' && request.kind === 'image') photo.showRegions(found.response);
      insertPanel.hidden = found.response.items.length === 0;
      insertStatus.textContent = insert ? '' : insertNote;
    } catch (error) {
      if (!controller.signal.aborted)
        formError.textContent = cellErrorFor(error, runtime.errorContext()).message;
      announce.textContent = controller.signal.aborted ? 'Search cancelled.' : 'Search failed.';
    } finally {
      if (running === controller) {
        running = null;
        setBusy(false);
      }
    }
  });
  cancelButton.addEventListener('click', () => running?.abort());

  const insertInto = async (target: InsertTarget) => {
    if (!insert || !last) return;
    const { results } = last;
    // The same cards and pictures the functions spill, where Excel can take them (insert-table.ts decides).
    const table =
      results.kind === 'suppliers'
        ? sheetTable(last.title, SUPPLIER_TABLE, { ...results.response, language: last.language })
        : sheetTable(last.title, PRODUCT_TABLE, {
            ...results.response,
            quantity: last.quantity,
            language: last.language,
          });
    insertStatus.textContent = 'Inserting…';
    try {
      insertStatus.textContent = `Inserted at ${await insert(table, target)}`;
    } catch (error) {
      // Nothing was written. Where a new sheet would work, say so and point at that button.
      insertStatus.textContent = `Could not insert: ${error instanceof Error ? error.message : String(error)}`;
      if (error instanceof InsertError && error.offerNewSheet) insertButtons[1]!.focus();
    }
  };
  insertButtons[0]!.addEventListener('click', () => void insertInto('selection'));
  insertButtons[1]!.addEventListener('click', () => void insertInto('newSheet'));

  const setInsert = (next: InsertFunction | null, note: string) => {
    insert = next;
    insertNote = note;
    for (const button of insertButtons) button.disabled = insert === null;
    if (!insertPanel.hidden) insertStatus.textContent = insert ? '' : insertNote;
  };
  setInsert(null, insertNote);
  return { setInsert, links, builder, templates, refresh };
}

/** Every `[data-option]` field of the form, as search-request.ts reads it. */
function formOptions(form: HTMLFormElement): FormOption[] {
  return [...form.querySelectorAll<HTMLElement>('[data-option]')].map((field) => {
    const key = field.dataset.option!;
    const label = field.dataset.label ?? key;
    if (field instanceof HTMLInputElement && field.type === 'checkbox')
      return { key, label, value: field.checked };
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement)
      return { key, label, value: field.value };
    // A group of checkboxes (providers): the checked values.
    const checked = [...field.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    return { key, label, value: checked };
  });
}

/** The languages core's schema accepts (a new one appears here without a change). */
function fillLanguages(doc: Document): void {
  const select = byId<HTMLSelectElement>(doc, 'language');
  for (const language of LANGUAGES) {
    const option = doc.createElement('option');
    option.value = language;
    option.textContent = language;
    select.append(option);
  }
}

/** Provider checkboxes from the proxy's /v1/providers; none checked means "all the proxy serves". */
async function fillProviders(doc: Document, runtime: AddinRuntime): Promise<void> {
  const box = byId<HTMLElement>(doc, 'providers');
  try {
    const { providers, demoMode } = await runtime.client().listProviders();
    box.replaceChildren();
    for (const provider of providers.filter((p) => p.enabled && PROVIDER_IDS.includes(p.id))) {
      const label = doc.createElement('label');
      const input = doc.createElement('input');
      input.type = 'checkbox';
      input.value = provider.id;
      label.append(input, ` ${provider.name}`);
      box.append(label);
    }
    if (demoMode) {
      const hint = doc.createElement('span');
      hint.className = 'hint';
      hint.textContent = ' (demo mode: sample data only)';
      box.append(hint);
    }
  } catch (error) {
    box.replaceChildren();
    const hint = doc.createElement('span');
    hint.className = 'hint';
    hint.textContent = cellErrorFor(error, runtime.errorContext()).message;
    box.append(hint);
  }
}
