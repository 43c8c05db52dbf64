import { describe, expect, it } from 'vitest';
import { createInFlightCoalescer } from './in-flight.js';

/** Work whose calls and aborts are observable, settling when the test says so. */
function controllableWork() {
  const calls: { signal: AbortSignal; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const work = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { calls, work };
}

describe('createInFlightCoalescer', () => {
  it('runs identical concurrent calls once and gives every caller the value', async () => {
    const coalescer = createInFlightCoalescer();
    const { calls, work } = controllableWork();
    const results = Array.from({ length: 5 }, () => coalescer.run('k', work));
    expect(calls).toHaveLength(1);
    expect(coalescer.size).toBe(1);
    calls[0]!.resolve('v');
    expect(await Promise.all(results)).toEqual(['v', 'v', 'v', 'v', 'v']);
    expect(coalescer.size).toBe(0);
  });

  it('keeps different keys apart and starts again once a call has settled', async () => {
    const coalescer = createInFlightCoalescer();
    const { calls, work } = controllableWork();
    const a = coalescer.run('a', work);
    const b = coalescer.run('b', work);
    expect(calls).toHaveLength(2);
    calls[0]!.resolve('A');
    calls[1]!.reject(new Error('B failed'));
    expect(await a).toBe('A');
    await expect(b).rejects.toThrow('B failed');
    void coalescer.run('a', work);
    expect(calls).toHaveLength(3);
  });

  it('aborts the shared work only when every caller has cancelled, with the caller’s reason', async () => {
    const coalescer = createInFlightCoalescer();
    const { calls, work } = controllableWork();
    const first = new AbortController();
    const second = new AbortController();
    const a = coalescer.run('k', work, first.signal);
    const b = coalescer.run('k', work, second.signal);
    first.abort(new Error('cell recalculated'));
    await expect(a).rejects.toThrow('cell recalculated');
    expect(calls[0]!.signal.aborted).toBe(false);
    second.abort(new Error('pane closed'));
    await expect(b).rejects.toThrow('pane closed');
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(coalescer.size).toBe(0);
  });

  it('lets the remaining caller get the value after another cancelled', async () => {
    const coalescer = createInFlightCoalescer();
    const { calls, work } = controllableWork();
    const cancelled = new AbortController();
    const a = coalescer.run('k', work, cancelled.signal);
    const b = coalescer.run('k', work, new AbortController().signal);
    cancelled.abort();
    calls[0]!.resolve('v');
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect(await b).toBe('v');
  });

  it('a caller without a signal keeps the shared work alive', async () => {
    const coalescer = createInFlightCoalescer();
    const { calls, work } = controllableWork();
    const withSignal = new AbortController();
    const a = coalescer.run('k', work, withSignal.signal);
    const b = coalescer.run('k', work);
    withSignal.abort();
    await expect(a).rejects.toBeDefined();
    expect(calls[0]!.signal.aborted).toBe(false);
    calls[0]!.resolve('still wanted');
    expect(await b).toBe('still wanted');
  });

  it('starts a fresh call after a fully cancelled one and rejects an already-aborted caller at once', async () => {
    const coalescer = createInFlightCoalescer();
    const { calls, work } = controllableWork();
    const c = new AbortController();
    const a = coalescer.run('k', work, c.signal);
    c.abort();
    await expect(a).rejects.toBeDefined();
    await expect(coalescer.run('k', work, c.signal)).rejects.toBeDefined();
    expect(calls).toHaveLength(1);
    const b = coalescer.run('k', work);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('again');
    expect(await b).toBe('again');
  });
});
