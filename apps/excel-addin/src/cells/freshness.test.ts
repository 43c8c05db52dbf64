import { describe, expect, it } from 'vitest';
import { durationSeconds, maxAgeOption, RECALC_MAX_AGE_SECONDS, RefreshSwitch } from './freshness.js';
import { InputError } from './input-error.js';
import { QueryCache } from './query-cache.js';

describe('the maxage option', () => {
  it.each([
    ['1d', 86_400],
    ['6h', 21_600],
    ['30m', 1_800],
    ['90s', 90],
    ['2w', 1_209_600],
    ['3600', 3_600],
    [' 1.5h ', 5_400],
    ['0', 0],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds);
  });

  it('refuses what is not an age, naming the option as written', () => {
    for (const text of ['', 'soon', '1y', '-1d', '1 day'])
      expect(durationSeconds(text), text).toBeUndefined();
    expect(() => maxAgeOption({ written: 'max_age', key: 'maxAge', value: 'soon' })).toThrow(
      new InputError(
        'max_age',
        'option "max_age": "soon" is not an age such as 1d, 6h, 30m or a number of seconds',
      ),
    );
    expect(maxAgeOption({ written: 'maxage', key: 'maxAge', value: '1d' })).toBe(86_400);
  });
});

describe('RefreshSwitch', () => {
  it('asks "any age" normally, the formula’s own maxage when it has one, and 0 inside a refresh', () => {
    const refresh = new RefreshSwitch();
    expect(refresh.ask(undefined)).toEqual({ maxAgeSeconds: RECALC_MAX_AGE_SECONDS });
    expect(refresh.ask(3600)).toEqual({ maxAgeSeconds: 3600 });
    const run = refresh.begin();
    expect(refresh.ask(undefined)).toEqual({ maxAgeSeconds: 0, refresh: run.refresh });
    expect(refresh.ask(3600)).toEqual({ maxAgeSeconds: 0, refresh: run.refresh });
    run.end();
    expect(refresh.ask(undefined)).toEqual({ maxAgeSeconds: RECALC_MAX_AGE_SECONDS });
  });

  it('counts the evaluations of an open refresh and settles once they are done and quiet', async () => {
    const refresh = new RefreshSwitch();
    const outside = refresh.track(async () => 'before');
    const run = refresh.begin();
    let finish: (v: string) => void = () => {};
    const slow = refresh.track(() => new Promise<string>((resolve) => (finish = resolve)));
    const failing = refresh.track(async () => Promise.reject(new Error('no'))).catch(() => 'failed');
    await failing;
    expect(run.progress()).toEqual({ started: 2, finished: 1 });
    let settled = false;
    const done = run.settled({ quietMs: 20 }).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 60));
    expect(settled).toBe(false);
    finish('after');
    await done;
    expect(run.progress()).toEqual({ started: 2, finished: 2 });
    expect(await outside).toBe('before');
    expect(await slow).toBe('after');
  });
});

describe('QueryCache in a refresh', () => {
  it('loads once per refresh for identical lookups, and the refreshed answer serves ordinary lookups after', async () => {
    const cache = new QueryCache({ ttlMs: 60_000, maxEntries: 10 });
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get('k', load)).toBe('v1');
    expect(await cache.get('k', load)).toBe('v1');
    // Refresh 1: a new load, shared by every cell that asks it in this refresh.
    const asked = await Promise.all([1, 2, 3].map(() => cache.get('k', load, undefined, { refresh: 1 })));
    expect(asked).toEqual(['v2', 'v2', 'v2']);
    expect(await cache.get('k', load, undefined, { refresh: 1 })).toBe('v2');
    // After it, ordinary recalculation sees the refreshed answer without loading.
    expect(await cache.get('k', load)).toBe('v2');
    // A later refresh loads again.
    expect(await cache.get('k', load, undefined, { refresh: 2 })).toBe('v3');
    expect(loads).toBe(3);
  });

  it('serves a remembered answer only while it is younger than the lookup’s maxAgeMs', async () => {
    let now = 0;
    const cache = new QueryCache({ ttlMs: 600_000, maxEntries: 10, now: () => now });
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get('k', load, undefined, { maxAgeMs: 1000 })).toBe('v1');
    now = 1000;
    expect(await cache.get('k', load, undefined, { maxAgeMs: 1000 })).toBe('v1');
    now = 1001;
    expect(await cache.get('k', load, undefined, { maxAgeMs: 1000 })).toBe('v2');
  });

  it('an ordinary load that ends after a refresh does not put its older answer back', async () => {
    const cache = new QueryCache({ ttlMs: 60_000, maxEntries: 10 });
    let release: (v: string) => void = () => {};
    const slow = cache.get('k', () => new Promise<string>((resolve) => (release = resolve)));
    expect(await cache.get('k', async () => 'fresh', undefined, { refresh: 1 })).toBe('fresh');
    release('old');
    expect(await slow).toBe('old');
    expect(await cache.get('k', async () => 'loaded again')).toBe('fresh');
  });
});
