import { describe, expect, it } from 'vitest';
import { QueryCache } from './query-cache.js';

/** A load function whose calls and aborts are observable, resolving when the test says so. */
function controllableLoad() {
  const calls: { signal: AbortSignal; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const load = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { calls, load };
}

describe('QueryCache', () => {
  it('coalesces identical calls in flight into one load', async () => {
    const cache = new QueryCache({ ttlMs: 1000, maxEntries: 10 });
    const { calls, load } = controllableLoad();
    const results = Array.from({ length: 5 }, () => cache.get('k', load));
    expect(calls).toHaveLength(1);
    calls[0]!.resolve('v');
    expect(await Promise.all(results)).toEqual(['v', 'v', 'v', 'v', 'v']);
  });

  it('serves from memory within the TTL and loads again after it', async () => {
    let now = 0;
    const cache = new QueryCache({ ttlMs: 1000, maxEntries: 10, now: () => now });
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get('k', load)).toBe('v1');
    now = 999;
    expect(await cache.get('k', load)).toBe('v1');
    now = 1000;
    expect(await cache.get('k', load)).toBe('v2');
  });

  it('does not cache failures', async () => {
    const cache = new QueryCache({ ttlMs: 1000, maxEntries: 10 });
    let loads = 0;
    const load = async () => {
      loads += 1;
      if (loads === 1) throw new Error('down');
      return 'up';
    };
    await expect(cache.get('k', load)).rejects.toThrow('down');
    expect(await cache.get('k', load)).toBe('up');
  });

  it('evicts the oldest entry beyond maxEntries', async () => {
    const cache = new QueryCache({ ttlMs: 1000, maxEntries: 2 });
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load);
    expect(await cache.get('b', load)).toBe(2);
    expect(await cache.get('a', load)).toBe(4);
  });

  it('aborts the shared load only when every caller has cancelled', async () => {
    const cache = new QueryCache({ ttlMs: 1000, maxEntries: 10 });
    const { calls, load } = controllableLoad();
    const first = new AbortController();
    const second = new AbortController();
    const a = cache.get('k', load, first.signal);
    const b = cache.get('k', load, second.signal);
    first.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]!.signal.aborted).toBe(false);
    second.abort();
    await expect(b).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(cache.pending).toBe(0);
  });

  it('lets the remaining caller get the value after another cancelled', async () => {
    const cache = new QueryCache({ ttlMs: 1000, maxEntries: 10 });
    const { calls, load } = controllableLoad();
    const cancelled = new AbortController();
    const a = cache.get('k', load, cancelled.signal);
    const b = cache.get('k', load, new AbortController().signal);
    cancelled.abort();
    calls[0]!.resolve('v');
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect(await b).toBe('v');
  });

  it('starts a fresh load after a fully cancelled one', async () => {
    const cache = new QueryCache({ ttlMs: 1000, maxEntries: 10 });
    const { calls, load } = controllableLoad();
    const c = new AbortController();
    const a = cache.get('k', load, c.signal);
    c.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    const b = cache.get('k', load);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('again');
    expect(await b).toBe('again');
  });
});
