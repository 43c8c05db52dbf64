import { createInFlightCoalescer } from '@yuantou/core';

// Many cells, few calls: a sheet with 100 `=SUPPLIERS(...)` cells over 10 distinct queries must send 10
// requests (issue 6). Identical calls in flight share one request through core's in-flight coalescer (the same
// one the proxy's single-flight uses: a shared request is aborted only once every cell waiting on it has been
// cancelled); results stay in memory for a TTL.
// Freshness (issue 22, cells/freshness.ts): a lookup may say how old a remembered answer may be (`maxAgeMs`, a
// formula's `maxage` option) and which pane refresh it belongs to (`refresh`): in a refresh, only an answer
// loaded in that refresh (or a later one) is fresh enough, identical lookups of the refresh share one load, and
// its answer replaces the entry ordinary recalculation reads.

export interface QueryCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/** How fresh a remembered answer must be for one lookup (see cells/freshness.ts). */
export interface LookupAge {
  /** The most a remembered answer may have aged in memory (ms). */
  maxAgeMs?: number;
  /** The pane's open refresh: answers loaded before it are not fresh enough. */
  refresh?: number;
}

export function abortError(): DOMException {
  return new DOMException('The search was cancelled.', 'AbortError');
}

export class QueryCache {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #results = new Map<
    string,
    { value: unknown; storedAt: number; expiresAt: number; refresh: number }
  >();
  readonly #inFlight = createInFlightCoalescer();

  constructor(options: QueryCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries;
    this.#now = options.now ?? Date.now;
  }

  /** Calls in flight right now (distinct keys). */
  get pending(): number {
    return this.#inFlight.size;
  }

  clear(): void {
    this.#results.clear();
  }

  /**
   * The cached value for `key`, else the in-flight call's, else a new call of `load`. `signal` is this
   * caller's cancellation; `load` gets a signal that fires only when no caller is left. `age` says how fresh a
   * remembered answer must be.
   */
  get<T>(
    key: string,
    load: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
    age: LookupAge = {},
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    const now = this.#now();
    const cached = this.#results.get(key);
    if (cached && cached.expiresAt <= now) this.#results.delete(key);
    else if (
      cached &&
      (age.refresh === undefined || cached.refresh >= age.refresh) &&
      (age.maxAgeMs === undefined || now - cached.storedAt <= age.maxAgeMs)
    )
      return Promise.resolve(cached.value as T);

    // A refresh's load is its own: it never joins an ordinary load already in flight (that one may reuse an old
    // answer), and identical lookups of the same refresh share it.
    const flightKey = age.refresh === undefined ? key : `${key}\u0000refresh ${age.refresh}`;
    const shared = this.#inFlight.run(
      flightKey,
      async (loadSignal) => {
        const value = await load(loadSignal);
        if (!loadSignal.aborted) this.#store(key, value, age.refresh ?? 0);
        return value;
      },
      signal,
    );
    // Cells see one cancellation error whatever reason the caller's signal carried.
    return signal
      ? shared.catch((error: unknown) => Promise.reject(signal.aborted ? abortError() : error))
      : shared;
  }

  #store(key: string, value: unknown, refresh: number): void {
    const now = this.#now();
    const kept = this.#results.get(key);
    // An ordinary load that ends after a refresh's must not put the older answer back.
    if (kept && kept.expiresAt > now && kept.refresh > refresh) return;
    this.#results.delete(key);
    this.#results.set(key, { value, storedAt: now, expiresAt: now + this.#ttlMs, refresh });
    while (this.#results.size > this.#maxEntries) {
      const oldest = this.#results.keys().next().value;
      if (oldest === undefined) break;
      this.#results.delete(oldest);
    }
  }
}
