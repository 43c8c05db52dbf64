import type { ErrorKind, Offer, ProviderId } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { type Asked, type SpreadOptions, spreadLookups, type Walk } from './offer-spread.js';

// The dealer alone, with a scripted `ask`: which provider is asked for which offer, in what order, and how each
// walk ends. Real timers, short: pacing is checked by who was asked, not by how long it took.

const offer = (id: string) => ({ id }) as unknown as Offer;

type Script = (
  provider: ProviderId,
  offerId: string,
) => { kind?: ErrorKind; stale?: boolean; retryAfterMs?: number };

function run(
  script: Script,
  offerIds: string[],
  options: Partial<SpreadOptions> & { latencyMs?: number } = {},
) {
  const asked: [ProviderId, string][] = [];
  const walks = new Map<string, Walk>();
  const ask = async (provider: ProviderId, offerId: string): Promise<Asked> => {
    asked.push([provider, offerId]);
    await new Promise((resolve) => setTimeout(resolve, options.latencyMs ?? 5));
    const { kind, stale, retryAfterMs } = script(provider, offerId);
    if (kind) {
      return {
        provider,
        outcome: 'error',
        fromCache: false,
        durationMs: 1,
        error: {
          provider,
          kind,
          message: `${provider}: ${kind}`,
          retryable: false,
          retryAfterMs: retryAfterMs ?? null,
          status: null,
          providerCode: null,
        },
      } as Asked;
    }
    return {
      provider,
      outcome: 'ok',
      fromCache: false,
      durationMs: 1,
      offer: offer(offerId),
      fetchedAt: 0,
      ...(stale ? { staleReason: 'budget reached' } : {}),
    };
  };
  const done = spreadLookups(
    {
      providers: [
        { id: 'tmapi', concurrency: 1 },
        { id: 'onebound', concurrency: 1 },
        { id: 'dajisaas', concurrency: 1 },
      ],
      ask,
      answeredFree: async () => false,
      onWalked: (walk) => walks.set(walk.offerId, walk),
      ...options,
    },
    offerIds,
  );
  return { asked, walks, done };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(628745190321 + i));
const askedOf = (asked: [ProviderId, string][], provider: ProviderId) =>
  asked.filter(([p]) => p === provider).length;

describe('spreadLookups', () => {
  it('deals offers to every free provider: nine offers, three at each, every one asked once', async () => {
    const { asked, walks, done } = run(() => ({}), ids(9));
    await done;
    expect(asked).toHaveLength(9);
    for (const provider of ['tmapi', 'onebound', 'dajisaas'] as const)
      expect(askedOf(asked, provider)).toBe(3);
    expect([...walks.values()].every((w) => w.end === 'served' && w.attempts.length === 1)).toBe(true);
  });

  it('paces each provider at its rate: a slow one gets fewer offers, none waits on it', async () => {
    const { asked, done } = run(() => ({}), ids(12), {
      providers: [
        { id: 'tmapi', concurrency: 5, requestsPerMinute: 60 },
        { id: 'onebound', concurrency: 5, requestsPerMinute: 60_000 },
      ],
    });
    await done;
    // tmapi may send one a second: it took the first offer and nothing more in the few ms the rest needed.
    expect(askedOf(asked, 'tmapi')).toBe(1);
    expect(askedOf(asked, 'onebound')).toBe(11);
  });

  it('a failure moves the offer to a provider not yet asked; never back to one that was', async () => {
    const { asked, walks, done } = run((p) => (p === 'tmapi' ? { kind: 'upstream' } : {}), ids(6));
    await done;
    for (const walk of walks.values()) {
      const providers = walk.attempts.map((a) => a.provider);
      expect(new Set(providers).size).toBe(providers.length);
      expect(walk.end).toBe('served');
    }
    expect(asked.filter(([p]) => p !== 'tmapi')).toHaveLength(6);
  });

  it('quota: the provider gets nothing more in the batch, and is named in the walks it never saw when all fail', async () => {
    const { asked, walks, done } = run((p) => (p === 'dajisaas' ? {} : { kind: 'quota' }), ids(6), {
      providers: [
        { id: 'tmapi', concurrency: 1 },
        { id: 'onebound', concurrency: 1 },
      ],
    });
    await done;
    // Each answered quota once, then was left alone: the rest ended with both quotas, no call.
    expect(askedOf(asked, 'tmapi')).toBe(1);
    expect(askedOf(asked, 'onebound')).toBe(1);
    for (const walk of walks.values()) {
      expect(walk.end).toBe('exhausted');
      expect(walk.attempts.map((a) => a.error?.kind)).toEqual(['quota', 'quota']);
    }
  });

  it('not found stops at the cap; a kind outside the fallbacks ends the walk at once', async () => {
    const notFound = run(() => ({ kind: 'not_found' }), ids(1), { notFoundProviders: 2 });
    await notFound.done;
    expect(notFound.asked.map(([p]) => p)).toEqual(['tmapi', 'onebound']);
    const auth = run((p) => (p === 'tmapi' ? { kind: 'auth' } : {}), ids(1));
    await auth.done;
    expect(auth.walks.get(ids(1)[0]!)).toMatchObject({ end: 'exhausted', attempts: [{ provider: 'tmapi' }] });
  });

  it('an older answer is kept while the others are asked, and served when none has a fresh one', async () => {
    const { walks, done } = run((p) => (p === 'tmapi' ? { stale: true } : { kind: 'upstream' }), ids(1));
    await done;
    const walk = walks.get(ids(1)[0]!)!;
    expect(walk.end).toBe('served');
    expect(walk.served!.provider).toBe('tmapi');
    expect(walk.attempts).toHaveLength(3);
  });

  it('the deadline ends every walk still going: with what it has, or deadline naming who was still asked', async () => {
    const { asked, walks, done } = run(() => ({}), ids(6), {
      providers: [{ id: 'tmapi', concurrency: 1 }],
      latencyMs: 40,
      deadlineMs: 100,
    });
    await done;
    const ends = [...walks.values()].map((w) => w.end);
    expect(ends.filter((e) => e === 'served').length).toBeGreaterThanOrEqual(1);
    expect(ends.filter((e) => e === 'deadline').length).toBeGreaterThanOrEqual(2);
    expect(walks.size).toBe(6);
    const inFlight = [...walks.values()].filter((w) => w.asking?.length);
    expect(inFlight.length).toBeLessThanOrEqual(1);
    for (const walk of inFlight) expect(walk.asking).toEqual(['tmapi']);
    // Nothing new is asked after the deadline.
    const count = asked.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toHaveLength(count);
  });

  it('offers answered without a call are never dealt; the caller’s abort rejects', async () => {
    const free = run(() => ({}), ids(3), { answeredFree: async (id) => id !== ids(3)[2] });
    await free.done;
    expect(free.asked).toEqual([['tmapi', ids(3)[2]]]);
    const controller = new AbortController();
    const aborted = run(() => ({}), ids(3), { signal: controller.signal, latencyMs: 50 });
    controller.abort(new Error('client went away'));
    await expect(aborted.done).rejects.toThrow('client went away');
  });
});

describe('spreadLookups joins calls in flight', () => {
  it('an offer another request is asking a provider for goes there, not to the first free provider', async () => {
    const [offerId] = ids(1);
    const { asked, done } = run(() => ({}), [offerId!], {
      // Another request is asking onebound for it: joining that call is free; tmapi would be a second paid call.
      askingNow: (id) => (id === offerId ? 'onebound' : undefined),
    });
    await done;
    expect(asked).toEqual([['onebound', offerId]]);
  });
});
