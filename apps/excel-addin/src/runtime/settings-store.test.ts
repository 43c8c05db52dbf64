import { describe, expect, it } from 'vitest';
import { defaultStore, loadSettings, saveSettings } from './settings-store.js';

describe('language and currency settings', () => {
  it('are saved with the others and read back', async () => {
    const store = defaultStore();
    const saved = await saveSettings(store, {
      proxyUrl: 'http://127.0.0.1:8787/',
      token: '',
      language: 'en',
      currency: ' usd ',
    });
    expect(saved).toEqual({ proxyUrl: 'http://127.0.0.1:8787', token: '', language: 'en', currency: 'USD' });
    expect(await loadSettings(store)).toEqual(saved);
  });

  it('refuse a currency that is not a code, and forget a language no longer known', async () => {
    const store = defaultStore();
    await expect(
      saveSettings(store, { proxyUrl: 'http://127.0.0.1:8787', token: '', currency: 'euros' }),
    ).rejects.toThrow(/not a currency code/);
    await store.setItem('yuantou.settings', JSON.stringify({ proxyUrl: 'http://x.test', language: 'xx' }));
    expect((await loadSettings(store)).language).toBeUndefined();
  });
});
