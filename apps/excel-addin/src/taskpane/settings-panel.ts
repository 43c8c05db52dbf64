import { cellErrorFor } from '../functions/cell-error.js';
import type { AddinRuntime } from '../runtime/addin-runtime.js';
import type { AddinSettings } from '../runtime/settings-store.js';
import { usageLines } from './usage-summary.js';

// Proxy URL and token: saved through the runtime (OfficeRuntime.storage in Excel, localStorage in preview),
// and a "Test connection" that asks the proxy what it serves. The token field is never echoed anywhere else.

const byId = <T extends HTMLElement>(doc: Document, id: string) => doc.getElementById(id) as T;

export function bindSettingsPanel(doc: Document, runtime: AddinRuntime, onSaved: () => void): void {
  const panel = byId<HTMLElement>(doc, 'settings');
  const toggle = byId<HTMLButtonElement>(doc, 'settings-toggle');
  const url = byId<HTMLInputElement>(doc, 'proxy-url');
  const token = byId<HTMLInputElement>(doc, 'proxy-token');
  const status = byId<HTMLElement>(doc, 'settings-status');
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

  const show = () => {
    const current = runtime.settings();
    url.value = current.proxyUrl;
    token.value = current.token;
    language.value = current.language ?? '';
    currency.value = current.currency ?? '';
  };
  show();
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
    show();
    if (!panel.hidden) void showUsage();
  });

  const save = async () => {
    const saved = await runtime.update({
      proxyUrl: url.value,
      token: token.value,
      language: (language.value || undefined) as AddinSettings['language'],
      currency: currency.value,
    });
    url.value = saved.proxyUrl;
    currency.value = saved.currency ?? '';
    return saved;
  };

  byId<HTMLButtonElement>(doc, 'settings-save').addEventListener('click', async () => {
    try {
      await save();
      status.textContent = 'Saved. Formulas use it from their next recalculation.';
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
      status.textContent = cellErrorFor(error, url.value).message;
    }
  });
}
