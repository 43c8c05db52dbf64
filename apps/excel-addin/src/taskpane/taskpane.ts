import { PROVIDER_IDS, type ProviderId } from '@yuantou/core';
import type { InsertTarget, SheetTable } from '../excel/insert-table.js';
import { cellErrorFor } from '../functions/cell-error.js';
import { productColumns, productRows, supplierColumns, supplierRows } from '../functions/result-rows.js';
import type { AddinRuntime } from '../runtime/addin-runtime.js';
import { type ResultsResponse, renderResults } from './results-view.js';
import { FormError, type SearchFormValues, type SearchMode, toSearchRequest } from './search-request.js';
import { bindSettingsPanel } from './settings-panel.js';

// Wires taskpane.html to the shared runtime: search (with progress and cancel), results, insert, settings.
// `insert` is null in preview mode (no Excel host): the same UI, with insertion disabled and explained.

export interface TaskpaneOptions {
  runtime: AddinRuntime;
  insert: ((table: SheetTable, target: InsertTarget) => Promise<string>) | null;
}

const byId = <T extends HTMLElement>(doc: Document, id: string) => doc.getElementById(id) as T;

export async function mountTaskpane(doc: Document, { runtime, insert }: TaskpaneOptions): Promise<void> {
  const form = byId<HTMLFormElement>(doc, 'search-form');
  const query = byId<HTMLInputElement>(doc, 'query');
  const formError = byId<HTMLElement>(doc, 'form-error');
  const progress = byId<HTMLElement>(doc, 'progress');
  const results = byId<HTMLElement>(doc, 'results');
  const searchButton = byId<HTMLButtonElement>(doc, 'search-button');
  const cancelButton = byId<HTMLButtonElement>(doc, 'cancel-button');
  const insertPanel = byId<HTMLElement>(doc, 'insert');
  const insertStatus = byId<HTMLElement>(doc, 'insert-status');
  const insertButtons = [
    byId<HTMLButtonElement>(doc, 'insert-selection'),
    byId<HTMLButtonElement>(doc, 'insert-sheet'),
  ];
  let last: { results: ResultsResponse; title: string } | null = null;
  let running: AbortController | null = null;

  await runtime.load();
  const loadProviders = () => fillProviders(doc, runtime);
  bindSettingsPanel(doc, runtime, loadProviders);
  void loadProviders();

  const mode = () => (new FormData(form).get('mode') as SearchMode | null) ?? 'suppliers';
  form.addEventListener('change', () => {
    const image = mode() === 'image';
    byId(doc, 'query-label').textContent = image ? 'Image URL' : 'Keyword';
    query.placeholder = image ? 'https://…/photo.jpg' : '玩具厂';
  });

  const formValues = (): SearchFormValues => ({
    mode: mode(),
    query: query.value,
    providers: [...doc.querySelectorAll<HTMLInputElement>('#providers input:checked')].map(
      (i) => i.value as ProviderId,
    ),
    factoryOnly: byId<HTMLInputElement>(doc, 'factory-only').checked,
    city: byId<HTMLInputElement>(doc, 'city').value,
    priceMin: byId<HTMLInputElement>(doc, 'price-min').value,
    priceMax: byId<HTMLInputElement>(doc, 'price-max').value,
    minOrder: byId<HTMLInputElement>(doc, 'min-order').value,
    pageSize: 20,
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
      const { language, currency } = runtime.settings();
      request = toSearchRequest(formValues(), { language, currency });
    } catch (error) {
      formError.textContent = error instanceof FormError ? error.message : String(error);
      return;
    }
    running?.abort();
    const controller = new AbortController();
    running = controller;
    setBusy(true);
    try {
      const client = runtime.client();
      const signal = controller.signal;
      let found: ResultsResponse;
      if (request.mode === 'image') {
        found = { kind: 'products', response: await client.searchProductsByImage(request.body, { signal }) };
      } else if (request.mode === 'products') {
        found = { kind: 'products', response: await client.searchProducts(request.params, { signal }) };
      } else {
        found = { kind: 'suppliers', response: await client.searchSuppliers(request.params, { signal }) };
      }
      last = { results: found, title: request.mode === 'image' ? 'image search' : request.params.q };
      renderResults(results, found);
      insertPanel.hidden = found.response.items.length === 0;
      insertStatus.textContent = insert
        ? ''
        : 'Preview mode: open this pane in Excel to insert results into a sheet.';
    } catch (error) {
      if (!controller.signal.aborted)
        formError.textContent = cellErrorFor(error, runtime.settings().proxyUrl).message;
    } finally {
      if (running === controller) {
        running = null;
        setBusy(false);
      }
    }
  });
  cancelButton.addEventListener('click', () => running?.abort());

  for (const button of insertButtons) button.disabled = insert === null;
  const insertInto = async (target: InsertTarget) => {
    if (!insert || !last) return;
    const table: SheetTable =
      last.results.kind === 'suppliers'
        ? {
            title: last.title,
            columns: supplierColumns(last.results.response),
            rows: supplierRows(last.results.response.items, last.results.response).slice(1),
          }
        : {
            title: last.title,
            columns: productColumns(last.results.response),
            rows: productRows(last.results.response.items, last.results.response).slice(1),
          };
    insertStatus.textContent = 'Inserting…';
    try {
      insertStatus.textContent = `Inserted at ${await insert(table, target)}`;
    } catch (error) {
      insertStatus.textContent = `Could not insert: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  insertButtons[0]!.addEventListener('click', () => void insertInto('selection'));
  insertButtons[1]!.addEventListener('click', () => void insertInto('newSheet'));
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
    hint.textContent = cellErrorFor(error, runtime.settings().proxyUrl).message;
    box.append(hint);
  }
}
