import type { AddinRuntime } from '../app/addin-runtime.js';
import { cellErrorFor } from '../cells/cell-error.js';

// The first run: three steps a buyer does once — connect to the proxy, run one search, build one formula —
// and which data the proxy serves (the demo samples or real providers, from GET /v1/providers). It opens
// until finished or dismissed (the `startDone` setting, kept with the others), and explains what a browser
// block looks like and how to allow it (the facts are in README "Calling the proxy on 127.0.0.1 from Excel").

const byId = <T extends HTMLElement>(doc: Document, id: string) => doc.getElementById(id) as T;

/** "Demo data: …" or "Real data from tmapi, onebound: …" for the proxy's providers answer. */
export function providerDataText(answer: {
  demoMode: boolean;
  providers: readonly { id: string; enabled: boolean }[];
}): string {
  if (answer.demoMode)
    return 'Demo data: the proxy has no provider credentials, so every answer is a bundled sample (free).';
  const enabled = answer.providers.filter((p) => p.enabled).map((p) => p.id);
  return `Real data from ${enabled.join(', ') || 'no provider'}: each search may be a paid call.`;
}

export function bindStartPanel(doc: Document, runtime: AddinRuntime): void {
  const panel = byId<HTMLElement>(doc, 'start');
  const data = byId<HTMLElement>(doc, 'start-data');
  const steps = ['connect', 'search', 'formula'].map((step) => byId<HTMLElement>(doc, `start-step-${step}`));
  const done = (index: number, text: string) => {
    const step = steps[index]!;
    step.dataset.done = 'true';
    step.querySelector('.step-state')!.textContent = text;
    if (steps.every((s) => s.dataset.done === 'true')) finish('All three done.');
  };
  const finish = async (note: string) => {
    byId(doc, 'start-status').textContent =
      `${note} This start is hidden from now on; Settings has the connection.`;
    await runtime.update({ startDone: true }).catch(() => {});
  };

  void runtime.ready().then((settings) => {
    panel.hidden = settings.startDone;
  });

  byId<HTMLButtonElement>(doc, 'start-check').addEventListener('click', async () => {
    const state = steps[0]!.querySelector('.step-state')!;
    state.textContent = 'Checking…';
    try {
      await runtime.ready();
      const answer = await runtime.client().listProviders();
      data.textContent = providerDataText(answer);
      done(0, `Connected to ${runtime.settings().proxyUrl}.`);
    } catch (error) {
      state.textContent = cellErrorFor(error, runtime.errorContext()).message;
      byId<HTMLDetailsElement>(doc, 'start-block').open = true;
    }
  });

  byId<HTMLButtonElement>(doc, 'start-search').addEventListener('click', () => {
    const query = byId<HTMLInputElement>(doc, 'query');
    query.value = '玩具厂';
    byId<HTMLFormElement>(doc, 'search-form').requestSubmit();
    query.focus();
  });
  // Done when a search shows results, whoever started it.
  const announce = byId(doc, 'results-announce');
  new MutationObserver(() => {
    if (/found$/.test(announce.textContent ?? '')) done(1, announce.textContent ?? '');
  }).observe(announce, { childList: true, characterData: true, subtree: true });

  byId<HTMLButtonElement>(doc, 'start-formula').addEventListener('click', () => {
    const builder = byId(doc, 'builder');
    if (builder.hidden) byId<HTMLButtonElement>(doc, 'builder-toggle').click();
    const select = byId<HTMLSelectElement>(doc, 'builder-function');
    select.value = 'SUPPLIERS';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const keyword = doc.getElementById('builder-arg-keyword') as HTMLInputElement | null;
    if (keyword) {
      keyword.value = '玩具厂';
      keyword.dispatchEvent(new Event('input', { bubbles: true }));
      keyword.focus();
    }
  });
  // Done when the builder inserted a formula (in Excel) or previewed one (anywhere).
  const builderStatus = byId(doc, 'builder-status');
  new MutationObserver(() => {
    if (/^(Inserted|Preview:)/.test(builderStatus.textContent ?? ''))
      done(2, builderStatus.textContent ?? '');
  }).observe(builderStatus, { childList: true, characterData: true, subtree: true });

  byId<HTMLButtonElement>(doc, 'start-dismiss').addEventListener('click', async () => {
    await finish('Skipped.');
    panel.hidden = true;
    byId<HTMLInputElement>(doc, 'query').focus();
  });
}
