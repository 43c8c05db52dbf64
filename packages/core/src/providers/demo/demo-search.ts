import { makePage, type Page } from '../../models/page.js';
import type { Product } from '../../models/product.js';
import type {
  FilterName,
  ImageQuery,
  ProductQuery,
  Sort,
  SupplierOffersQuery,
  SupplierQuery,
} from '../../models/query.js';
// Sorting uses core's comparators (ranking/sort-ranked.ts), the same the proxy applies to ranked results.
import type { Location, Supplier } from '../../models/supplier.js';
import { normalizeLocation, normalizeProvince } from '../../normalize/location.js';
import { type Compare, PRODUCT_COMPARATORS, SUPPLIER_COMPARATORS } from '../../ranking/sort-ranked.js';
import {
  type DemoDataset,
  type DemoProductRecord,
  type DemoSupplierRecord,
  demoDataset,
} from './demo-data.js';
import { demoOffer } from './demo-offer.js';
import { createDice, hashText } from './demo-random.js';
import { DEMO_LANGUAGES, demoProductIn } from './demo-translations.js';

// Search over the bundled demo data, applying what a real provider would apply server-side.
// Rule for every filter: an item whose value is unknown does not match (we cannot tell that it fits).
// A keyword outside the bundled trades (玩具, T恤, 丝绸, 连衣裙, 手机壳, 包装盒) gets an honest empty page,
// like a real provider, rather than unrelated sample data.

export const DEMO_FILTERS: readonly FilterName[] = [
  'priceMin',
  'priceMax',
  'minOrder',
  'factoryOnly',
  'province',
  'city',
];

/** `language` is honoured for the languages the demo catalogue is bundled in, and reported ignored otherwise. */
export function demoFilters(query: { language?: string }): readonly FilterName[] {
  return query.language !== undefined && (DEMO_LANGUAGES as readonly string[]).includes(query.language)
    ? [...DEMO_FILTERS, 'language']
    : DEMO_FILTERS;
}
export const DEMO_SUPPLIER_SORTS: readonly Sort[] = [
  'price_asc',
  'price_desc',
  'sales',
  'repurchase',
  'credit',
  'newest',
];
/** Products carry no listing date, so `newest` is reported as ignored for them. */
export const DEMO_PRODUCT_SORTS: readonly Sort[] = [
  'price_asc',
  'price_desc',
  'sales',
  'repurchase',
  'credit',
];

// Words buyers add to a trade ("玩具厂", "T恤批发") that name the kind of seller, not the goods.
const SELLER_WORDS = /(源头|工厂|厂家|厂|有限公司|公司|批发|供应商|货源|定制)+$/;

/** The keyword itself plus its parts, each also without trailing seller words: `玩具厂` → `玩具厂`, `玩具`. */
export function keywordTokens(keyword: string): string[] {
  const whole = keyword.trim().toLowerCase();
  const parts = whole.split(/[\s,，、;；/]+/).filter(Boolean);
  const tokens = [whole, ...parts].flatMap((t) => [t, t.replace(SELLER_WORDS, '')]);
  return [...new Set(tokens.filter(Boolean))];
}

/** How well a text matches: 0 for no match, more when the whole keyword or more of its parts appear. */
function relevance(text: string, tokens: readonly string[]): number {
  return tokens.filter((token) => text.includes(token)).length;
}

interface Ordered<T> {
  item: T;
  relevance: number;
  index: number;
}

function locationMatches(location: Location | undefined, query: { city?: string; province?: string }) {
  if (query.city !== undefined && normalizeLocation(query.city).city !== location?.city) return false;
  if (query.province !== undefined && normalizeProvince(query.province) !== location?.province) return false;
  return true;
}

function priceMatches(
  low: number | null,
  high: number | null,
  query: { priceMin?: number; priceMax?: number },
) {
  if (query.priceMin === undefined && query.priceMax === undefined) return true;
  if (low === null) return false;
  return (
    (query.priceMax === undefined || low <= query.priceMax) &&
    (query.priceMin === undefined || (high ?? low) >= query.priceMin)
  );
}

