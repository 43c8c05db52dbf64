import * as z from 'zod';
import { Product } from './product.js';
import { MergedSupplier } from './supplier.js';

/** One line of "why this ranks here": the value used, its weight, and the points it earned. */
export const ScoreFactor = z.object({
  factor: z.string(),
  label: z.string(),
  value: z.union([z.number(), z.string(), z.boolean()]).nullable(),
  weight: z.number(),
  /**
   * Contribution to the 0–100 score; missing data earns the neutral share of its weight. The `redFlags` line
   * is negative: what the red-flag cap took away.
   */
  points: z.number(),
  /** How the value was read, e.g. "inferred from the name: 贸易" or the keyword parts matched. */
  note: z.string().optional(),
});
/** One line of a score breakdown: see the {@link ScoreFactor} schema. */
export type ScoreFactor = z.infer<typeof ScoreFactor>;

/** A reason not to buy from this seller without checking first; it caps the score (see the core README). */
export const RedFlag = z.object({
  /** `creditB`, `creditC`, `returnRate`, `moqAboveQuantity`. */
  flag: z.string(),
  /** Why, in the words a buyer reads, with the value that triggered it. */
  reason: z.string(),
  /** The highest score an item with this flag can reach. */
  cap: z.number().min(0).max(100),
});
/** A red flag that capped a score: see the {@link RedFlag} schema. */
export type RedFlag = z.infer<typeof RedFlag>;

const scored = {
  score: z.number().min(0).max(100),
  breakdown: z.array(ScoreFactor),
  /** Empty when nothing is wrong; optional on input so answers from an older proxy still parse. */
  flags: z.array(RedFlag).default([]),
};

/** A merged supplier with its 0–100 `score`, the `breakdown` that adds up to it and the red `flags` that capped it. */
export const RankedSupplier = MergedSupplier.extend(scored);
/** A supplier as {@link rankSuppliers} returns it: see the {@link RankedSupplier} schema. */
export type RankedSupplier = z.infer<typeof RankedSupplier>;

/** A product with its 0–100 `score`, the `breakdown` that adds up to it and the red `flags` that capped it. */
export const RankedProduct = Product.extend(scored);
/** A product as {@link rankProducts} returns it: see the {@link RankedProduct} schema. */
export type RankedProduct = z.infer<typeof RankedProduct>;
