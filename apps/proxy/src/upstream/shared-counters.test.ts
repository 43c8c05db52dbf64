import { describe, expect, it } from 'vitest';
import type { RedisClient } from '../redis-client.js';
import { createSharedCounters } from './shared-counters.js';

/** A Redis stand-in for the budget script: counts per key, and can be switched off like a killed server. */
function switchableRedis() {
  const counts = new Map<string, number>();
  const state = { up: true };
  const redis = {
    async eval(_script: string, _keys: number, key: string, limit: number) {
      if (!state.up) throw new Error('Connection is closed.');
      const current = counts.get(key) ?? 0;
      if (limit >= 0 && current >= limit) return [current, 0];
      counts.set(key, current + 1);
      return [current + 1, 1];
    },
  };
  return { redis: redis as unknown as RedisClient, counts, state };
}

const DAY = 86_400_000;

describe('shared counters while Redis is down', () => {
  it('a budget continues from the last shared count with this replica’s share of what was left', async () => {
    const { redis, counts, state } = switchableRedis();
    // Three replicas share a budget of 100; 40 were spent (by all of them) before Redis went away.
    const counters = createSharedCounters(
      redis,
      'p:',
      () => {},
      Date.now,
      () => 3,
    );
    counts.set('p:calls', 39);
    expect(await counters.spend('calls', 100, DAY)).toEqual({ count: 40, spent: true });
    state.up = false;
    let spent = 0;
    for (let i = 0; i < 100; i++) if ((await counters.spend('calls', 100, DAY)).spent) spent++;
    // floor(60 / 3) = 20: three replicas doing the same stay within the 100, never unlimited, never reset.
    expect(spent).toBe(20);
    state.up = true;
    counts.set('p:calls', 75);
    expect(await counters.spend('calls', 100, DAY)).toEqual({ count: 76, spent: true });
  });

  it('a count without a limit keeps counting locally, and one replica keeps the whole remainder', async () => {
    const { redis, state } = switchableRedis();
    state.up = false;
    const counters = createSharedCounters(
      redis,
      'p:',
      () => {},
      Date.now,
      () => 1,
    );
    for (let i = 0; i < 5; i++) await counters.spend('hits', null, DAY);
    expect((await counters.spend('hits', null, DAY)).count).toBe(6);
    let spent = 0;
    for (let i = 0; i < 10; i++) if ((await counters.spend('calls', 4, DAY)).spent) spent++;
    expect(spent).toBe(4);
  });
});
