import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseStore, SETTINGS_KEY } from './settings-store.js';

// OfficeRuntime.storage once the host defined it; values an older build left in localStorage move over once.

function fakeLocalStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

function fakeOfficeStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: async (k: string) => data.get(k) ?? null,
    setItem: async (k: string, v: string) => void data.set(k, v),
    removeItem: async (k: string) => void data.delete(k),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('chooseStore', () => {
  it('uses OfficeRuntime.storage when the host has defined it', async () => {
    const office = fakeOfficeStorage();
    vi.stubGlobal('OfficeRuntime', { storage: office });
    vi.stubGlobal('localStorage', fakeLocalStorage());
    const store = await chooseStore();
    expect(store.kind).toBe('OfficeRuntime.storage');
    await store.setItem(SETTINGS_KEY, '{"token":"t"}');
    expect(office.data.get(SETTINGS_KEY)).toBe('{"token":"t"}');
  });

  it('moves a value found in localStorage once and removes the unprefixed copy', async () => {
    const local = fakeLocalStorage({ [SETTINGS_KEY]: '{"token":"old"}' });
    const office = fakeOfficeStorage();
    vi.stubGlobal('OfficeRuntime', { storage: office });
    vi.stubGlobal('localStorage', local);
    await chooseStore();
    expect(office.data.get(SETTINGS_KEY)).toBe('{"token":"old"}');
    expect(local.data.has(SETTINGS_KEY)).toBe(false);
  });

  it('never overwrites a value already in OfficeRuntime.storage with a stale localStorage one', async () => {
    const local = fakeLocalStorage({ [SETTINGS_KEY]: '{"token":"stale"}' });
    const office = fakeOfficeStorage({ [SETTINGS_KEY]: '{"token":"current"}' });
    vi.stubGlobal('OfficeRuntime', { storage: office });
    vi.stubGlobal('localStorage', local);
    await chooseStore();
    expect(office.data.get(SETTINGS_KEY)).toBe('{"token":"current"}');
    expect(local.data.has(SETTINGS_KEY)).toBe(false);
  });

  it('falls back to localStorage only without OfficeRuntime (preview), and to memory without either', async () => {
    vi.stubGlobal('localStorage', fakeLocalStorage());
    expect((await chooseStore()).kind).toBe('localStorage');
    vi.unstubAllGlobals();
    expect((await chooseStore()).kind).toBe('memory');
  });
});
