import * as z from 'zod';
import { Product } from './product.js';
import { MergedSupplier } from './supplier.js';

/** One line of "why this ranks here": the value used, its weight, and the points it earned. */
export const ScoreFactor = z.object({
  factor: z.string(),
  label: z.string(),
  value: z.union([z.number(), z.string(), z.boolean()]).nullable(),
  weight: z.number(),
  /** Contribution to the 0–100 score; missing data earns the neutral share of its weight. */
  points: z.number(),
});
export type ScoreFactor = z.infer<typeof ScoreFactor>;

const scored = { score: z.number().min(0).max(100), breakdown: z.array(ScoreFactor) };

export const RankedSupplier = MergedSupplier.extend(scored);
export type RankedSupplier = z.infer<typeof RankedSupplier>;

export const RankedProduct = Product.extend(scored);
export type RankedProduct = z.infer<typeof RankedProduct>;
