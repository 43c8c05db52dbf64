import type { OfferResult, OffersBodyInput, OffersResponse, OnOfferResult } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { QueryCache } from '../cells/query-cache.js';
import { createOfferFunctions } from './offer-functions.js';

// With a client that streams (core's streamOffers), each =OFFER cell resolves on its own line, with the batch's
// currency quote, while the rest of the batch is still on its way (issue 23: a 200-link column fills
// progressively).

const IDS = Array.from({ length: 200 }, (_, i) => String(600_000_000_000 + i));
const QUOTE = { currency: 'USD', rate: 8, rateDate: '2024-03-13', source: 'ecb' as const, stale: false };

function streamingHarness() {
  let timer: (() => void) | undefined;
  const sent: { body: OffersBodyInput; onResult: OnOfferResult; finish: () => void }[] = [];
  const resultFor = (ref: string): OfferResult => ({
    ref,
    offerId: ref,
    offer: sampleOffer(ref, 'demo'),
    provider: 'demo',
    attempts: [],
  });
  const client = {
    getOffers: async (): Promise<OffersResponse> => {
      throw new Error('the streamed batch must not fall back to getOffers');
    },
    streamOffers: (body: OffersBodyInput, onResult: OnOfferResult) =>
      new Promise<OffersResponse>((resolve) => {
        const results = body.refs.map(resultFor);
        sent.push({
          body,
          onResult,
          finish: () => resolve({ results, providerOrder: ['demo'], sampleData: true, currency: QUOTE }),
        });
      }),
  };
  const fns = createOfferFunctions({
    client: () => client,
    cache: new QueryCache({ ttlMs: 60_000, maxEntries: 1_000 }),
    setTimer: (run) => {
      timer = run;
    },
  });
  const flush = async () => {
    await Promise.resolve();
    timer?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const line = (index: number) =>
    sent[0]!.onResult(index, resultFor(IDS[index]!), { providerOrder: ['demo'], currency: QUOTE });
  return { fns, sent, flush, line };
}

/** Which cells have settled (after pending callbacks ran). */
async function settled(cells: Promise<unknown>[]): Promise<number[]> {
  const done: number[] = [];
  for (const [i, cell] of cells.entries())
    cell.then(
      () => done.push(i),
      () => done.push(i),
    );
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done.sort((a, b) => a - b);
}

describe('offer cells with a streamed batch', () => {
  it('a 200-link column fills line by line, each cell priced in the batch currency as its line arrives', async () => {
    const { fns, sent, flush, line } = streamingHarness();
    const cells = IDS.map((id) => fns.offer(id, 'id,price', [['currency=USD']]));
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.refs).toHaveLength(200);
    expect(await settled(cells)).toEqual([]);
    line(42);
    line(0);
    expect(await settled(cells)).toEqual([0, 42]);
    // The cell shows its offer and its USD price (the quote came with the line, not with the end): ¥5 at 8 CNY
    // per USD is 0.625, shown in cents.
    // No fetchedAt in these results: the closing `as of` and `stale` cells are blank.
    expect(await cells[42]).toEqual([[IDS[42], 5, 0.63, '2024-03-13', '', '']]);
    for (const index of IDS.keys()) line(index);
    expect(await settled(cells)).toHaveLength(200);
    sent[0]!.finish();
  });

  it('the Links lookup reports n of N as each link settles, before the batch ends', async () => {
    const { fns, sent, flush, line } = streamingHarness();
    const progress: [number, number][] = [];
    const links = [...IDS.slice(0, 3), 'not a link'];
    const done = fns.lookupLinks(links, {}, undefined, (n, total) => progress.push([n, total]));
    await flush();
    // The bad link settles at once, without the proxy.
    expect(progress).toEqual([[1, 4]]);
    line(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
    ]);
    line(0);
    line(2);
    sent[0]!.finish();
    const results = await done;
    expect(progress.at(-1)).toEqual([4, 4]);
    expect(results.map((r) => r.error === undefined)).toEqual([true, true, true, false]);
  });
});
