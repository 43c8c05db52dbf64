import { ProviderError } from '@yuantou/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProviderCircuit } from './circuit-breaker.js';
import { shouldRetry } from './retry-policy.js';

const failing = (kind: 'upstream' | 'timeout' | 'bad_request' | 'auth' | 'quota') => async () => {
  throw new ProviderError({ provider: 'tmapi', kind, message: kind });
};
const ok = async () => 'ok';

afterEach(() => {
  vi.useRealTimers();
});

describe('createProviderCircuit', () => {
  it('opens after the threshold of consecutive upstream/timeout failures and then fails fast', async () => {
    const states: string[] = [];
    const circuit = createProviderCircuit('tmapi', { failureThreshold: 3, resetAfterMs: 30_000 }, (s) =>
      states.push(s),
    );
    await expect(circuit.execute(failing('upstream'))).rejects.toMatchObject({ message: 'upstream' });
    await expect(circuit.execute(failing('timeout'))).rejects.toMatchObject({ message: 'timeout' });
    expect(circuit.state).toBe('closed');
    await expect(circuit.execute(failing('upstream'))).rejects.toMatchObject({ message: 'upstream' });
    expect(circuit.state).toBe('open');
    expect(states).toEqual(['open']);

    let called = false;
    const error = await circuit
      .execute(async () => {
        called = true;
      })
      .catch((e) => e);
    expect(called).toBe(false);
    expect(error).toMatchObject({
      kind: 'upstream',
      provider: 'tmapi',
      message: 'tmapi is failing; paused for 30s',
    });
    expect(error.retryAfterMs).toBeGreaterThan(29_000);
    // The caller may come back later, but the retry loop must not spin on an open breaker.
    expect(error.retryable).toBe(true);
    expect(shouldRetry(error)).toBe(false);
  });

  it('does not count bad_request, auth or quota, and a success resets the count', async () => {
    const circuit = createProviderCircuit('onebound', { failureThreshold: 2, resetAfterMs: 1000 });
    for (const kind of ['bad_request', 'auth', 'quota'] as const) {
      await expect(circuit.execute(failing(kind))).rejects.toMatchObject({ kind });
    }
    await expect(circuit.execute(failing('upstream'))).rejects.toBeTruthy();
    await circuit.execute(ok);
    await expect(circuit.execute(failing('upstream'))).rejects.toBeTruthy();
    expect(circuit.state).toBe('closed');
  });

  it('half-opens after resetAfterMs, closes on a successful trial, re-opens on a failed one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const states: string[] = [];
    const circuit = createProviderCircuit('tmapi', { failureThreshold: 1, resetAfterMs: 5000 }, (s) =>
      states.push(s),
    );
    await expect(circuit.execute(failing('timeout'))).rejects.toBeTruthy();
    vi.advanceTimersByTime(2000);
    await expect(circuit.execute(ok)).rejects.toMatchObject({ message: 'tmapi is failing; paused for 3s' });

    vi.advanceTimersByTime(3001);
    await expect(circuit.execute(failing('upstream'))).rejects.toMatchObject({ message: 'upstream' });
    expect(circuit.state).toBe('open');

    vi.advanceTimersByTime(5001);
    await expect(circuit.execute(ok)).resolves.toBe('ok');
    expect(circuit.state).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });
});
