import * as z from 'zod';
import { PriceTier } from './offer.js';
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
  /**
   * The quantity prices (阶梯价) the search result carries, parsed with the offer details' rules (issue 21):
   * TMAPI's `quantity_prices`. Absent when the provider's search result has none (the official and reseller
   * models give one `priceInfo.price`), so price at a quantity is then unknown.
   */
  priceTiers: z.array(PriceTier).optional(),
});
/** A product listing: see the {@link Product} schema. */
export type Product = z.infer<typeof Product>;
