// Start-up order, as Excel runs the shared runtime (facts from Microsoft's docs and the @microsoft/office-js
// build, collected in our Excel notes):
// - office.js defines `Office` and a queuing `CustomFunctions.associate` synchronously when it runs.
// - It then loads the host's script (e.g. excel-win32-16.01.js) asynchronously; that defines `OfficeRuntime`,
//   before `Office.onReady` resolves. The custom-functions runtime starts inside Office.onReady.
// taskpane.html loads office.js with `async` so a stalled CDN cannot keep the pane blank; the tag records
// its own outcome in `data-state` (an inline handler, so a failure before our module runs is not missed).

export const OFFICE_SCRIPT_ID = 'office-js';

export interface OfficeHostInfo {
  host: string | null;
  platform: string | null;
}

const officeDefined = () => typeof Office !== 'undefined';

/** Resolves true once office.js has run, false when it failed or is absent (preview outside Office). */
export function officeScriptLoaded(doc: Document | undefined = globalThis.document): Promise<boolean> {
  if (officeDefined()) return Promise.resolve(true);
  const script = doc?.getElementById(OFFICE_SCRIPT_ID) as HTMLScriptElement | null | undefined;
  if (!script) return Promise.resolve(false);
  if (script.dataset.state === 'failed') return Promise.resolve(false);
  if (script.dataset.state === 'loaded') return Promise.resolve(officeDefined());
  return new Promise((resolve) => {
    script.addEventListener('load', () => resolve(officeDefined()), { once: true });
    script.addEventListener('error', () => resolve(false), { once: true });
  });
}

/**
 * Office.onReady's host and platform once office.js has run, or null outside Office. Not timed: callers
 * that must not wait (the pane, the settings gate) race it with their own timeout.
 */
export async function officeOnReady(doc?: Document): Promise<OfficeHostInfo | null> {
  if (!(await officeScriptLoaded(doc))) return null;
  try {
    const info = await Office.onReady();
    return {
      host: info?.host ? String(info.host) : null,
      platform: info?.platform ? String(info.platform) : null,
    };
  } catch {
    return null;
  }
}

/**
 * Resolves once the host script has defined `OfficeRuntime` (checked after every script that loads), or
 * never. "OfficeRuntime … appears before Office.onReady resolves", so the settings store can be chosen then.
 */
export function officeRuntimeDefined(doc: Document | undefined = globalThis.document): Promise<void> {
  const defined = () => typeof OfficeRuntime !== 'undefined';
  if (defined()) return Promise.resolve();
  if (!doc) return new Promise(() => {});
  return new Promise((resolve) => {
    const onLoad = (event: Event) => {
      if ((event.target as Element | null)?.tagName !== 'SCRIPT' || !defined()) return;
      doc.removeEventListener('load', onLoad, true);
      resolve();
    };
    // `load` does not bubble, but is seen on the way down (capture) for every script element.
    doc.addEventListener('load', onLoad, true);
  });
}

/** `promise`, or `fallback` after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms))]);
}
