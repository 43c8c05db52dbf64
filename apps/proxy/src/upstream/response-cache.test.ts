import { makePage } from '@yuantou/core';
import { afterAll, describe, expect, it } from 'vitest';
import { connectTestRedis, describeWithRedis, uniquePrefix } from './__fixtures__/redis.js';
import {
  type CacheStore,
  cacheKey,
  createResponseCache,
  memoryCacheStore,
  redisCacheStore,
  stableJson,
  tieredCacheStore,
} from './response-cache.js';

const ttlSeconds = { searchSuppliers: 60, searchProducts: 30, searchProductsByImage: 10 };
const page = makePage([{ id: 'a' }], { page: 1, pageSize: 20, total: 1 });

describe('cacheKey', () => {
  it('is the same for the same query whatever the key order, and differs by provider/operation/query', () => {
    const a = cacheKey('tmapi', 'searchProducts', { keyword: 'dress', page: 1, filters: { b: 1, a: 2 } });
    const b = cacheKey('tmapi', 'searchProducts', {
      page: 1,
      filters: { a: 2, b: 1 },
      keyword: 'dress',
      x: undefined,
    });
    expect(a).toBe(b);
    expect(cacheKey('onebound', 'searchProducts', { keyword: 'dress', page: 1 })).not.toBe(
      cacheKey('tmapi', 'searchProducts', { keyword: 'dress', page: 1 }),
    );
    expect(cacheKey('tmapi', 'searchSuppliers', { keyword: 'dress' })).not.toBe(
      cacheKey('tmapi', 'searchProducts', { keyword: 'dress' }),
    );
    expect(cacheKey('tmapi', 'searchProducts', { keyword: 'dress', page: 2 })).not.toBe(
      cacheKey('tmapi', 'searchProducts', { keyword: 'dress', page: 1 }),
    );
  });

  it('never carries the keyword in clear', () => {
    expect(cacheKey('tmapi', 'searchProducts', { keyword: 'secret-sauce' })).not.toContain('secret');
  });

  it('stableJson sorts keys at every depth', () => {
    expect(stableJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
});

function cacheOver(store: CacheStore) {
  let time = 1_000_000;
  const cache = createResponseCache({ store, ttlSeconds, staleSeconds: 20, now: () => time });
  const advance = (ms: number) => {
    time += ms;
  };
  return { cache, advance };
}

async function freshThenStaleThenGone(store: CacheStore) {
  const { cache, advance } = cacheOver(store);
  const key = cacheKey('tmapi', 'searchProducts', { keyword: `k-${Math.random()}` });
  expect(await cache.lookup(key, 'searchProducts')).toBeUndefined();
  await cache.store(key, 'searchProducts', page);
  expect(await cache.lookup(key, 'searchProducts')).toMatchObject({ freshness: 'fresh', entry: { page } });
  advance(30_000);
  expect(await cache.lookup(key, 'searchProducts')).toMatchObject({ freshness: 'stale', entry: { page } });
  advance(20_000);
  expect(await cache.lookup(key, 'searchProducts')).toBeUndefined();
}

describe('createResponseCache (memory)', () => {
  it('is fresh within the operation TTL, stale within staleSeconds after, then gone', async () => {
    await freshThenStaleThenGone(memoryCacheStore(1_000_000));
  });

  it('is bounded by bytes: the least recently used entries go, whatever the number of entries', async () => {
    const entryBytes = (JSON.stringify({ page, storedAt: 0, expiresAt: 0 }).length + 1) * 2;
    const store = memoryCacheStore(entryBytes * 10);
    const { cache } = cacheOver(store);
    for (let i = 0; i < 200; i++) await cache.store(`k${i}`, 'searchSuppliers', page);
    expect(store.sizeBytes).toBeLessThanOrEqual(entryBytes * 10);
    expect(store.sizeBytes).toBeGreaterThan(entryBytes * 5);
    expect(await cache.lookup('k0', 'searchSuppliers')).toBeUndefined();
    expect(await cache.lookup('k199', 'searchSuppliers')).toMatchObject({ entry: { page } });
  });

  it('weighs a big page more than a small one', async () => {
    const big = {
      ...page,
      items: Array.from({ length: 100 }, (_, i) => ({ id: `item-${i}`, title: '玩具'.repeat(40) })),
    };
    const store = memoryCacheStore(200_000);
    const { cache } = cacheOver(store);
    await cache.store('small', 'searchSuppliers', page);
    const small = store.sizeBytes;
    await cache.store('big', 'searchSuppliers', big);
    expect(store.sizeBytes - small).toBeGreaterThan(small * 20);
  });
});

describeWithRedis('createResponseCache (Redis)', () => {
  const redis = connectTestRedis();
  afterAll(() => redis.quit());

  it('is fresh, then stale, then gone, with the page intact as JSON', async () => {
    await freshThenStaleThenGone(redisCacheStore(redis, uniquePrefix('cache')));
  });

  it('sets a PX expiry of TTL + stale window so Redis drops entries on its own', async () => {
    const prefix = uniquePrefix('cache');
    const { cache } = cacheOver(redisCacheStore(redis, prefix));
    await cache.store('k', 'searchProductsByImage', page);
    // The key is hash-tagged (`{k}`) so that in a Cluster it shares a slot with its single-flight lease.
    const pttl = await redis.pttl(`${prefix}{k}`);
    expect(pttl).toBeGreaterThan(29_000);
    expect(pttl).toBeLessThanOrEqual(30_000);
  });
});

describe('tieredCacheStore', () => {
  const failing: CacheStore = {
    get: async () => {
      throw new Error('redis down');
    },
    set: async () => {
      throw new Error('redis down');
    },
  };

  it('keeps serving what this instance holds while the shared tier fails, and reports each failure', async () => {
    const errors: unknown[] = [];
    const store = tieredCacheStore(memoryCacheStore(1_000_000), failing, (e) => errors.push(e));
    const { cache } = cacheOver(store);
    await cache.store('k', 'searchSuppliers', page);
    expect(await cache.lookup('k', 'searchSuppliers')).toMatchObject({ freshness: 'fresh', entry: { page } });
    expect(await cache.lookup('other', 'searchSuppliers')).toBeUndefined();
    expect(errors).toHaveLength(2);
  });

  it('copies a shared hit into memory, so it survives a later outage', async () => {
    const shared = memoryCacheStore(1_000_000);
    let down = false;
    const flaky: CacheStore = {
      get: (key) => (down ? failing.get(key) : shared.get(key)),
      set: (key, entry, ttl) => shared.set(key, entry, ttl),
    };
    await shared.set('k', { page, storedAt: Date.now(), expiresAt: Date.now() + 60_000 }, 60_000);
    const reader = tieredCacheStore(memoryCacheStore(1_000_000), flaky, () => {});
    expect(await reader.get('k')).toBeDefined();
    down = true;
    expect(await reader.get('k')).toMatchObject({ page });
  });
});
