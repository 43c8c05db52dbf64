import { describe, expect, it } from 'vitest';
import { demoDataset } from '../providers/demo/demo-data.js';
import { aSupplier } from './__fixtures__/listings.js';
import { rankProducts } from './rank-products.js';
import { rankSuppliers } from './rank-suppliers.js';
import { searchMatcher } from './relevance.js';

// Issue 21: a buyer who types `plush toys` is searched as 毛绒玩具; relevance must be scored against what the
// providers were sent, not only against the English words (which no Chinese title contains).

describe('searchMatcher', () => {
  it('keeps the better of the keyword sent and the words typed', () => {
    const matcher = searchMatcher('plush toys', '毛绒玩具');
    expect(matcher.match(['汕头毛绒玩具厂', '毛绒公仔'])?.fraction).toBe(1);
    // A title in English still matches the typed words.
    expect(matcher.match(['Plush toys teddy bear 30cm'])?.fraction).toBe(1);
    expect(matcher.match(['不锈钢保温杯'])?.fraction).toBe(0);
  });

  it('without a translation is the plain keyword matcher', () => {
    expect(searchMatcher('毛绒玩具').match(['毛绒玩具'])?.fraction).toBe(1);
    // 1 of 3 bigrams and 2 of 4 characters.
    expect(searchMatcher('毛绒玩具', '毛绒玩具').match(['玩具'])?.fraction).toBeCloseTo(5 / 12, 5);
    expect(searchMatcher(undefined, undefined).match(['x'])).toBeNull();
  });
});

describe('an English search ranks like its Chinese equivalent', () => {
  const suppliers = demoDataset().suppliers.map((r) => r.supplier);
  const products = demoDataset().products.map((r) => r.product);
  const view = (ranked: { id: string; score: number; flags: { flag: string }[] }[]) =>
    ranked.map((r) => ({ id: r.id, score: r.score, flags: r.flags.map((f) => f.flag) }));

  it('suppliers: same order, scores and flags for `plush toys` searched as 毛绒玩具', () => {
    const chinese = rankSuppliers(suppliers, { keyword: '毛绒玩具' });
    const english = rankSuppliers(suppliers, { keyword: 'plush toys', searchedAs: '毛绒玩具' });
    expect(view(english)).toEqual(view(chinese));
    // The bug this guards against: scored on the English alone, every plush factory was flagged off-topic.
    const typedOnly = rankSuppliers(suppliers, { keyword: 'plush toys' });
    expect(view(typedOnly)).not.toEqual(view(chinese));
  });

  it('products: same order, scores and flags', () => {
    const chinese = rankProducts(products, { keyword: '毛绒玩具' });
    const english = rankProducts(products, { keyword: 'plush toys', searchedAs: '毛绒玩具' });
    expect(view(english)).toEqual(view(chinese));
  });

  it('a supplier described in English matches the typed words', () => {
    const english = aSupplier('tmapi', 'b2b-en', { name: 'Plush Toys Factory', mainProducts: [] });
    const [ranked] = rankSuppliers([english], { keyword: 'plush toys', searchedAs: '毛绒玩具' });
    expect(ranked!.flags.map((f) => f.flag)).not.toContain('offTopic');
  });
});
