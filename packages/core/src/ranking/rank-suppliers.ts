import type { RankedSupplier } from '../models/ranked.js';
import type { MergedSupplier, Supplier } from '../models/supplier.js';
import type { SupplierDetail } from '../models/supplier-detail.js';
import type { supplierVerdict } from '../suppliers/supplier-evidence.js';
import { offTopicFlag, sellerFlags } from './red-flags.js';
import { type Positions, searchMatcher } from './relevance.js';
import { rankEntries, resolveWeights } from './score-factors.js';
import { type SupplierContext, supplierFactors, supplierTexts } from './supplier-factors.js';
import { DEFAULT_SUPPLIER_WEIGHTS, type SupplierWeights } from './supplier-weights.js';

/** Options of {@link rankSuppliers}. */
export interface RankSuppliersOptions {
  /** Weights to change; the rest keep {@link DEFAULT_SUPPLIER_WEIGHTS}. Each must be a finite number ≥ 0 (else `RangeError`). */
  weights?: Partial<SupplierWeights>;
  /** The buyer's search: scores the `relevance` factor. Without it relevance is neutral for everyone. */
  keyword?: string;
  /**
   * The keyword providers were actually sent when it differs from `keyword` (a translation, e.g. 毛绒玩具 for
   * `plush toys`): relevance and the off-topic flag take the better match of the two.
   */
  searchedAs?: string;
  /**
   * Each supplier's 1-based position in its provider's own order (by supplier id; see `providerPositions`), a
   * weak prior for relevance.
   */
  positions?: Positions;
  /**
   * Supplier details at hand (a card already looked up: `GET /v1/suppliers/:id`), by supplier id. Where one is,
   * the `factory` factor follows its signals' verdict ({@link supplierVerdict}) and says so in its note; an
   * unclear card leaves the search result's own evidence in charge.
   */
  details?: ReadonlyMap<string, SupplierDetail>;
}

/**
 * Scores suppliers 0–100 and sorts them best first (ties: more known factors, then id). Unknown values earn
 * half of their factor's share (see NEUTRAL_FRACTION); red flags cap the score (see red-flags.ts). A supplier
 * that was not merged gets `sources: [provider]`.
 */
export function rankSuppliers(
  suppliers: readonly (Supplier | MergedSupplier)[],
  options: RankSuppliersOptions = {},
): RankedSupplier[] {
  const { keyword, positions } = options;
  const weights = resolveWeights(DEFAULT_SUPPLIER_WEIGHTS, options.weights);
  const matcher = searchMatcher(keyword, options.searchedAs);
  const context: SupplierContext = {
    matcher,
    ...(positions ? { positions } : {}),
    ...(options.details ? { details: options.details } : {}),
  };
  return rankEntries(
    suppliers.map((s) => {
      const offTopic = offTopicFlag(matcher.match(supplierTexts(s)));
      return {
        item: { ...s, sources: 'sources' in s && s.sources.length > 0 ? [...s.sources] : [s.provider] },
        factors: supplierFactors(s, context),
        flags: [...sellerFlags(s), ...(offTopic ? [offTopic] : [])],
      };
    }),
    weights,
  );
}
