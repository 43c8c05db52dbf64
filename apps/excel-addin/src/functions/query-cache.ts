// Many cells, few calls: a sheet with 100 `=SUPPLIERS(...)` cells over 10 distinct queries must send 10
// requests (issue 6). Identical calls in flight share one request, results stay in memory for a TTL, and a
// shared request is aborted only once every cell waiting on it has been cancelled — one cell being
// recalculated must not break the others. Hand-written because no small library aborts by reference count
// (lru-cache's fetch aborts the shared fetch as soon as any caller's signal fires).

export interface QueryCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

interface InFlight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiting: number;
}

export function abortError(): DOMException {
  return new DOMException('The search was cancelled.', 'AbortError');
}

export class QueryCache {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #results = new Map<string, { value: unknown; expiresAt: number }>();
  readonly #inFlight = new Map<string, InFlight<unknown>>();

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

    let flight = this.#inFlight.get(key) as InFlight<T> | undefined;
    if (!flight) flight = this.#start(key, load);
    flight.waiting += 1;
    return signal ? this.#follow(key, flight, signal) : flight.promise;
  }

  #start<T>(key: string, load: (signal: AbortSignal) => Promise<T>): InFlight<T> {
    const controller = new AbortController();
    const flight: InFlight<T> = { controller, waiting: 0, promise: Promise.resolve() as Promise<T> };
    flight.promise = (async () => {
      try {
        const value = await load(controller.signal);
        if (!controller.signal.aborted) this.#store(key, value);
        return value;
      } finally {
        if (this.#inFlight.get(key) === flight) this.#inFlight.delete(key);
      }
    })();
    // A cancelled call may reject with nobody listening; that is expected, not an unhandled rejection.
    flight.promise.catch(() => {});
    this.#inFlight.set(key, flight as InFlight<unknown>);
    return flight;
  }

  #follow<T>(key: string, flight: InFlight<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        flight.waiting -= 1;
        if (flight.waiting === 0) {
          if (this.#inFlight.get(key) === flight) this.#inFlight.delete(key);
          flight.controller.abort(abortError());
        }
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
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
