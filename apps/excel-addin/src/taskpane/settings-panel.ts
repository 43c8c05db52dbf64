import type { AddinRuntime } from '../app/addin-runtime.js';
import { cellErrorFor } from '../cells/cell-error.js';
import { currencyProblem } from './currency-check.js';
import { usageLines } from './usage-summary.js';
import { workbookDefaultsText } from './workbook-defaults.js';

// Proxy URL, token and request timeout: saved through the runtime (OfficeRuntime.storage in Excel,
// localStorage only in preview), and a "Test connection" that asks the proxy what it serves. The token field
// is never echoed anywhere else. Fields show the saved values once the settings gate has read them.
// Language, currency, quantity and the stale-after days are the WORKBOOK's defaults (Office.context.document.settings): the panel
// says which ones this workbook carries, and saves a currency only when the proxy can convert it.

const byId = <T extends HTMLElement>(doc: Document, id: string) => doc.getElementById(id) as T;

export function bindSettingsPanel(doc: Document, runtime: AddinRuntime, onSaved: () => void): void {
  const panel = byId<HTMLElement>(doc, 'settings');
  const toggle = byId<HTMLButtonElement>(doc, 'settings-toggle');
  const url = byId<HTMLInputElement>(doc, 'proxy-url');
  const token = byId<HTMLInputElement>(doc, 'proxy-token');
  const timeout = byId<HTMLInputElement>(doc, 'proxy-timeout');
  const status = byId<HTMLElement>(doc, 'settings-status');
  const storeNote = byId<HTMLElement>(doc, 'settings-store');
  const usage = doc.getElementById('settings-usage');

  // What the sheet is spending today, per provider (GET /v1/usage); quietly empty when the proxy cannot say.
  const showUsage = async () => {
    if (!usage) return;
    try {
      const lines = usageLines(await runtime.client().usage());
      usage.replaceChildren(
        ...lines.map((line) => {
          const item = doc.createElement('li');
          item.textContent = line;
          return item;
        }),
      );
    } catch {
      usage.replaceChildren();
    }
  };
  const language = byId<HTMLSelectElement>(doc, 'setting-language');
  const currency = byId<HTMLInputElement>(doc, 'setting-currency');
  const quantity = doc.getElementById('setting-quantity') as HTMLInputElement | null;
  const staleDays = doc.getElementById('setting-stale-days') as HTMLInputElement | null;
  const workbookNote = doc.getElementById('settings-workbook');
  let workbookKind = '';
  const showWorkbook = () => {
    if (workbookNote)
      workbookNote.textContent = workbookDefaultsText(runtime.workbookDefaults(), workbookKind);
  };
  void runtime.workbookStoreKind().then((kind) => {
    workbookKind = kind;
    showWorkbook();
  });

  const show = () => {
    const settings = runtime.settings();
    url.value = settings.proxyUrl;
    token.value = settings.token;
    timeout.value = String(settings.timeoutSeconds);
    language.value = settings.language;
    currency.value = settings.currency;
    if (quantity) quantity.value = String(settings.quantity);
    if (staleDays) staleDays.value = String(settings.staleAfterDays);
    showWorkbook();
  };
  show();
  void runtime.ready().then(show);
  // This machine's settings and the workbook's defaults arrive apart (the latter after Office.onReady).
  runtime.subscribe(show);
  void runtime.storeKind().then((kind) => {
    storeNote.textContent = `Kept in ${kind}${kind === 'localStorage' ? ' (preview outside Office)' : ''}.`;
    storeNote.dataset.store = kind;
  });
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
    show();
    if (!panel.hidden) void showUsage();
  });

  const save = async () => {
    // Only a currency the proxy can convert (GET /v1/currencies); an unchanged one is not asked again.
    const wanted = currency.value.trim().toUpperCase();
    if (wanted !== runtime.settings().currency) {
      const problem = await currencyProblem(wanted, runtime.client());
      if (problem) throw new Error(problem);
    }
    const saved = await runtime.update({
      proxyUrl: url.value,
      token: token.value,
      timeoutSeconds: timeout.value,
      language: language.value,
      currency: currency.value,
      ...(quantity ? { quantity: quantity.value } : {}),
      ...(staleDays ? { staleAfterDays: staleDays.value } : {}),
    });
    show();
    return saved;
  };

  byId<HTMLButtonElement>(doc, 'settings-save').addEventListener('click', async () => {
    try {
      await save();
      status.textContent = 'Saved. Formulas use it from their next calculation.';
      onSaved();
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  });

  byId<HTMLButtonElement>(doc, 'settings-test').addEventListener('click', async () => {
    status.textContent = 'Testing…';
    try {
      const saved = await save();
      const { providers, demoMode } = await runtime.client().listProviders();
      const enabled = providers.filter((p) => p.enabled).map((p) => p.id);
      status.textContent = `Connected to ${saved.proxyUrl}: ${enabled.join(', ') || 'no providers'}${demoMode ? ' (demo mode)' : ''}.`;
      void showUsage();
      onSaved();
    } catch (error) {
      status.textContent =
        error instanceof Error && !('kind' in error)
          ? error.message
          : cellErrorFor(error, runtime.errorContext()).message;
    }
  });
}
