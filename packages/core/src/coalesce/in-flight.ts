// The one in-flight coalescer: identical concurrent calls share one `work`, and the shared work is aborted only
// once every caller waiting on it has cancelled — one Excel cell being recalculated, or one HTTP client going
// away, must not break the others. Browser-safe (AbortController only): the proxy's single-flight and the
// add-in's query cache both build on it. Hand-written because no small library aborts by reference count
// (lru-cache's fetch aborts the shared fetch as soon as any caller's signal fires).

/**
 * Shares one piece of async work between identical concurrent calls (same key), aborting it only once every
 * caller waiting on it has cancelled.
 */
export interface InFlightCoalescer {
  /**
   * Joins the call in flight for `key` or starts `work`. `signal` is this caller's cancellation: when it fires
   * the caller stops waiting at once (rejecting with the signal's reason); `work`'s own signal fires only when
   * no caller is left.
   */
  run<T>(key: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Distinct keys in flight right now. */
  readonly size: number;
}

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
}

/** Creates an empty {@link InFlightCoalescer}; keys are forgotten as soon as their work settles. */
export function createInFlightCoalescer(): InFlightCoalescer {
  const flights = new Map<string, Flight>();

  function start(key: string, work: (signal: AbortSignal) => Promise<unknown>): Flight {
    const controller = new AbortController();
    const flight: Flight = { controller, waiting: 0, promise: Promise.resolve() };
    flight.promise = (async () => {
      try {
        return await work(controller.signal);
      } finally {
        if (flights.get(key) === flight) flights.delete(key);
      }
    })();
    // A cancelled call may reject with nobody listening; that is expected, not an unhandled rejection.
    flight.promise.catch(() => {});
    flights.set(key, flight);
    return flight;
  }

  function follow<T>(key: string, flight: Flight, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        flight.waiting -= 1;
        if (flight.waiting === 0) {
          // The next caller for this key starts afresh instead of joining a call nobody wants.
          if (flights.get(key) === flight) flights.delete(key);
          flight.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value as T);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  return {
    run<T>(key: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const flight = flights.get(key) ?? start(key, work);
      flight.waiting += 1;
      return signal ? follow<T>(key, flight, signal) : (flight.promise as Promise<T>);
    },
    get size() {
      return flights.size;
    },
  };
}
