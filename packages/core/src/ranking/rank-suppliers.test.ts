import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RankedSupplier } from '../models/ranked.js';
import { CREDIT_LEVELS, type Supplier } from '../models/supplier.js';
import { demoDataset } from '../providers/demo/demo-data.js';
import { aSupplier } from './__fixtures__/listings.js';
import { rankSuppliers } from './rank-suppliers.js';
import { RED_FLAG_CAPS } from './red-flags.js';
import { NEUTRAL_FRACTION } from './score-factors.js';
import { DEFAULT_SUPPLIER_WEIGHTS } from './supplier-weights.js';

const supplier = (id: string, fields: Partial<Supplier> = {}) => aSupplier('tmapi', id, fields);

const full = (id: string, fields: Partial<Supplier> = {}) =>
  supplier(id, {
    isFactory: true,
    factoryLevel: '实力工厂',
    creditLevel: 'AAA',
    yearsOnPlatform: 6,
    repurchaseRate: 0.3,
    responseRate: 0.8,
    areaM2: 3000,
    ...fields,
  });

const points = (ranked: { breakdown: { factor: string; points: number }[] }, factor: string) =>
  ranked.breakdown.find((f) => f.factor === factor)?.points;

const arbitrarySupplier = fc.record({
  // Few ids and providers, so equal scores with equal ids (the last tie-break) really happen.
  id: fc.constantFrom('b2b-1', 'b2b-2', 'tmapi:9'),
  provider: fc.constantFrom('tmapi', 'onebound'),
  isAd: fc.boolean(),
  isFactory: fc.constantFrom(true, false, null),
  isSuperFactory: fc.constantFrom(true, false, null),
  creditLevel: fc.constantFrom(...CREDIT_LEVELS, null),
  factoryLevel: fc.constantFrom('金牌制造', '实力工厂', '无牌工厂', '其他', null),
  // Coarse values, so different suppliers often tie; plus the extremes of each scale.
  areaM2: fc.constantFrom(null, 0, 1000, 100_000),
  yearsOnPlatform: fc.constantFrom(null, 0, 5, 30),
  repurchaseRate: fc.constantFrom(null, 0, 0.25, 1),
  responseRate: fc.constantFrom(null, 0, 0.5, 1),
  returnRate: fc.constantFrom(null, 0, 0.05, 0.15, 0.5),
  creditScore: fc.constantFrom(null, 0, 80, 100),
  tradeLevel: fc.constantFrom(null, 1, 3, 5),
  name: fc.constantFrom(null, '汕头玩具厂', '义乌贸易有限公司', '杭州丝绸服饰有限公司'),
  tags: fc.constantFrom<string[]>([], ['深度验厂'], ['经销批发']),
});

/** A list and a shuffled copy of it. */
const permutedPair = <T>(item: fc.Arbitrary<T>) =>
  fc
    .array(item, { maxLength: 12 })
    .chain((list) =>
      fc.tuple(
        fc.constant(list),
        fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
      ),
    );

