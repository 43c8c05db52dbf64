import { describe, expect, it } from 'vitest';
import { createProviderPauses } from '../upstream/provider-pause.js';
import { createSharedCounters } from '../upstream/shared-counters.js';
import { createUsageLedger, type UsageLedger } from '../upstream/usage-ledger.js';
import { createCacheHitTally } from './cache-hit-tally.js';

function ledgerWatched() {
  const ledger = createUsageLedger({
    providers: [
      { id: 'tmapi', dailyCalls: null },
      { id: 'onebound', dailyCalls: null },
    ],
    counters: createSharedCounters(undefined, '', () => {}),
    pauses: createProviderPauses(undefined, '', () => {}),
    prefix: '',
    onRedisError: () => {},
  });
  const writes: Array<[string, number | undefined]> = [];
  const watched: UsageLedger = {
    ...ledger,
    countCacheHit(provider, hits) {
      writes.push([provider, hits]);
      ledger.countCacheHit(provider, hits);
    },
  };
  return { ledger: watched, writes };
}

const hitsOf = async (ledger: UsageLedger) =>
  Object.fromEntries((await ledger.report()).map((u) => [u.provider, u.cacheHitsToday]));

describe('cache-hit tally', () => {
  it('keeps the ledger off the hit path: a thousand hits, no ledger write until the flush, then one per provider', async () => {
    const { ledger, writes } = ledgerWatched();
    const tally = createCacheHitTally(ledger, 60_000);
    for (let i = 0; i < 1000; i++) tally.count('tmapi');
    tally.count('onebound');
    expect(writes).toEqual([]);
    tally.flush();
    expect(writes).toEqual([
      ['tmapi', 1000],
      ['onebound', 1],
    ]);
    expect(await hitsOf(ledger)).toEqual({ tmapi: 1000, onebound: 1 });
    tally.close();
  });

  it('flushes on its own after the interval, and counts nothing twice', async () => {
    const { ledger, writes } = ledgerWatched();
    const tally = createCacheHitTally(ledger, 10);
    tally.count('tmapi');
    tally.count('tmapi');
    await expect.poll(() => writes).toEqual([['tmapi', 2]]);
    tally.flush();
    expect(writes).toHaveLength(1);
    expect(await hitsOf(ledger)).toEqual({ tmapi: 2, onebound: 0 });
    tally.close();
  });
});
