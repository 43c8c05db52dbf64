// Proxy URL and token, shared by the custom functions and the pane. In Excel they live in
// OfficeRuntime.storage (the shared runtime's store, kept across sessions); in a plain browser ("preview
// mode") in localStorage. The token is only ever sent to the proxy, in a header.

export interface AddinSettings {
  proxyUrl: string;
  token: string;
}

export const DEFAULT_PROXY_URL = 'http://127.0.0.1:8787';
const KEY = 'yuantou.settings';

/** The async key/value store both OfficeRuntime.storage and our localStorage adapter satisfy. */
export interface KeyValueStore {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

export function localStorageStore(storage: Storage): KeyValueStore {
  return {
    getItem: async (key) => storage.getItem(key),
    setItem: async (key, value) => storage.setItem(key, value),
  };
}

/** OfficeRuntime.storage when the add-in runs in Excel, else localStorage, else memory (tests, Node). */
export function defaultStore(): KeyValueStore {
  const office = (globalThis as { OfficeRuntime?: { storage?: KeyValueStore } }).OfficeRuntime;
  if (office?.storage) return office.storage;
  if (typeof localStorage !== 'undefined') return localStorageStore(localStorage);
  const memory = new Map<string, string>();
  return { getItem: async (k) => memory.get(k) ?? null, setItem: async (k, v) => void memory.set(k, v) };
}

/** `http://host:8787/` → `http://host:8787`; anything that is not an http(s) URL is rejected. */
export function normalizeProxyUrl(text: string): string {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`"${trimmed}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error('the proxy URL must start with http(s)://');
  return url.href.replace(/\/+$/, '');
}

export async function loadSettings(store: KeyValueStore): Promise<AddinSettings> {
  const fallback = { proxyUrl: DEFAULT_PROXY_URL, token: '' };
  try {
    const raw = await store.getItem(KEY);
    if (!raw) return fallback;
    const saved = JSON.parse(raw) as Partial<AddinSettings>;
    return {
      proxyUrl: typeof saved.proxyUrl === 'string' ? normalizeProxyUrl(saved.proxyUrl) : DEFAULT_PROXY_URL,
      token: typeof saved.token === 'string' ? saved.token : '',
    };
  } catch {
    return fallback;
  }
}

export async function saveSettings(store: KeyValueStore, settings: AddinSettings): Promise<AddinSettings> {
  const clean = { proxyUrl: normalizeProxyUrl(settings.proxyUrl), token: settings.token.trim() };
  await store.setItem(KEY, JSON.stringify(clean));
  return clean;
}
