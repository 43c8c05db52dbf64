import { describe, expect, it } from 'vitest';
import { emptySupplierDetail, type SupplierDetail } from '../models/supplier-detail.js';
import { aSupplier } from './__fixtures__/listings.js';
import { rankSuppliers } from './rank-suppliers.js';
import { CARD_VERDICT_FRACTIONS } from './supplier-factors.js';

// Issue 25: "The ranking uses the same signals when a detail is at hand, and 'factory vs trader' in every view says
// what it is based on." Worked cases: a clear trader, a clear factory, and an unclear card that leaves the search
// result's own evidence in charge.

const A = 'b2b-100a';
const B = 'b2b-200b';
/** Two suppliers alike in everything the search shows: the factory flag unknown, neutral names. */
const twins = () => [
  aSupplier('tmapi', A, { name: '汕头市嘉和玩具厂', isFactory: null }),
  aSupplier('tmapi', B, { name: '汕头市嘉和玩具厂', isFactory: null }),
];

function detail(id: string, over: Partial<SupplierDetail>): SupplierDetail {
  const empty = emptySupplierDetail('tmapi');
  return { ...empty, memberId: id, ...over };
}
/** Sole proprietorship, 4000 products, no manufacture type, not flagged a factory: the facts' trader. */
const trader = (id: string) =>
  detail(id, {
    companyName: '澄海区嘉和百货商行',
    shopName: '嘉和玩具厂',
    badges: { ...emptySupplierDetail('tmapi').badges, factory: false },
    registration: {
      ...emptySupplierDetail('tmapi').registration,
      businessType: '个体经营',
      creditCode: '92440515MA4X',
    },
    catalogueSize: 4000,
  });
const factoryOf = (ranked: ReturnType<typeof rankSuppliers>, id: string) =>
  ranked.find((s) => s.id === id)!.breakdown.find((f) => f.factor === 'factory')!;

describe('rankSuppliers with supplier details at hand', () => {
  it('without details both rank alike, the factory inferred from the name', () => {
    const ranked = rankSuppliers(twins());
    expect(factoryOf(ranked, A).note).toContain('inferred from "厂"');
    expect(ranked[0]!.score).toBe(ranked[1]!.score);
  });

  it('a clear trader card drops the factory factor and says what it rests on', () => {
    const ranked = rankSuppliers(twins(), { details: new Map([[A, trader(A)]]) });
    const factor = factoryOf(ranked, A);
    expect(factor.value).toBe('trader (inferred: supplier card)');
    expect(factor.note).toMatch(/^supplier card: .*1688 does not list it as a factory/);
    expect(factor.note).toContain('sole proprietorship listing 4000 products');
    expect(factor.points).toBeCloseTo(factor.weight * CARD_VERDICT_FRACTIONS.trader, 5);
    expect(ranked.map((s) => s.id)).toEqual([B, A]);
  });

  it('a clear factory card lifts it above its twin', () => {
    const factory = detail(B, {
      companyName: '汕头市嘉和玩具厂',
      badges: { ...emptySupplierDetail('tmapi').badges, factory: true },
      capacity: { ...emptySupplierDetail('tmapi').capacity, manufactureType: '来样加工' },
    });
    const ranked = rankSuppliers(twins(), { details: new Map([[B, factory]]) });
    expect(factoryOf(ranked, B).note).toMatch(/^supplier card: 1688 lists it as a factory/);
    expect(ranked[0]!.id).toBe(B);
  });

  it('an unclear card (evidence both ways) leaves the search result’s own evidence in charge', () => {
    const mixed = detail(A, {
      companyName: '汕头市嘉和玩具厂',
      badges: { ...emptySupplierDetail('tmapi').badges, factory: true },
      catalogueSize: 5000,
    });
    const ranked = rankSuppliers(twins(), { details: new Map([[A, mixed]]) });
    expect(factoryOf(ranked, A).note).toContain('inferred from "厂"');
    expect(ranked[0]!.score).toBe(ranked[1]!.score);
  });
});

describe('a declared flag and an agreeing card', () => {
  it('keeps the declared certainty, with the card’s reasons in the note', () => {
    const declared = [aSupplier('tmapi', A, { name: '嘉和百货商行', isFactory: false })];
    const [ranked] = rankSuppliers(declared, { details: new Map([[A, trader(A)]]) });
    const factor = ranked!.breakdown.find((f) => f.factor === 'factory')!;
    expect(factor.points).toBe(0);
    expect(factor.value).toBe(false);
    expect(factor.note).toMatch(/^supplier card: /);
  });
});
