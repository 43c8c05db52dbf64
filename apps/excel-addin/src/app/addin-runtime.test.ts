import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PROXY_URL, DEFAULT_TIMEOUT_SECONDS } from '../runtime/settings.js';
import { type KeyValueStore, memoryStore, SETTINGS_KEY } from '../runtime/settings-store.js';
import { createAddinRuntime } from './addin-runtime.js';

// The settings gate: cells calculated while the saved settings are still being read wait for them, never
// hang, and see the pane's changes at once.

afterEach(() => vi.useRealTimers());

const savedStore = (saved: object): KeyValueStore => {
  const store = memoryStore();
  void store.setItem(SETTINGS_KEY, JSON.stringify(saved));
  return store;
};

/** Records which proxy URL and token each request carried. */
function recordingFetch() {
  const seen: { url: string; authorization: string | null }[] = [];
  const fetch = (async (input: string, init?: RequestInit) => {
    seen.push({ url: input, authorization: new Headers(init?.headers).get('authorization') });
    return new Response(
      JSON.stringify({
        items: [],
        page: 1,
        pageSize: 50,
        total: 0,
        hasNext: false,
        providers: [],
        sampleData: true,
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
  }) as typeof globalThis.fetch;
  return { seen, fetch };
}

describe('settings gate', () => {
  it('a cell calculated before the store is chosen waits and uses the saved proxy URL and token', async () => {
    let choose!: (store: KeyValueStore) => void;
    const { seen, fetch } = recordingFetch();
    const runtime = createAddinRuntime({
      store: new Promise((resolve) => {
        choose = resolve;
      }),
      fetch,
    });
    const cell = runtime.functions.suppliers('玩具厂', undefined, 3);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(0);
    choose(savedStore({ proxyUrl: 'http://10.0.0.7:9000/', token: 'saved-token-123456789' }));
    expect(await cell).toEqual([['no suppliers found']]);
    expect(seen).toEqual([
      {
        url: expect.stringMatching(/^http:\/\/10\.0\.0\.7:9000\/v1\/suppliers\?/),
        authorization: 'Bearer saved-token-123456789',
      },
    ]);
  });

  it('never hangs: a store that never answers gives defaults after the wait, and a late answer still applies', async () => {
    vi.useFakeTimers();
    let choose!: (store: KeyValueStore) => void;
    const runtime = createAddinRuntime({
      store: new Promise((resolve) => {
        choose = resolve;
      }),
      settingsWaitMs: 1_000,
    });
    const ready = runtime.ready();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await ready).toMatchObject({
      proxyUrl: DEFAULT_PROXY_URL,
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    });
    choose(savedStore({ proxyUrl: 'http://late:1' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(runtime.settings().proxyUrl).toBe('http://late:1');
  });

  it('a store that fails gives defaults at once', async () => {
    const runtime = createAddinRuntime({ store: Promise.reject(new Error('no storage')) });
    expect((await runtime.ready()).proxyUrl).toBe(DEFAULT_PROXY_URL);
    // …and saving still works (in memory) rather than throwing at the user.
    expect((await runtime.update({ token: 'x' })).token).toBe('x');
  });

  it('one unreadable field falls back alone; the others are kept', async () => {
    const runtime = createAddinRuntime({
      store: savedStore({ proxyUrl: 'ftp://nope', token: 'kept', timeoutSeconds: 12 }),
    });
    expect(await runtime.ready()).toEqual({
      proxyUrl: DEFAULT_PROXY_URL,
      token: 'kept',
      timeoutSeconds: 12,
      language: '',
      currency: '',
      quantity: '',
      staleAfterDays: 7,
      startDone: false,
    });
  });

  it('a change saved in the pane applies to the very next call, and is stored', async () => {
    const store = memoryStore();
    const { seen, fetch } = recordingFetch();
    const runtime = createAddinRuntime({ store, fetch });
    await runtime.functions.suppliers('玩具厂', undefined, 3);
    const heard: string[] = [];
    runtime.subscribe((s) => heard.push(s.proxyUrl));
    await runtime.update({ proxyUrl: 'http://other:8787', token: 'new-token' });
    await runtime.functions.suppliers('玩具厂', undefined, 3);
    expect(seen.map((s) => new URL(s.url).host)).toEqual(['127.0.0.1:8787', 'other:8787']);
    expect(seen[1]?.authorization).toBe('Bearer new-token');
    expect(heard).toEqual(['http://other:8787']);
    expect(JSON.parse((await store.getItem(SETTINGS_KEY))!)).toMatchObject({
      proxyUrl: 'http://other:8787',
      token: 'new-token',
    });
  });

  it('rejects a bad setting with a readable message and keeps the old one', async () => {
    const runtime = createAddinRuntime({ store: memoryStore() });
    await expect(runtime.update({ timeoutSeconds: '2' })).rejects.toThrow(/5 to 300/);
    await expect(runtime.update({ proxyUrl: 'localhost' })).rejects.toThrow(/not a URL|http/);
    expect(runtime.settings().timeoutSeconds).toBe(DEFAULT_TIMEOUT_SECONDS);
  });
});
