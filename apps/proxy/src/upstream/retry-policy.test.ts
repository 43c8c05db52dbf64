import { ProviderError } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  markLocalRefusal,
  markNotRepeated,
  shouldRetry,
  withRetries,
} from './retry-policy.js';

const options = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };
const upstream = (init: Partial<ConstructorParameters<typeof ProviderError>[0]> = {}) =>
  new ProviderError({ provider: 'tmapi', kind: 'upstream', message: 'retrieval failed', ...init });

function recorder() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('backoffDelayMs', () => {
  it('grows exponentially under full jitter and is capped by maxDelayMs', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, upstream(), options, top))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(backoffDelayMs(3, upstream(), options, () => 0)).toBe(0);
    expect(backoffDelayMs(3, upstream(), options, () => 0.5)).toBe(200);
  });

  it('honours the provider retryAfterMs as given (the deadline, not a cap, decides whether to wait it out)', () => {
    expect(backoffDelayMs(1, upstream({ retryAfterMs: 700 }), options, () => 0)).toBe(700);
    expect(backoffDelayMs(1, upstream({ retryAfterMs: 30_000 }), options, () => 0)).toBe(30_000);
  });
});

describe('withRetries', () => {
  it('stops exactly at maxAttempts and throws the last error', async () => {
    const { delays, sleep } = recorder();
    let calls = 0;
    const error = await withRetries(
      async (attempt) => {
        calls++;
        throw upstream({ message: `attempt ${attempt}` });
      },
      options,
      { sleep, random: () => 0.5 },
    ).catch((e) => e);
    expect(calls).toBe(4);
    expect(error.message).toBe('attempt 4');
    expect(delays).toEqual([50, 100, 200]);
  });

  it('returns the first success', async () => {
    const { sleep } = recorder();
    let calls = 0;
    const value = await withRetries(
      async () => {
        if (++calls < 3) throw upstream();
        return 'page';
      },
      options,
      { sleep },
    );
    expect(value).toBe('page');
    expect(calls).toBe(3);
  });

  it.each([
    ['bad_request', {}],
    ['auth', {}],
    ['quota', {}],
    ['invalid_response', {}],
    ['upstream', { retryable: false }],
  ] as const)('does not retry %s %o', async (kind, extra) => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw new ProviderError({ provider: 'tmapi', kind, message: kind, ...extra });
        },
        options,
        recorder(),
      ),
    ).rejects.toMatchObject({ kind });
    expect(calls).toBe(1);
  });

  it('does not retry errors that are not ProviderErrors, nor local refusals', async () => {
    expect(shouldRetry(new Error('boom'))).toBe(false);
    expect(shouldRetry(markLocalRefusal(upstream()))).toBe(false);
    expect(shouldRetry(upstream())).toBe(true);
  });

  it('waits the Retry-After the provider asked for', async () => {
    const { delays, sleep } = recorder();
    let calls = 0;
    await withRetries(
      async () => {
        if (++calls === 1)
          throw new ProviderError({
            provider: 'onebound',
            kind: 'rate_limited',
            message: '429',
            retryAfterMs: 300,
          });
        return 'ok';
      },
      options,
      { sleep, random: () => 0 },
    );
    expect(delays).toEqual([300]);
  });

  it('does not retry when waiting would pass the deadline, and throws the provider’s error at once', async () => {
    const { delays, sleep } = recorder();
    let calls = 0;
    const error = await withRetries(
      async () => {
        calls++;
        throw upstream({ kind: 'rate_limited', retryAfterMs: 120_000 });
      },
      options,
      { sleep, deadlineAt: Date.now() + 30_000 },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 120_000 });
    expect(calls).toBe(1);
    expect(delays).toEqual([]);
  });

  it('never repeats a call marked as possibly billed (a timeout after the provider took it)', async () => {
    let calls = 0;
    await expect(
      withRetries(async () => {
        calls++;
        throw markNotRepeated(upstream({ kind: 'timeout' }));
      }, options),
    ).rejects.toMatchObject({ kind: 'timeout' });
    expect(calls).toBe(1);
  });

  it('stops waiting when the caller aborts during backoff (real timer)', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    const error = await withRetries(
      async () => {
        throw upstream();
      },
      { maxAttempts: 3, baseDelayMs: 5000, maxDelayMs: 5000 },
      { signal: controller.signal, random: () => 0.99 },
    ).catch((e) => e);
    expect(error.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
