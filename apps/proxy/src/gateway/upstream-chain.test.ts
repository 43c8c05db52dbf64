import { ProviderError, type ProviderResponse } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { createTestAdapter, productQuery } from '../upstream/__fixtures__/test-adapter.js';
import type { ProviderPauses } from '../upstream/provider-pause.js';
import { createChainHarness } from './__fixtures__/gateway-harness.js';

// The order of UPSTREAM_CHAIN, locked by what it must guarantee: each test fails if two steps swap.

/** The answer to the n-th send; `pauses` lets a script act as another call would meanwhile. */
type Scripted = (n: number, pauses: ProviderPauses) => ProviderResponse;
const ok: ProviderResponse = { status: 200, body: JSON.stringify({ items: [{ id: 'a' }], total: 1 }) };
const status = (code: number, headers: Record<string, string> = {}): ProviderResponse => ({
  status: code,
  body: '{}',
  headers,
});

function callerWith(
  answer: Scripted,
  overrides: { dailyCalls?: number; failureThreshold?: number; deadlineMs?: number } = {},
) {
  const sent: number[] = [];
  const base = createTestAdapter('tmapi');
  const adapter = {
    ...base,
    respond: () => answer(sent.push(sent.length + 1), harness.pauses),
    // Like the real adapters: a body that is not JSON is `invalid_response`, never a bare SyntaxError.
    searchProducts: {
      ...base.searchProducts!,
      parseResponse: (response: ProviderResponse) => {
        try {
          return base.searchProducts!.parseResponse(response);
        } catch (error) {
          if (error instanceof SyntaxError) {
            throw new ProviderError({
              provider: 'tmapi',
              kind: 'invalid_response',
              status: 200,
              message: 'not JSON',
            });
          }
          throw error;
        }
      },
    },
  };
  const harness = createChainHarness({ provider: 'tmapi', adapter, ...overrides });
  const { caller, ledger, rateSlots } = harness;
  const call = (keyword = 'toy') =>
    caller.call('searchProducts', productQuery(keyword), new AbortController().signal);
  return { call, sent, rateSlots, ledger };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as ProviderError,
  );

describe('UPSTREAM_CHAIN order', () => {
  it('retry is outside the rate limit: every retry takes a rate-limit slot of its own', async () => {
    const { call, sent, rateSlots } = callerWith((n) => (n < 3 ? status(500) : ok));
    await call();
    expect(sent).toHaveLength(3);
    expect(rateSlots()).toBe(3);
  });

  it('retry is outside the pause: a pause set while a call backs off stops its retry before a rate-limit slot', async () => {
    const { call, sent, rateSlots } = callerWith((n, pauses) => {
      // Another call paused the provider while this one's first attempt was out.
      if (n === 1)
        void pauses.pause('tmapi', { kind: 'rate_limited', until: Date.now() + 60_000, reason: 'slow down' });
      return status(500);
    });
    const refused = await failure(call());
    expect(refused?.kind).toBe('rate_limited');
    expect(sent).toHaveLength(1);
    expect(rateSlots()).toBe(1);
  });

  it('an open breaker answers before any rate-limit slot is taken', async () => {
    const { call, sent, rateSlots } = callerWith(() => status(500), { failureThreshold: 2 });
    await failure(call('a'));
    const slotsWhenOpen = rateSlots();
    const sentWhenOpen = sent.length;
    const refused = await failure(call('b'));
    expect(refused?.message).toMatch(/is failing; paused/);
    expect(rateSlots()).toBe(slotsWhenOpen);
    expect(sent).toHaveLength(sentWhenOpen);
  });

  it('invalid_response answers count towards the breaker', async () => {
    const { call, sent } = callerWith(() => ({ status: 200, body: '{"items":' }), { failureThreshold: 2 });
    expect((await failure(call('a')))?.kind).toBe('invalid_response');
    expect((await failure(call('b')))?.kind).toBe('invalid_response');
    const refused = await failure(call('c'));
    expect(refused?.message).toMatch(/is failing; paused/);
    expect(sent).toHaveLength(2);
  });

  it('rate_limited answers do not count towards the breaker: the provider is up and said when to come back', async () => {
    // Issue 23: five 429s in a burst opened the breaker on a healthy provider. Retry-After: 0 sets no pause.
    const { call, sent } = callerWith(() => status(429, { 'retry-after': '0' }), { failureThreshold: 1 });
    const refused = await failure(call());
    expect(refused?.kind).toBe('rate_limited');
    expect(refused?.message).not.toMatch(/is failing/);
    expect(sent.length).toBeGreaterThan(1);
  });

  it('a paused provider answers before a rate-limit slot is taken, and the pause outlives the request', async () => {
    const { call, sent, rateSlots } = callerWith(() => status(429, { 'retry-after': '60' }));
    const first = await failure(call('a'));
    // Retry-After (60 s) is beyond the deadline (5 s): not retried inside the request.
    expect(first?.kind).toBe('rate_limited');
    expect(sent).toHaveLength(1);
    const slots = rateSlots();
    const second = await failure(call('b'));
    expect(second?.kind).toBe('rate_limited');
    expect(second?.retryAfterMs).toBeGreaterThan(55_000);
    expect(sent).toHaveLength(1);
    expect(rateSlots()).toBe(slots);
  });

  it('the daily budget is the last gate: it counts calls sent, and refuses the one past the budget', async () => {
    const { call, sent, ledger } = callerWith((n) => (n === 1 ? status(500) : ok), { dailyCalls: 3 });
    await call('a'); // 500, then ok: two paid calls
    await call('b'); // the third
    const refused = await failure(call('c'));
    expect(refused?.kind).toBe('quota');
    expect(refused?.message).toBe('tmapi daily budget of 3 calls spent; resets 00:00 UTC');
    expect(sent).toHaveLength(3);
    const [usage] = await ledger.report();
    expect(usage).toMatchObject({ callsToday: 3, dailyBudget: 3 });
    expect(usage?.exhaustedUntil).not.toBeNull();
  });

  it('one deadline for the whole call: retries stop when the next wait would pass it', async () => {
    const { call, sent } = callerWith(() => status(429, { 'retry-after': '2' }), { deadlineMs: 1500 });
    const refused = await failure(call());
    expect(refused?.kind).toBe('rate_limited');
    expect(sent).toHaveLength(1);
  });
});
