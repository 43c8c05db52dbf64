import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';

// Issue 25: "The ranking uses the same signals when a detail is at hand." A supplier search ranks by the cards
// already looked up (GET /v1/suppliers/:id), read from the cache only: no card is fetched by a search. On the demo
// provider (free), whose traders' cards say so.

const start = useTestApp();

interface Ranked {
  id: string;
  breakdown: { factor: string; note?: string; points: number }[];
}
const factoryNote = (s: Ranked) => s.breakdown.find((f) => f.factor === 'factory')?.note ?? '';

describe('supplier search with cards at hand', () => {
  it('the factory factor follows a looked-up card and says so; the others are untouched; no card is paid for', async () => {
    const { inject, calls } = await start();
    const first = (await inject('/v1/suppliers?q=玩具&pageSize=50')).json() as { items: Ranked[] };
    expect(first.items.some((s) => factoryNote(s).startsWith('supplier card:'))).toBe(false);

    // Look cards up until one has a clear verdict.
    let carded: { id: string; verdict: string } | undefined;
    for (const s of first.items.slice(0, 12)) {
      const card = (await inject(`/v1/suppliers/${s.id}`)).json() as { verdict: { verdict: string } };
      if (card.verdict.verdict !== 'unclear') {
        carded = { id: s.id, verdict: card.verdict.verdict };
        break;
      }
    }
    expect(carded).toBeDefined();
    const cardsAsked = calls.filter((c) => c.endsWith('.getSupplier')).length;

    // `provider=demo`: the same providers, but not the replay of the first answer.
    const again = (await inject('/v1/suppliers?q=玩具&pageSize=50&provider=demo')).json() as {
      items: Ranked[];
    };
    const target = again.items.find((s) => s.id === carded!.id)!;
    expect(factoryNote(target)).toMatch(/^supplier card: /);
    const others = again.items.filter((s) => s.id !== carded!.id);
    // Only suppliers whose card was looked up (those before the target) may carry a card note.
    const looked = first.items
      .slice(0, first.items.findIndex((s) => s.id === carded!.id) + 1)
      .map((s) => s.id);
    for (const s of others)
      if (!looked.includes(s.id)) expect(factoryNote(s).startsWith('supplier card:')).toBe(false);
    expect(calls.filter((c) => c.endsWith('.getSupplier')).length).toBe(cardsAsked);
  });
});
