// Where settings are kept. The workbook's defaults: in the workbook (`workbookStore` below). This machine's
// settings, in Excel: OfficeRuntime.storage — but `OfficeRuntime` is defined by the host
// script office.js loads asynchronously, so it does not exist when our modules are imported:
//   "OfficeRuntime does not exist until the host-specific script (e.g. excel-win32-16.01.js) that office.js
//    loads asynchronously has run; it appears before Office.onReady resolves. Touching OfficeRuntime.storage
//    at import time finds nothing." (Microsoft docs / @microsoft/office-js, collected in our Excel notes)
// So the store is chosen only after Office.onReady (shared-runtime.ts), and values an older build left in
// localStorage are moved once. localStorage stays only for preview mode (a plain browser, no Office host).
// "In a shared runtime OfficeRuntime.storage is a wrapper over the page's localStorage (prefix
//  _OfficeRuntime_Storage_); string keys and values only; 10 MB per domain; unencrypted."

/** The async key/value store OfficeRuntime.storage, our localStorage adapter and memory all satisfy. */
export interface KeyValueStore {
  /** Where values live, for the pane and tests: `OfficeRuntime.storage`, `localStorage`, `memory`. */
  readonly kind?: string;
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem?(key: string): Promise<void>;
}

export const SETTINGS_KEY = 'yuantou.settings';

export function localStorageStore(storage: Storage): KeyValueStore {
  return {
    kind: 'localStorage',
    getItem: async (key) => storage.getItem(key),
    setItem: async (key, value) => storage.setItem(key, value),
    removeItem: async (key) => storage.removeItem(key),
  };
}

export function memoryStore(): KeyValueStore {
  const memory = new Map<string, string>();
  return {
    kind: 'memory',
    getItem: async (k) => memory.get(k) ?? null,
    setItem: async (k, v) => void memory.set(k, v),
    removeItem: async (k) => void memory.delete(k),
  };
}

interface OfficeRuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

function officeRuntimeStorage(): OfficeRuntimeStorage | undefined {
  return (globalThis as { OfficeRuntime?: { storage?: OfficeRuntimeStorage } }).OfficeRuntime?.storage;
}

function pageLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // some WebViews throw on access when storage is disabled
  }
}

/**
 * Call after Office.onReady: OfficeRuntime.storage when the host defined it (moving a value an older build
 * left in localStorage, once), else localStorage (preview), else memory (Node).
 */
export async function chooseStore(keys: readonly string[] = [SETTINGS_KEY]): Promise<KeyValueStore> {
  const office = officeRuntimeStorage();
  const local = pageLocalStorage();
  if (!office) return local ? localStorageStore(local) : memoryStore();
  for (const key of keys) {
    const legacy = local?.getItem(key);
    if (legacy === null || legacy === undefined) continue;
    try {
      if ((await office.getItem(key)) === null) await office.setItem(key, legacy);
      // The token must not stay behind in a second, unprefixed copy.
      local?.removeItem(key);
    } catch {
      // The host's storage failed: keep the old copy (never lose a setting) and still use OfficeRuntime.storage.
    }
  }
  return {
    kind: 'OfficeRuntime.storage',
    getItem: (key) => office.getItem(key),
    setItem: (key, value) => office.setItem(key, value),
    removeItem: (key) => office.removeItem(key),
  };
}

/** The key of the workbook defaults (language, currency, quantity) in the document settings. */
export const WORKBOOK_SETTINGS_KEY = 'yuantou.workbookDefaults';

/** The part of `Office.Settings` (Office.context.document.settings) the workbook store uses. */
export interface OfficeDocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } | null }) => void): void;
}

/**
 * `Office.context.document.settings`: saved IN THE WORKBOOK, so the defaults travel with the file ("Office
 * .context.document.settings are saved in the workbook (travel with the file); OfficeRuntime.storage is per
 * machine and per add-in origin"). `set` changes the in-memory copy; `saveAsync` writes it into the document
 * (the file itself is saved when the user saves it). A failed `saveAsync` rejects with its message.
 */
export function workbookStore(settings: OfficeDocumentSettings): KeyValueStore {
  const save = () =>
    new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) =>
        String(result.status) === 'failed'
          ? reject(
              new Error(
                `the workbook did not keep the settings: ${result.error?.message ?? 'unknown error'}`,
              ),
            )
          : resolve(),
      ),
    );
  return {
    kind: 'this workbook',
    getItem: async (key) => {
      const value = settings.get(key);
      return typeof value === 'string' ? value : null;
    },
    setItem: async (key, value) => {
      settings.set(key, value);
      await save();
    },
    removeItem: async (key) => {
      settings.remove(key);
      await save();
    },
  };
}

/**
 * Call after Office.onReady: the workbook's settings where the host has a document, else memory (the preview
 * keeps defaults for this page only, kind `this page only`).
 */
export function chooseWorkbookStore(): KeyValueStore {
  const office = (
    globalThis as { Office?: { context?: { document?: { settings?: OfficeDocumentSettings } } } }
  ).Office;
  const settings = office?.context?.document?.settings;
  if (settings) return workbookStore(settings);
  return { ...memoryStore(), kind: 'this page only' };
}
