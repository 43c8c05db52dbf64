import { createClient, type ProxyClient } from '@yuantou/core';
import type { ProxyContext } from '../cells/cell-error.js';
import { QueryCache } from '../cells/query-cache.js';
import { richCellCapabilities } from '../data-types/rich-cells.js';
import { createHistoryFunctions, type HistoryFunctions } from '../history/history-functions.js';
import { createLandedFunctions, type LandedFunctions } from '../landed/landed-functions.js';
import { createOfferFunctions, type OfferFunctions } from '../offers/offer-functions.js';
import { type BrowserBlock, findBrowserBlock } from '../runtime/browser-block.js';
import {
  type AddinSettings,
  defaultSettings,
  MACHINE_NAMES,
  mergeSettings,
  type SettingName,
  settingsFromStored,
  storedMachineSettings,
  storedSettings,
  WORKBOOK_NAMES,
  type WorkbookDefaults,
  workbookSettingsFromStored,
} from '../runtime/settings.js';
import {
  type KeyValueStore,
  memoryStore,
  SETTINGS_KEY,
  WORKBOOK_SETTINGS_KEY,
} from '../runtime/settings-store.js';
import { createSearchFunctions, type SearchFunctions } from '../search/search-functions.js';
import { createSupplierFunctions, type SupplierFunctions } from '../supplier/supplier-functions.js';
import { createSupplierOffersFunctions, type SupplierOffersFunctions } from '../supplier/supplier-offers.js';

// The one object the shared runtime holds: settings, the proxy client, the query cache and the search
// functions. The custom functions and the task pane run in the same page (manifest <Runtime lifetime="long">),
// so a setting saved in the pane is what the very next =SUPPLIERS call uses, and both share the cache.
//
// The settings gate: Excel may calculate cells the moment their functions are associated, when the saved
// proxy URL and token are still being read ("The custom-functions runtime starts inside Office.onReady … but
// async work you start in onReady (reading settings) may not have finished. There is no Microsoft pattern for
// this: make every function await one settings promise created at start-up (and never let it hang)"). So the
// runtime starts loading at creation, every search awaits `ready()`, and `ready()` settles within
// `settingsWaitMs` even if the store never answers (defaults then; a late answer still applies).

export interface AddinRuntimeOptions {
  /** The machine's store, or the promise of it (chosen after Office.onReady, see shared-runtime.ts). */
  store: KeyValueStore | Promise<KeyValueStore>;
  /**
   * The workbook's store (Office.context.document.settings, see settings-store.ts) for the defaults that change a
   * formula's answer (language, currency, quantity); memory when absent.
   */
  workbook?: KeyValueStore | Promise<KeyValueStore>;
  /** The longest a search waits for saved settings before using defaults. */
  settingsWaitMs?: number;
  /** How long identical cell queries are answered from memory. */
  cacheTtlMs?: number;
  fetch?: typeof globalThis.fetch;
}

export type SettingsChanges = Partial<Record<SettingName, unknown>>;