describe('rankSuppliers', () => {
  it('ranks a factory above an otherwise identical trader', () => {
    const [first, second] = rankSuppliers([full('b2b-a', { isFactory: false }), full('b2b-b')]);
    expect(first?.id).toBe('b2b-b');
    expect(first!.score - second!.score).toBeCloseTo(DEFAULT_SUPPLIER_WEIGHTS.factory, 5);
  });

  it('orders factory levels 金牌制造 > 实力工厂 > 无牌工厂, and credit levels AAAAA first', () => {
    const levels = rankSuppliers(
      ['无牌工厂', '金牌制造', '实力工厂'].map((l, i) => full(`b2b-${i}`, { factoryLevel: l })),
    );
    expect(levels.map((s) => s.factoryLevel)).toEqual(['金牌制造', '实力工厂', '无牌工厂']);
    const credit = rankSuppliers(
      [...CREDIT_LEVELS].reverse().map((c, i) => full(`b2b-${i}`, { creditLevel: c })),
    );
    expect(credit.map((s) => s.creditLevel)).toEqual([...CREDIT_LEVELS]);
  });

  it('gives a missing factor exactly the neutral share of its weight', () => {
    const [ranked] = rankSuppliers([supplier('b2b-empty')]);
    for (const factor of Object.keys(DEFAULT_SUPPLIER_WEIGHTS).filter((f) => f !== 'organic')) {
      const weight = DEFAULT_SUPPLIER_WEIGHTS[factor as keyof typeof DEFAULT_SUPPLIER_WEIGHTS];
      expect(points(ranked!, factor)).toBe(weight * NEUTRAL_FRACTION);
    }
    // Only `organic` is always known: an empty organic supplier is exactly neutral plus that factor.
    expect(ranked?.score).toBe(
      (100 - DEFAULT_SUPPLIER_WEIGHTS.organic) * NEUTRAL_FRACTION + DEFAULT_SUPPLIER_WEIGHTS.organic,
    );
  });

  it('puts unknown between the best and the worst value of a factor', () => {
    const ranked = rankSuppliers([
      full('b2b-aa', { creditLevel: 'AA' }),
      full('b2b-none', { creditLevel: null }),
      full('b2b-c', { creditLevel: 'C' }),
    ]);
    // AA is the middle of the credit scale, so unknown scores the same as AA (the tie goes to more data).
    expect(ranked.map((s) => s.id)).toEqual(['b2b-aa', 'b2b-none', 'b2b-c']);
    expect(ranked[0]?.score).toBe(ranked[1]?.score);
  });

  it('caps a C- or B-credit supplier instead of subtracting a few points, and says why', () => {
    const giant = full('b2b-giant', {
      creditLevel: 'C',
      factoryLevel: '金牌制造',
      isSuperFactory: true,
      areaM2: 30000,
      yearsOnPlatform: 12,
      repurchaseRate: 0.5,
      responseRate: 1,
    });
    const [first, second] = rankSuppliers([giant, full('b2b-sound', { creditLevel: 'AA' })]);
    expect(first?.id).toBe('b2b-sound');
    expect(second?.score).toBeLessThanOrEqual(RED_FLAG_CAPS.creditC);
    expect(second?.flags).toEqual([expect.objectContaining({ flag: 'creditC', cap: RED_FLAG_CAPS.creditC })]);
    expect(second?.flags[0]?.reason).toContain('谨慎合作');
    const line = second?.breakdown.find((f) => f.factor === 'redFlags');
    expect(line?.points).toBeLessThan(0);
    expect(second!.breakdown.reduce((sum, f) => sum + f.points, 0)).toBeCloseTo(second!.score, 1);
    const [b] = rankSuppliers([full('b2b-b', { creditLevel: 'B', returnRate: 0.3 })]);
    // Both flags are listed; the lowest cap applies.
    expect(b?.flags.map((f) => f.flag)).toEqual(['creditB', 'returnRate']);
    expect(b?.score).toBeLessThanOrEqual(RED_FLAG_CAPS.severeReturnRate);
  });

  it('keeps flagged suppliers in order among themselves (the cap scales, it does not flatten)', () => {
    const ranked = rankSuppliers([
      full('b2b-worse', { creditLevel: 'C', areaM2: 500, repurchaseRate: 0.05 }),
      full('b2b-better', { creditLevel: 'C', areaM2: 20000, repurchaseRate: 0.5 }),
    ]);
    expect(ranked.map((s) => s.id)).toEqual(['b2b-better', 'b2b-worse']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('infers a hidden trader from the company name and shows it as inferred', () => {
    const trader = supplier('b2b-t', { name: '汕头市宏达玩具贸易有限公司' });
    const factory = supplier('b2b-f', { name: '汕头市宏达玩具厂' });
    const [first, second] = rankSuppliers([trader, factory]);
    expect(first?.id).toBe('b2b-f');
    const line = second?.breakdown.find((f) => f.factor === 'factory');
    expect(line?.value).toBe('trader (inferred: 贸易)');
    expect(line?.note).toContain('inferred');
    // A declared factory still beats one we only infer.
    const declared = supplier('b2b-d', { name: '汕头市宏达玩具厂', isFactory: true });
    expect(rankSuppliers([factory, declared])[0]?.id).toBe('b2b-d');
  });

  it('scores relevance from the keyword, neutral without one, with the provider position as a weak prior', () => {
    const silk = supplier('b2b-silk', { name: '杭州丝绸服饰有限公司', mainProducts: ['真丝连衣裙'] });
    const toy = supplier('b2b-toy', { name: '汕头玩具厂', mainProducts: ['积木'] });
    expect(rankSuppliers([toy, silk], { keyword: '丝绸 连衣裙' })[0]?.id).toBe('b2b-silk');
    const neutral = rankSuppliers([toy], {})[0]!.breakdown.find((f) => f.factor === 'relevance');
    expect(neutral?.points).toBe(DEFAULT_SUPPLIER_WEIGHTS.relevance * NEUTRAL_FRACTION);
    // Equal match: the provider's first result wins; its prior moves relevance by at most 10 %.
    const a = supplier('b2b-a', { mainProducts: ['积木'] });
    const b = supplier('b2b-b', { mainProducts: ['积木'] });
    const ranked = rankSuppliers([a, b], { keyword: '积木', positions: { 'b2b-b': 1, 'b2b-a': 100 } });
    expect(ranked.map((s) => s.id)).toEqual(['b2b-b', 'b2b-a']);
    expect(points(ranked[0]!, 'relevance')! - points(ranked[1]!, 'relevance')!).toBeCloseTo(
      DEFAULT_SUPPLIER_WEIGHTS.relevance * 0.1,
      5,
    );
    expect(ranked[0]?.breakdown.find((f) => f.factor === 'relevance')?.note).toContain('#1');
  });

  it('flags a supplier that matches little of the keyword', () => {
    const [toy] = rankSuppliers([supplier('b2b-toy', { name: '汕头玩具厂' })], { keyword: '丝绸 连衣裙' });
    expect(toy?.flags.map((f) => f.flag)).toEqual(['offTopic']);
    expect(toy?.score).toBeLessThanOrEqual(RED_FLAG_CAPS.offTopic);
  });

  it('uses credit score, trade medal, return rate, inspections and paperwork', () => {
    const better = full('b2b-1', {
      creditScore: 98,
      tradeLevel: 5,
      returnRate: 0.01,
      tags: ['深度验厂'],
      isEnterprise: true,
      invoiceAvailable: true,
    });
    const worse = full('b2b-2', {
      creditScore: 60,
      tradeLevel: 1,
      returnRate: 0.09,
      tags: [],
      isEnterprise: false,
      invoiceAvailable: false,
    });
    const [first, second] = rankSuppliers([worse, better]);
    expect(first?.id).toBe('b2b-1');
    for (const factor of ['creditScore', 'tradeLevel', 'returnRate', 'business'])
      expect(points(first!, factor), factor).toBeGreaterThan(points(second!, factor)!);
    expect(points(first!, 'inspection')).toBe(DEFAULT_SUPPLIER_WEIGHTS.inspection);
    // No inspection tag is no evidence: neutral, not zero.
    expect(points(second!, 'inspection')).toBe(DEFAULT_SUPPLIER_WEIGHTS.inspection * NEUTRAL_FRACTION);
  });

  it('penalises a paid placement slightly', () => {
    const [organic, ad] = rankSuppliers([full('b2b-ad', { isAd: true }), full('b2b-org')]);
    expect(organic?.id).toBe('b2b-org');
    expect(organic!.score - ad!.score).toBeCloseTo(DEFAULT_SUPPLIER_WEIGHTS.organic, 5);
  });

  it('changes order when the weights change', () => {
    const bigTrader = full('b2b-trader', {
      isFactory: false,
      factoryLevel: null,
      areaM2: 40000,
      yearsOnPlatform: 15,
      creditLevel: 'AAAAA',
    });
    const smallFactory = full('b2b-factory', {
      factoryLevel: '金牌制造',
      areaM2: 200,
      yearsOnPlatform: 1,
      creditLevel: 'A',
    });
    expect(rankSuppliers([bigTrader, smallFactory])[0]?.id).toBe('b2b-factory');
    const weights = { factory: 0, area: 30, credit: 30 };
    expect(rankSuppliers([bigTrader, smallFactory], { weights })[0]?.id).toBe('b2b-trader');
  });

  it('rejects a negative or unknown weight', () => {
    expect(() => rankSuppliers([], { weights: { factory: -1 } })).toThrow(RangeError);
    expect(() => rankSuppliers([], { weights: { nope: 1 } as never })).toThrow(RangeError);
  });

  it('breaks ties by more known fields, then by id', () => {
    const ranked = rankSuppliers([
      supplier('b2b-z'),
      supplier('b2b-a'),
      supplier('b2b-m', { creditLevel: 'AA' }),
    ]);
    expect(ranked.map((s) => s.id)).toEqual(['b2b-m', 'b2b-a', 'b2b-z']);
  });

  it('orders even suppliers that tie on score, known fields, id and provider the same way every time', () => {
    // An unrecognised factory level is as unknown as none, so these two tie on everything ranked.
    const a = supplier('b2b-1', { factoryLevel: '其他' });
    const b = supplier('b2b-1', { nick: 'b' });
    expect(rankSuppliers([a, b])).toEqual(rankSuppliers([b, a]));
  });

  it('gives a plain supplier its provider as source and keeps merged sources', () => {
    const [plain] = rankSuppliers([supplier('b2b-1')]);
    expect(plain?.sources).toEqual(['tmapi']);
    const [merged] = rankSuppliers([{ ...supplier('b2b-1'), sources: ['tmapi', 'onebound'] }]);
    expect(merged?.sources).toEqual(['tmapi', 'onebound']);
  });

  it('explains every score with factors that add up to it', () => {
    for (const ranked of rankSuppliers(demoDataset().suppliers.map((r) => r.supplier))) {
      expect(RankedSupplier.parse(ranked)).toEqual(ranked);
      const total = ranked.breakdown.reduce((sum, f) => sum + f.points, 0);
      expect(Math.abs(total - ranked.score)).toBeLessThan(0.01);
      for (const f of ranked.breakdown) expect(f.points).toBeLessThanOrEqual(f.weight);
    }
  });

  it('keeps scores in 0–100 and the order independent of the input order (property)', () => {
    const weights = fc.record(
      Object.fromEntries(
        Object.keys(DEFAULT_SUPPLIER_WEIGHTS).map((k) => [k, fc.integer({ min: 0, max: 50 })]),
      ),
    );
    fc.assert(
      fc.property(
        permutedPair(arbitrarySupplier),
        weights,
        fc.constantFrom(undefined, '玩具厂', '丝绸 连衣裙'),
        ([fields, permuted], w, keyword) => {
          const build = (f: (typeof fields)[number]) => supplier(f.id, f as Partial<Supplier>);
          const options = { weights: w, ...(keyword ? { keyword } : {}) };
          const ranked = rankSuppliers(fields.map(build), options);
          expect(rankSuppliers(permuted.map(build), options)).toEqual(ranked);
          for (const s of ranked) {
            expect(s.score).toBeGreaterThanOrEqual(0);
            expect(s.score).toBeLessThanOrEqual(100);
            for (const flag of s.flags) expect(s.score).toBeLessThanOrEqual(flag.cap);
            const total = s.breakdown.reduce((sum, f) => sum + f.points, 0);
            expect(Math.abs(total - s.score)).toBeLessThan(0.02);
          }
          for (let i = 1; i < ranked.length; i++)
            expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
        },
      ),
    );
  });
});
