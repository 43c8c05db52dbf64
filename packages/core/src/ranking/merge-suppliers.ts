import type { ProviderId } from '../models/provider-id.js';
import type { MergedSupplier, Supplier } from '../models/supplier.js';

/**
 * The identity of a supplier across providers: a 1688 member id (`b2b-…`, returned by TMAPI, Onebound and the
 * demo) is the same seller everywhere. Any other id (`<provider>:<id>`, the official platform's numeric
 * user id…) only means something within its provider, so it is keyed together with the provider.
 */
export function supplierMergeKey(supplier: Pick<Supplier, 'id' | 'provider'>): string {
  const id = supplier.id.trim();
  return /^b2b-/i.test(id) ? id.toLowerCase() : `${supplier.provider}\u0000${id}`;
}

const firstKnown = <T>(a: T | null, b: T | null): T | null => a ?? b ?? null;
const both = (a: number | null, b: number | null, pick: (x: number, y: number) => number) =>
  a === null ? b : b === null ? a : pick(a, b);
const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/**
 * One supplier from two descriptions of it, `a` having priority. Per field:
 * - text, flags, levels and rates: the first known value (`a` unless it is null). Rates are one shop metric
 *   measured at different times; averaging them would invent a value no provider reported.
 * - counts and sizes (area, years, sales, product count): the largest, because the smaller figure usually
 *   comes from a partial view (e.g. a count derived from one page of products).
 * - price range: the union of both ranges.
 * - tags and main products: the union, in order of first appearance.
 * - `isAd`: an ad only when both listings were paid placements; appearing organically anywhere shows the
 *   seller earned its place.
 */
export function mergeSupplierPair(a: Supplier, b: Supplier): Supplier {
  return {
    provider: a.provider,
    id: a.id,
    name: firstKnown(a.name, b.name),
    nick: firstKnown(a.nick, b.nick),
    url: firstKnown(a.url, b.url),
    isAd: a.isAd && b.isAd,
    isFactory: firstKnown(a.isFactory, b.isFactory),
    isSuperFactory: firstKnown(a.isSuperFactory, b.isSuperFactory),
    creditLevel: firstKnown(a.creditLevel, b.creditLevel),
    creditScore: firstKnown(a.creditScore, b.creditScore),
    tradeLevel: firstKnown(a.tradeLevel, b.tradeLevel),
    isEnterprise: firstKnown(a.isEnterprise, b.isEnterprise),
    invoiceAvailable: firstKnown(a.invoiceAvailable, b.invoiceAvailable),
    factoryLevel: firstKnown(a.factoryLevel, b.factoryLevel),
    areaM2: both(a.areaM2, b.areaM2, Math.max),
    yearsOnPlatform: both(a.yearsOnPlatform, b.yearsOnPlatform, Math.max),
    repurchaseRate: firstKnown(a.repurchaseRate, b.repurchaseRate),
    responseRate: firstKnown(a.responseRate, b.responseRate),
    returnRate: firstKnown(a.returnRate, b.returnRate),
    location: {
      province: firstKnown(a.location.province, b.location.province),
      city: firstKnown(a.location.city, b.location.city),
    },
    tags: union(a.tags, b.tags),
    mainProducts: union(a.mainProducts, b.mainProducts),
    salesCount: both(a.salesCount, b.salesCount, Math.max),
    productsCount: both(a.productsCount, b.productsCount, Math.max),
    priceMin: both(a.priceMin, b.priceMin, Math.min),
    priceMax: both(a.priceMax, b.priceMax, Math.max),
  };
}

const sourcesOf = (s: Supplier | MergedSupplier): ProviderId[] =>
  'sources' in s && s.sources.length > 0 ? s.sources : [s.provider];

/**
 * Merges the supplier lists of several providers (or pages): the same seller becomes one entry with the
 * richest value per field (see {@link mergeSupplierPair}) and `sources` listing every provider that returned
 * it. Earlier lists have priority for conflicting values; the output keeps the order of first appearance.
 * Already-merged suppliers may be passed in again: their sources are kept.
 */
export function mergeSuppliers(lists: readonly (readonly (Supplier | MergedSupplier)[])[]): MergedSupplier[] {
  const merged = new Map<string, MergedSupplier>();
  for (const list of lists) {
    for (const supplier of list) {
      const key = supplierMergeKey(supplier);
      const seen = merged.get(key);
      const { sources: _ignored, ...plain } = supplier as MergedSupplier;
      merged.set(
        key,
        seen
          ? {
              ...mergeSupplierPair(seen, plain),
              sources: [...new Set([...seen.sources, ...sourcesOf(supplier)])],
            }
          : { ...plain, sources: [...new Set(sourcesOf(supplier))] },
      );
    }
  }
  return [...merged.values()];
}
