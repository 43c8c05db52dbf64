import type { Product } from '../../models/product.js';
import type { ProviderId } from '../../models/provider-id.js';
import { emptySupplier, type Supplier } from '../../models/supplier.js';

/** A product with every field unknown except the ones a test sets. */
export const aProduct = (provider: ProviderId, id: string, fields: Partial<Product> = {}): Product => ({
  provider,
  id,
  title: `title ${id}`,
  titleTranslated: null,
  url: null,
  imageUrl: null,
  price: null,
  priceMax: null,
  moq: null,
  monthSold: null,
  repurchaseRate: null,
  isAd: false,
  supplier: null,
  ...fields,
});

/** A supplier with every field unknown except the ones a test sets. */
export const aSupplier = (provider: ProviderId, id: string, fields: Partial<Supplier> = {}): Supplier => ({
  ...emptySupplier(provider, id),
  ...fields,
});
