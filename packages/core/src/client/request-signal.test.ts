import { afterEach, describe, expect, it } from 'vitest';
import { requestSignal } from './request-signal.js';

const statics = AbortSignal as unknown as Record<'any' | 'timeout', unknown>;
const original = { any: statics.any, timeout: statics.timeout };

afterEach(() => {
  statics.any = original.any;
  statics.timeout = original.timeout;
});

const aborted = (signal: AbortSignal) =>
  new Promise<unknown>((resolve) => signal.addEventListener('abort', () => resolve(signal.reason)));

describe.each([
  ['with AbortSignal.any and AbortSignal.timeout', false],
  ['without them (older WebViews)', true],
])('requestSignal %s', (_name, removeStatics) => {
  const setup = () => {
    if (removeStatics) {
      statics.any = undefined;
      statics.timeout = undefined;
    }
  };

  it('passes the caller signal through untouched when there is no timeout', () => {
    setup();
    const caller = new AbortController().signal;
    expect(requestSignal(caller, undefined).signal).toBe(caller);
  });

  it('aborts with a TimeoutError after timeoutMs and says it timed out', async () => {
    setup();
    const caller = new AbortController();
    const { signal, timedOut, dispose } = requestSignal(caller.signal, 10);
    const reason = await aborted(signal!);
    expect((reason as Error).name).toBe('TimeoutError');
    expect(timedOut()).toBe(true);
    expect(caller.signal.aborted).toBe(false);
    dispose();
  });

  it("follows the caller's abort, which is not a timeout", async () => {
    setup();
    const caller = new AbortController();
    const { signal, timedOut, dispose } = requestSignal(caller.signal, 5_000);
    const reason = aborted(signal!);
    caller.abort();
    expect(((await reason) as Error).name).toBe('AbortError');
    expect(timedOut()).toBe(false);
    dispose();
  });
});
