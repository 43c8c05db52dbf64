import { createInFlightCoalescer } from '@yuantou/core';

// Many cells, few calls: a sheet with 100 `=SUPPLIERS(...)` cells over 10 distinct queries must send 10
// requests (issue 6). Identical calls in flight share one request through core's in-flight coalescer (the same
// one the proxy's single-flight uses: a shared request is aborted only once every cell waiting on it has been
// cancelled); results stay in memory for a TTL.

export interface QueryCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

export function abortError(): DOMException {
  return new DOMException('The search was cancelled.', 'AbortError');
}

export class QueryCache {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #results = new Map<string, { value: unknown; expiresAt: number }>();
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
   * caller's cancellation; `load` gets a signal that fires only when no caller is left.
   */
  get<T>(key: string, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    const cached = this.#results.get(key);
    if (cached && cached.expiresAt > this.#now()) return Promise.resolve(cached.value as T);
    if (cached) this.#results.delete(key);

    const shared = this.#inFlight.run(
      key,
      async (loadSignal) => {
        const value = await load(loadSignal);
        if (!loadSignal.aborted) this.#store(key, value);
        return value;
      },
      signal,
    );
    // Cells see one cancellation error whatever reason the caller's signal carried.
    return signal
      ? shared.catch((error: unknown) => Promise.reject(signal.aborted ? abortError() : error))
      : shared;
  }

  #store(key: string, value: unknown): void {
    this.#results.delete(key);
    this.#results.set(key, { value, expiresAt: this.#now() + this.#ttlMs });
    while (this.#results.size > this.#maxEntries) {
      const oldest = this.#results.keys().next().value;
      if (oldest === undefined) break;
      this.#results.delete(oldest);
    }
  }
}
