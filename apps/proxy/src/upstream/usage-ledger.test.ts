import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { connectTestRedis, describeWithRedis, uniquePrefix } from './__fixtures__/redis.js';
import { createProviderPauses } from './provider-pause.js';
import { createSharedCounters } from './shared-counters.js';
import { createUsageLedger, type DurableCallCounts } from './usage-ledger.js';

// Issue 23: the day's paid calls are recorded durably and never decrease — neither a proxy restart nor a Redis
// restart gives a provider its daily budget back.

const NOW = Date.parse('2026-12-03T14:05:00Z');
const DAY = '2026-12-03';

/** A durable record as the answer store keeps it: only ever raised. */
function durableCounts(): DurableCallCounts & { rows: Map<string, number> } {
  const rows = new Map<string, number>();
  return {
    rows,
    async record(provider, day, calls) {
      const key = `${provider}|${day}`;
      rows.set(key, Math.max(rows.get(key) ?? 0, calls));
    },
    async load(day) {
      return new Map(
        [...rows].filter(([k]) => k.endsWith(`|${day}`)).map(([k, v]) => [k.split('|')[0]!, v] as const),
      );
    },
  };
}

function ledger(durable: DurableCallCounts | undefined, redis?: Redis, prefix = 'test:') {
  const onRedisError = () => undefined;
  return createUsageLedger({
    providers: [{ id: 'tmapi', dailyCalls: 3 }],
    counters: createSharedCounters(redis, `${prefix}usage:`, onRedisError, () => NOW),
    pauses: createProviderPauses(undefined, `${prefix}pause:`, onRedisError, () => NOW),
    prefix: `${prefix}usage:`,
    onRedisError,
    durable,
    now: () => NOW,
  });
}

describe('usage ledger with durable counts', () => {
  it('a restarted process continues from the recorded count: the budget is not given back', async () => {
    const durable = durableCounts();
    const first = ledger(durable);
    expect((await first.spendCall('tmapi')).spent).toBe(true);
    expect((await first.spendCall('tmapi')).spent).toBe(true);
    expect(durable.rows.get(`tmapi|${DAY}`)).toBe(2);

    const restarted = ledger(durable);
    expect((await restarted.report())[0]).toMatchObject({ callsToday: 2, dailyBudget: 3 });
    expect(await restarted.spendCall('tmapi')).toEqual({ spent: true, count: 3, budget: 3 });
    expect((await restarted.spendCall('tmapi')).spent).toBe(false);
    expect(durable.rows.get(`tmapi|${DAY}`)).toBe(3);
  });

  it('without a durable record a restart starts from zero (what the record is for)', async () => {
    const first = ledger(undefined);
    await first.spendCall('tmapi');
    await first.spendCall('tmapi');
    expect((await ledger(undefined).spendCall('tmapi')).count).toBe(1);
  });
});

describeWithRedis('usage ledger across a Redis restart', () => {
  const redis = connectTestRedis();
  afterAll(() => redis.quit());

  it('merges counts upwards when Redis lost the day key: never below what was spent', async () => {
    const prefix = uniquePrefix('ledger');
    const instance = ledger(undefined, redis, prefix);
    await instance.spendCall('tmapi');
    await instance.spendCall('tmapi');
    // A Redis restart without persistence: the shared count is gone.
    await redis.del(`${prefix}usage:calls:tmapi:${DAY}`);
    expect(await instance.spendCall('tmapi')).toEqual({ spent: true, count: 3, budget: 3 });
    expect(Number(await redis.get(`${prefix}usage:calls:tmapi:${DAY}`))).toBe(3);
    expect((await instance.spendCall('tmapi')).spent).toBe(false);
    // Another instance that never saw a call reads the merged count.
    expect((await ledger(undefined, redis, prefix).report())[0]!.callsToday).toBe(3);
  });
});
