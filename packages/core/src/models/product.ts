import * as z from 'zod';
import { ProviderId } from './provider-id.js';
import { ProductSupplier, Rate } from './supplier.js';

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
  monthSold: z.number().nonnegative().nullable(),
  repurchaseRate: Rate.nullable(),
  isAd: z.boolean(),
  supplier: ProductSupplier.nullable(),
});
export type Product = z.infer<typeof Product>;
