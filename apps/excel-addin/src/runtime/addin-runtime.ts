import { createClient, type ProxyClient } from '@yuantou/core';
import { QueryCache } from '../functions/query-cache.js';
import { createSearchFunctions, type SearchFunctions } from '../functions/search-functions.js';
import {
  type AddinSettings,
  DEFAULT_PROXY_URL,
  type KeyValueStore,
  loadSettings,
  saveSettings,
} from './settings-store.js';

// The one object the shared runtime holds: settings, the proxy client, the query cache and the search
// functions. The custom functions and the task pane run in the same page (manifest <Runtime lifetime="long">),
// so a proxy URL saved in the pane is what the next =SUPPLIERS recalculation uses, and both share the cache.

export interface AddinRuntimeOptions {
  store: KeyValueStore;
  /** How long identical cell queries are answered from memory. */
  cacheTtlMs?: number;
  fetch?: typeof globalThis.fetch;
}

export interface AddinRuntime {
  settings(): AddinSettings;
  client(): ProxyClient;
  cache: QueryCache;
  functions: SearchFunctions;
  /** Loads saved settings; call once at start-up. */
  load(): Promise<AddinSettings>;
  update(settings: AddinSettings): Promise<AddinSettings>;
}

export const DEFAULT_CACHE_TTL_MS = 10 * 60 * 1000;

export function createAddinRuntime(options: AddinRuntimeOptions): AddinRuntime {
  let settings: AddinSettings = { proxyUrl: DEFAULT_PROXY_URL, token: '' };
  let client: ProxyClient | undefined;
  const cache = new QueryCache({ ttlMs: options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS, maxEntries: 500 });

  const makeClient = () =>
    createClient({
      baseUrl: settings.proxyUrl,
      ...(settings.token ? { token: settings.token } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });

  const getClient = () => {
    client ??= makeClient();
    return client;
  };

  const apply = (next: AddinSettings) => {
    const changed = next.proxyUrl !== settings.proxyUrl || next.token !== settings.token;
    settings = next;
    if (changed) {
      client = undefined;
      // Results from another proxy (or another token's view of it) must not answer the next recalculation.
      cache.clear();
    }
    return settings;
  };

  return {
    settings: () => settings,
    client: getClient,
    cache,
    functions: createSearchFunctions({
      client: getClient,
      cache,
      defaults: () => ({ language: settings.language, currency: settings.currency }),
    }),
    load: async () => apply(await loadSettings(options.store)),
    update: async (next) => apply(await saveSettings(options.store, next)),
  };
}
