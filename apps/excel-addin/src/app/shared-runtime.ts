import { officeOnReady, officeRuntimeDefined, within } from '../runtime/office-start.js';
import { chooseStore, chooseWorkbookStore } from '../runtime/settings-store.js';
import { createAddinRuntime, DEFAULT_SETTINGS_WAIT_MS } from './addin-runtime.js';

// The page's one runtime; functions.ts and the pane both import it (shared runtime = one page, one module
// graph). It starts with the page: Office.onReady (or the host script defining OfficeRuntime, just before)
// → choose the store (OfficeRuntime.storage exists only from then on) → read the settings. Every custom function awaits that gate (addin-runtime.ts).

/** Office.onReady's result (null outside Office), awaited once for the whole page. */
export const officeStart = officeOnReady();

/** The store is chosen when Office.onReady resolves or OfficeRuntime appears, whichever is first. */
export const sharedRuntime = createAddinRuntime({
  store: Promise.race([officeStart, officeRuntimeDefined()]).then(() => chooseStore()),
  // Office.context.document exists only once Office.onReady has resolved; an onReady that never comes (office.js
  // outside Office) leaves the defaults to this page, as in preview, rather than a save that waits forever.
  workbook: within(officeStart, DEFAULT_SETTINGS_WAIT_MS, null).then(() => chooseWorkbookStore()),
});