export interface AddinRuntime {
  /** The settings in force now (defaults until the saved ones are read). */
  settings(): AddinSettings;
  /** What an error message may name: the proxy URL, the timeout and the browser block last seen for that URL. */
  errorContext(): ProxyContext;
  /** The settings gate: resolves once saved settings are read, or with defaults after `settingsWaitMs`. */
  ready(): Promise<AddinSettings>;
  /** Where settings are kept (`OfficeRuntime.storage`, `localStorage`, `memory`), once chosen. */
  storeKind(): Promise<string>;
  /** Where the workbook defaults are kept (`this workbook`, `this page only`), once chosen. */
  workbookStoreKind(): Promise<string>;
  /** The defaults this workbook carries (language, currency, quantity; blank = none). */
  workbookDefaults(): WorkbookDefaults;
  client(): ProxyClient;
  cache: QueryCache;
  functions: SearchFunctions;
  /** Offers looked up by =OFFER, =OFFERS, =PRICEAT and the pane, by language and offer id. */
  offerCache: QueryCache;
  offers: OfferFunctions;
  /** =SUPPLIER: one supplier's due-diligence row and card (sharing the search cache). */
  suppliers: SupplierFunctions;
  /** =LANDED: landed cost per piece from the workbook's rate card (sharing the offer cache: a column of links). */
  landed: LandedFunctions;
  /** =SUPPLIEROFFERS: a supplier's catalogue, ranked like =PRODUCTS (sharing the search cache). */
  supplierOffers: SupplierOffersFunctions;
  /** =OFFERHISTORY: the snapshots the proxy kept of one offer (sharing the offer cache). */
  history: HistoryFunctions;
  /** Validates and saves the changed settings; functions see them at once. Throws a readable message. */
  update(changes: SettingsChanges): Promise<AddinSettings>;
  /** Called with the new settings whenever they change (load, save). Returns an unsubscribe function. */
  subscribe(listener: (settings: AddinSettings) => void): () => void;
}

export const DEFAULT_CACHE_TTL_MS = 10 * 60 * 1000;
export const DEFAULT_SETTINGS_WAIT_MS = 10_000;

/** Settings that change who answers: results from before must not answer after. */
const CONNECTION: readonly SettingName[] = ['proxyUrl', 'token'];

/** The workbook's defaults out of the settings in force. */
function workbookDefaults(settings: AddinSettings): WorkbookDefaults {
  return {
    language: settings.language,
    currency: settings.currency,
    quantity: settings.quantity,
    staleAfterDays: settings.staleAfterDays,
  };
}

