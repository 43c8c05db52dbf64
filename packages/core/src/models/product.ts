import * as z from 'zod';
import { ProviderId } from './provider-id.js';
import { ProductSupplier, Rate } from './supplier.js';

/**
 * One 1688 product listing (offer) as any provider describes it. Prices are CNY, rates fractions 0–1, and
 * unknown is always `null`.
 */
export const Product = z.object({
  provider: ProviderId,
  id: z.string().min(1),
  title: z.string(),
  titleTranslated: z.string().nullable(),
  url: z.string().nullable(),
  imageUrl: z.string().nullable(),
  /** CNY; the lowest unit price when the provider gives a range. */
  price: z.number().nonnegative().nullable(),
  priceMax: z.number().nonnegative().nullable(),
  /** Minimum order quantity (pieces). */
  moq: z.number().nonnegative().nullable(),
  /** Sold in the last 30 days, only where the provider says its figure is monthly. */
  monthSold: z.number().nonnegative().nullable(),
  /** All-time quantity sold, where the provider's figure is a total (TMAPI `sale_quantity_int`). */
  totalSold: z.number().nonnegative().nullable().optional(),
  repurchaseRate: Rate.nullable(),
  isAd: z.boolean(),
  supplier: ProductSupplier.nullable(),
});
/** A product listing: see the {@link Product} schema. */
export type Product = z.infer<typeof Product>;
