import { createHash } from 'node:crypto';
import type { ProviderId } from '@yuantou/core';
import { LRUCache } from 'lru-cache';
import { hashTag, type RedisClient } from '../redis-client.js';

/** Names the gateway's operations without importing the gateway (searches and `getOffer`). */
type Operation = string;

export interface CachedPage {
  /** What the adapter parsed: a search page, or an offer for `getOffer`. */
  page: unknown;
  /** Epoch ms when the page came from the provider. */
  storedAt: number;
  /** Epoch ms after which the entry is of no use (fresh and stale windows both over). */
  expiresAt?: number;
}

/** Where pages live: in-process memory by default, Redis (behind a memory tier) when instances share a cache. */
export interface CacheStore {
  get(key: string): Promise<CachedPage | undefined>;
  set(key: string, entry: CachedPage, ttlMs: number): Promise<void>;
}

export interface MemoryCacheStore extends CacheStore {
  /** What the held entries weigh, by the same measure as the bound. */
  readonly sizeBytes: number;
}

/**
 * An LRU bounded by bytes, not entries: a page of 100 products and a page of 2 weigh very differently, and an
 * entry count let 20,000 distinct keywords grow the process from 110 to 790 MB. Entries are held as their JSON
 * text and weighed at two bytes per UTF-16 code unit (V8's worst case), so the bound is what they really hold.
 */
export function memoryCacheStore(maxBytes: number): MemoryCacheStore {
  const lru = new LRUCache<string, string>({
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (text, key) => Math.max(1, (text.length + key.length) * 2),
  });
  return {
    async get(key) {
      const text = lru.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as CachedPage);
    },
    async set(key, entry, ttlMs) {
      // An entry larger than the whole bound is not kept (lru-cache refuses it rather than evicting everything).
      lru.set(key, JSON.stringify(entry), { ttl: Math.max(1, ttlMs) });
    },
    get sizeBytes() {
      return lru.calculatedSize;
    },
  };
}

/** The cache key is hash-tagged like the single-flight lease (`redisLock`): one request's keys share a slot. */
export function redisCacheStore(redis: RedisClient, prefix = 'yuantou:cache:'): CacheStore {
  return {
    async get(key) {
      const raw = await redis.get(`${prefix}${hashTag(key)}`);
      return raw === null ? undefined : (JSON.parse(raw) as CachedPage);
    },
    async set(key, entry, ttlMs) {
      await redis.set(`${prefix}${hashTag(key)}`, JSON.stringify(entry), 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
  };
}

/**
 * This instance's memory in front of the shared Redis cache: hits this instance has seen (or fetched) never
 * need Redis, so while Redis is down they keep being served instead of turning into paid calls. A Redis failure
 * is reported and read as a miss; writes go to both tiers.
 */
export function tieredCacheStore(
  local: CacheStore,
  shared: CacheStore,
  onSharedError: (error: unknown) => void,
  now: () => number = Date.now,
): CacheStore {
  return {
    async get(key) {
      const mine = await local.get(key);
      if (mine) return mine;
      try {
        const found = await shared.get(key);
        const ttlMs = found?.expiresAt === undefined ? 0 : found.expiresAt - now();
        if (found && ttlMs > 0) await local.set(key, found, ttlMs);
        return found;
      } catch (error) {
        onSharedError(error);
        return undefined;
      }
    },
    async set(key, entry, ttlMs) {
      await local.set(key, entry, ttlMs);
      await shared.set(key, entry, ttlMs).catch(onSharedError);
    },
  };
}

/** JSON with keys sorted at every depth and `undefined` dropped, so equal queries give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * provider + operation + a hash of the mapped provider parameters (`operation.map(query).params`): what would be
 * sent, so queries that differ only in what the provider ignores or clamps share one entry. Credentials never
 * enter the key; hashing keeps keywords out of Redis key names and bounds the size of image bodies (base64).
 */
export function cacheKey(provider: ProviderId, operation: Operation, params: unknown): string {
  const digest = createHash('sha256').update(stableJson(params)).digest('base64url');
  return `${provider}:${operation}:${digest}`;
}

export type Freshness = 'fresh' | 'stale';

export interface ResponseCacheOptions {
  store: CacheStore;
  /** Fresh lifetime per operation; an operation left out is never cached. */
  ttlSeconds: Partial<Record<Operation, number>>;
  staleSeconds: number;
  now?: () => number;
}

export interface CacheLookup {
  entry: CachedPage;
  freshness: Freshness;
}

/** TTL per operation plus a stale-while-revalidate window; only successful pages are ever stored. */
export interface ResponseCache {
  lookup(key: string, operation: Operation): Promise<CacheLookup | undefined>;
  /** `storedAt`: when the provider answered (default now); an answer from the database keeps its time. */
  store(key: string, operation: Operation, page: unknown, storedAt?: number): Promise<void>;
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const now = options.now ?? Date.now;
  const staleMs = Math.max(0, options.staleSeconds) * 1000;
  const freshMs = (operation: Operation) => Math.max(0, options.ttlSeconds[operation] ?? 0) * 1000;

  return {
    async lookup(key, operation) {
      const entry = await options.store.get(key);
      if (!entry) return undefined;
      const age = now() - entry.storedAt;
      if (age < freshMs(operation)) return { entry, freshness: 'fresh' };
      if (age < freshMs(operation) + staleMs) return { entry, freshness: 'stale' };
      return undefined;
    },
    async store(key, operation, page, storedAt = now()) {
      const expiresAt = storedAt + freshMs(operation) + staleMs;
      const ttlMs = expiresAt - now();
      if (ttlMs <= 0) return;
      await options.store.set(key, { page, storedAt, expiresAt }, ttlMs);
    },
  };
}