function toPage<T>(
  ordered: Ordered<T>[],
  compare: Compare<T> | undefined,
  query: { page: number; pageSize: number },
): Page<T> {
  const sorted = [...ordered].sort(
    (a, b) => (compare?.(a.item, b.item) ?? 0) || b.relevance - a.relevance || a.index - b.index,
  );
  const start = (query.page - 1) * query.pageSize;
  const items = sorted.slice(start, start + query.pageSize).map((o) => o.item);
  return makePage(items, { page: query.page, pageSize: query.pageSize, total: sorted.length });
}

function supplierMatches(record: DemoSupplierRecord, query: SupplierQuery): boolean {
  const { supplier } = record;
  if (query.factoryOnly && supplier.isFactory !== true) return false;
  if (query.minOrder !== undefined && (record.minMoq === null || record.minMoq > query.minOrder))
    return false;
  return (
    locationMatches(supplier.location, query) && priceMatches(supplier.priceMin, supplier.priceMax, query)
  );
}

export function searchDemoSuppliers(
  query: SupplierQuery,
  dataset: DemoDataset = demoDataset(),
): Page<Supplier> {
  const tokens = keywordTokens(query.keyword);
  const ordered = dataset.suppliers
    .map((record, index) => ({
      item: record.supplier,
      relevance: relevance(record.searchText, tokens),
      index,
      record,
    }))
    .filter((o) => o.relevance > 0 && supplierMatches(o.record, query));
  return toPage(ordered, SUPPLIER_COMPARATORS[query.sort], query);
}

function productMatches(product: Product, query: ProductQuery | ImageQuery): boolean {
  if (query.factoryOnly && product.supplier?.isFactory !== true) return false;
  if (query.minOrder !== undefined && (product.moq === null || product.moq > query.minOrder)) return false;
  return (
    locationMatches(product.supplier?.location, query) && priceMatches(product.price, product.priceMax, query)
  );
}

/**
 * A demo product as a search answers it: with the quantity prices of its offer, as TMAPI's search items carry
 * `quantity_prices` (issue 21), so the demo can show a price at the buyer's quantity. Offers priced by variant
 * (no tiers) carry none, as real untiered results do.
 */
function demoSearchResult(record: DemoProductRecord, language: ProductQuery['language']): Product {
  const product = demoProductIn(record.product, language);
  const { priceTiers } = demoOffer(record);
  return priceTiers.length > 0 ? { ...product, priceTiers } : product;
}

export function searchDemoProducts(query: ProductQuery, dataset: DemoDataset = demoDataset()): Page<Product> {
  const tokens = keywordTokens(query.keyword);
  const ordered = dataset.products
    .map((record, index) => ({
      item: demoSearchResult(record, query.language),
      relevance: relevance(record.searchText, tokens),
      index,
    }))
    .filter((o) => o.relevance > 0 && productMatches(o.item, query));
  return toPage(ordered, PRODUCT_COMPARATORS[query.sort], query);
}

/** A demo supplier's own catalogue: every bundled product it sells (3 to 5), in the order asked. */
export function searchDemoSupplierOffers(
  query: SupplierOffersQuery,
  dataset: DemoDataset = demoDataset(),
): Page<Product> {
  const ordered = dataset.products
    .filter((record) => record.product.supplier?.id === query.memberId)
    .map((record, index) => ({ item: demoSearchResult(record, query.language), relevance: 1, index }));
  return toPage(ordered, PRODUCT_COMPARATORS[query.sort], query);
}

/**
 * "Similar" products for an image: the image text (URL or base64) is hashed to one trade, and that trade's
 * products are shuffled by the same hash — so one image always gives the same answer.
 */
export function searchDemoProductsByImage(
  query: ImageQuery,
  dataset: DemoDataset = demoDataset(),
): Page<Product> {
  const seed = hashText(query.imageUrl ?? query.imageBase64 ?? '');
  const categories = [...new Set(dataset.products.map((r) => r.category))];
  const category = categories[seed % categories.length];
  const candidates: DemoProductRecord[] = createDice(seed).sample(
    dataset.products.filter((r) => r.category === category),
    Number.POSITIVE_INFINITY,
  );
  const ordered = candidates
    .map((record, index) => ({ item: demoSearchResult(record, query.language), relevance: 1, index }))
    .filter((o) => productMatches(o.item, query));
  return toPage(ordered, PRODUCT_COMPARATORS[query.sort], query);
}
