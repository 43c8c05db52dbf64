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
export type RedFlag = z.infer<typeof RedFlag>;

const scored = {
  score: z.number().min(0).max(100),
  breakdown: z.array(ScoreFactor),
  /** Empty when nothing is wrong; optional on input so answers from an older proxy still parse. */
  flags: z.array(RedFlag).default([]),
};

export const RankedSupplier = MergedSupplier.extend(scored);
export type RankedSupplier = z.infer<typeof RankedSupplier>;

export const RankedProduct = Product.extend(scored);
export type RankedProduct = z.infer<typeof RankedProduct>;
