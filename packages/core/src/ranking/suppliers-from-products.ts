import type { Product } from '../models/product.js';
import { emptySupplier, type ProductSupplier, type Supplier } from '../models/supplier.js';
import { mergeSupplierPair, supplierMergeKey } from './merge-suppliers.js';

// Providers without a supplier search (official platform, DajiSaaS, PandaPon) still answer "which factories
// make X": their product results are grouped by seller.

const MAIN_PRODUCTS = 3;

interface Group {
  supplier: Supplier;
  titles: string[];
  sold: number[];
  productRates: number[];
  prices: number[];
  count: number;
  allAds: boolean;
}

/** The seller a listing describes, with every field it does not know set to unknown. */
function supplierOfListing(product: Product, listing: ProductSupplier): Supplier {
  const base = emptySupplier(product.provider, listing.id);
  const known = Object.fromEntries(Object.entries(listing).filter(([, v]) => v !== undefined));
  return {
    ...base,
    ...known,
    provider: product.provider,
    location: { ...base.location, ...listing.location },
    tags: listing.tags ?? [],
    mainProducts: listing.mainProducts ?? [],
  } as Supplier;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * One supplier per seller in a product result, in order of first appearance (products without a seller are
 * skipped). Per seller: the richest description any of its listings gave; `salesCount` the sum of known
 * monthly sales; `productsCount` the listings in this result; the price range over them; `repurchaseRate` the
 * shop's own rate when a listing gave it, else the mean of its products' known rates; `mainProducts` a few
 * titles; `isAd` only if every listing was an ad.
 */
export function suppliersFromProducts(products: readonly Product[]): Supplier[] {
  const groups = new Map<string, Group>();
  for (const product of products) {
    if (!product.supplier) continue;
    const listed = supplierOfListing(product, product.supplier);
    const key = supplierMergeKey(listed);
    const group = groups.get(key) ?? {
      supplier: listed,
      titles: [],
      sold: [],
      productRates: [],
      prices: [],
      count: 0,
      allAds: true,
    };
    if (groups.has(key)) group.supplier = mergeSupplierPair(group.supplier, listed);
    groups.set(key, group);
    group.count += 1;
    group.allAds &&= product.isAd;
    if (product.title.trim() && !group.titles.includes(product.title))
      group.titles.push(product.title.trim());
    if (product.monthSold !== null) group.sold.push(product.monthSold);
    if (product.repurchaseRate !== null) group.productRates.push(product.repurchaseRate);
    for (const price of [product.price, product.priceMax]) if (price !== null) group.prices.push(price);
  }
  return [...groups.values()].map(({ supplier, titles, sold, productRates, prices, count, allAds }) => ({
    ...supplier,
    isAd: allAds,
    salesCount: sold.length > 0 ? sum(sold) : null,
    productsCount: count,
    priceMin: prices.length > 0 ? Math.min(...prices) : null,
    priceMax: prices.length > 0 ? Math.max(...prices) : null,
    repurchaseRate:
      supplier.repurchaseRate ??
      (productRates.length > 0
        ? Math.round((sum(productRates) / productRates.length) * 10000) / 10000
        : null),
    mainProducts: [...new Set([...supplier.mainProducts, ...titles])].slice(0, MAIN_PRODUCTS),
  }));
}