export function createAddinRuntime(options: AddinRuntimeOptions): AddinRuntime {
  let settings = defaultSettings();
  let client: ProxyClient | undefined;
  const listeners = new Set<(settings: AddinSettings) => void>();
  const cache = new QueryCache({ ttlMs: options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS, maxEntries: 500 });
  // A column of links is hundreds of offers: their own cache, so they never push searches out.
  const offerCache = new QueryCache({ ttlMs: options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS, maxEntries: 5000 });

  const apply = (next: AddinSettings) => {
    const changed = (Object.keys(next) as SettingName[]).filter((k) => next[k] !== settings[k]);
    settings = next;
    if (changed.length === 0) return settings;
    client = undefined;
    if (changed.some((k) => CONNECTION.includes(k))) {
      cache.clear();
      offerCache.clear();
    }
    for (const listener of listeners) listener(settings);
    return settings;
  };

  const store = Promise.resolve(options.store).catch(() => memoryStore());
  const workbook = Promise.resolve(options.workbook ?? memoryStore()).catch(() => memoryStore());
  const readRaw = (from: Promise<KeyValueStore>, key: string) =>
    from.then((s) => s.getItem(key)).catch(() => undefined);
  const machineRaw = readRaw(store, SETTINGS_KEY);
  // Machine fields from the machine's store, the workbook's defaults from the workbook: a language or currency
  // an older build kept on this machine is ignored (it made formulas differ between machines); only a
  // stale-after days an older build kept here is still read while the workbook has none (MOVED_TO_WORKBOOK).
  // Each applies as soon as it is read (the proxy URL and token must not wait for Office.onReady, which the
  // workbook's settings need); the gate opens when both are in. A store that fails keeps the defaults.
  const loaded = Promise.all([
    machineRaw.then((raw) => {
      if (raw !== undefined) apply({ ...settings, ...settingsFromStored(raw, MACHINE_NAMES) });
    }),
    Promise.all([readRaw(workbook, WORKBOOK_SETTINGS_KEY), machineRaw]).then(([book, machine]) => {
      if (book !== undefined) apply({ ...settings, ...workbookSettingsFromStored(book, machine ?? null) });
    }),
  ]).then(() => settings);
  const waitMs = options.settingsWaitMs ?? DEFAULT_SETTINGS_WAIT_MS;
  const gate = Promise.race([
    loaded,
    new Promise<AddinSettings>((resolve) => setTimeout(() => resolve(settings), waitMs)),
  ]);

  // When the network refuses a call (fetch rejects: a stopped proxy, a wrong URL or a browser block look the
  // same), look once for a block the page can see before the error reaches a cell or the pane, so its message
  // names the remedy (runtime/browser-block.ts). Not on our own abort or timeout.
  const baseFetch = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  let seenBlock: { proxyUrl: string; block: BrowserBlock | null } | null = null;
  const diagnosingFetch = async (input: string, init: RequestInit) => {
    try {
      return await baseFetch(input, init);
    } catch (error) {
      if (!init.signal?.aborted) {
        const proxyUrl = settings.proxyUrl;
        seenBlock = { proxyUrl, block: await findBrowserBlock(proxyUrl, baseFetch) };
      }
      throw error;
    }
  };

  /** When rows say `stale`: the settings' days, read at each call (cells/as-of.ts). */
  const stalePolicy = () => ({ staleAfterDays: settings.staleAfterDays });

  const getClient = () => {
    client ??= createClient({
      baseUrl: settings.proxyUrl,
      ...(settings.token ? { token: settings.token } : {}),
      timeoutMs: settings.timeoutSeconds * 1000,
      fetch: diagnosingFetch,
    });
    return client;
  };

  return {
    settings: () => settings,
    errorContext: () => ({
      proxyUrl: settings.proxyUrl,
      timeoutSeconds: settings.timeoutSeconds,
      block: seenBlock?.proxyUrl === settings.proxyUrl ? seenBlock.block : null,
      ...(globalThis.location ? { origin: globalThis.location.origin } : {}),
    }),
    ready: () => gate,
    storeKind: async () => (await store).kind ?? 'custom',
    workbookStoreKind: async () => (await workbook).kind ?? 'custom',
    workbookDefaults: () => workbookDefaults(settings),
    client: getClient,
    cache,
    functions: createSearchFunctions({
      client: getClient,
      cache,
      stalePolicy,
      // The defaults a search takes (the stale-after days are the stalePolicy's, not a search option).
      defaults: () => ({
        language: settings.language,
        currency: settings.currency,
        quantity: settings.quantity,
      }),
      ready: () => gate,
      richCells: richCellCapabilities,
    }),
    offerCache,
    offers: createOfferFunctions({
      client: getClient,
      cache: offerCache,
      stalePolicy,
      ready: () => gate,
      richCells: richCellCapabilities,
      defaults: () => ({ language: settings.language, currency: settings.currency }),
    }),
    suppliers: createSupplierFunctions({
      client: getClient,
      cache,
      stalePolicy,
      ready: () => gate,
      richCells: richCellCapabilities,
    }),
    history: createHistoryFunctions({
      client: getClient,
      cache: offerCache,
      ready: () => gate,
      richCells: richCellCapabilities,
    }),
    landed: createLandedFunctions({
      client: getClient,
      cache: offerCache,
      ready: () => gate,
      richCells: richCellCapabilities,
    }),
    supplierOffers: createSupplierOffersFunctions({
      client: getClient,
      cache,
      ready: () => gate,
      richCells: richCellCapabilities,
      defaults: () => ({ language: settings.language, currency: settings.currency }),
    }),
    async update(changes) {
      await gate;
      const next = mergeSettings(settings, changes);
      const differs = (names: readonly SettingName[]) => names.some((name) => next[name] !== settings[name]);
      // Each table to its own store, and only when it changed: writing the workbook's settings marks the file
      // as changed, which a "Save" of the proxy URL must not do.
      if (differs(MACHINE_NAMES))
        await (await store).setItem(SETTINGS_KEY, storedMachineSettings(next, (await machineRaw) ?? null));
      if (differs(WORKBOOK_NAMES))
        await (await workbook).setItem(WORKBOOK_SETTINGS_KEY, storedSettings(next, WORKBOOK_NAMES));
      return apply(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
