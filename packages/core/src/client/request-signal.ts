/** The signal one proxy call runs under: the caller's, the client's timeout, or both. */
export interface RequestSignal {
  signal: AbortSignal | undefined;
  /** True when the client's own timeout (not the caller) ended the call. */
  timedOut(): boolean;
  /** Stops the fallback timer; a no-op where AbortSignal.timeout exists. */
  dispose(): void;
}

function timeoutSignal(ms: number): { signal: AbortSignal; dispose(): void } {
  if (typeof AbortSignal.timeout === 'function') return { signal: AbortSignal.timeout(ms), dispose() {} };
  // Older WebViews (Office on some Windows builds) lack AbortSignal.timeout.
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')),
    ms,
  );
  return { signal: controller.signal, dispose: () => clearTimeout(timer) };
}

function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

export function requestSignal(caller: AbortSignal | undefined, timeoutMs: number | undefined): RequestSignal {
  if (timeoutMs === undefined || timeoutMs <= 0)
    return { signal: caller, timedOut: () => false, dispose() {} };
  const timeout = timeoutSignal(timeoutMs);
  return {
    signal: caller ? anySignal([caller, timeout.signal]) : timeout.signal,
    timedOut: () => timeout.signal.aborted && !caller?.aborted,
    dispose: timeout.dispose,
  };
}
