import { CurrencyCode, LANGUAGES, type Language } from '@yuantou/core';

// Proxy URL and token (plus the default output language and currency), shared by the custom functions and the pane. In Excel they live in
// OfficeRuntime.storage (the shared runtime's store, kept across sessions); in a plain browser ("preview
// mode") in localStorage. The token is only ever sent to the proxy, in a header.

export interface AddinSettings {
  proxyUrl: string;
  token: string;
  /** Output language for pane searches and for functions whose options do not set one; none = Chinese. */
  language?: Language;
  /** Prices also in this currency (ISO 4217) for pane searches and functions without `currency=`. */
  currency?: string;
}

/** A saved language that is still one the proxy knows, else none. */
function knownLanguage(value: unknown): Language | undefined {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
    ? (value as Language)
    : undefined;
}

/** Blank → none; a bad code is refused when saving (the pane shows the message). */
function currencySetting(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = CurrencyCode.safeParse(value);
  if (!parsed.success) throw new Error(`"${value.trim()}" is not a currency code such as USD, EUR or GBP`);
  return parsed.data;
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
      language: knownLanguage(saved.language),
      currency: (() => {
        try {
          return currencySetting(saved.currency);
        } catch {
          return undefined;
        }
      })(),
    };
  } catch {
    return fallback;
  }
}

export async function saveSettings(store: KeyValueStore, settings: AddinSettings): Promise<AddinSettings> {
  const clean: AddinSettings = {
    proxyUrl: normalizeProxyUrl(settings.proxyUrl),
    token: settings.token.trim(),
    language: knownLanguage(settings.language),
    currency: currencySetting(settings.currency),
  };
  await store.setItem(KEY, JSON.stringify(clean));
  return clean;
}
