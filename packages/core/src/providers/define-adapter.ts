import type * as z from 'zod';
import { OfferQuery } from '../models/offer.js';
import { ProviderError } from '../models/provider-error.js';
import { ImageQuery, ProductQuery, SupplierOffersQuery, SupplierQuery } from '../models/query.js';
import { SupplierRef } from '../models/supplier-detail.js';
import type { AnyProviderAdapter, RequestContext } from './provider-contract.js';

// `buildRequest` is also called from plain JavaScript, where nothing stops `{ pageSize: 'abc' }` or missing
// credentials: before this check such calls built `page_size=NaN` and `apiToken=undefined` URLs. Each operation's
// query and the adapter's credentials are checked against their schemas first, with a clear error naming the
// field. `map`/`sign` (the proxy's path, on queries and credentials it has already validated) are unchanged.

const QUERY_SCHEMAS = {
  searchSuppliers: SupplierQuery,
  searchProducts: ProductQuery,
  searchProductsByImage: ImageQuery,
  getOffer: OfferQuery,
  getSupplier: SupplierRef,
  searchSupplierOffers: SupplierOffersQuery,
} as const;

type CheckedOperation = keyof typeof QUERY_SCHEMAS;

/** The parsed value, or a `bad_request` ProviderError naming each bad field (never its value: it may be a secret). */
function checked<T>(
  provider: AnyProviderAdapter['id'],
  what: string,
  schema: z.ZodType<T>,
  value: unknown,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  throw new ProviderError({ provider, kind: 'bad_request', message: `${provider} ${what}: ${fields}` });
}

/**
 * The adapter with every operation's `buildRequest` checking its query (SupplierQuery, ProductQuery, ImageQuery
 * or OfferQuery) and the credentials (`adapter.credentials`) before building anything. Throws `ProviderError`
 * (`bad_request`) on invalid input; otherwise the same request as before.
 */
export function defineAdapter<Adapter extends AnyProviderAdapter>(adapter: Adapter): Adapter {
  const operations = Object.keys(QUERY_SCHEMAS) as CheckedOperation[];
  const wrapped: Record<string, unknown> = { ...(adapter as object) };
  for (const name of operations) {
    const operation = adapter[name];
    if (!operation) continue;
    wrapped[name] = {
      ...operation,
      buildRequest(query: unknown, credentials: unknown, ctx?: Partial<RequestContext>) {
        const validQuery = checked(adapter.id, `${name} query`, QUERY_SCHEMAS[name] as z.ZodType, query);
        const validCredentials = checked(adapter.id, 'credentials', adapter.credentials, credentials);
        return operation.buildRequest(validQuery as never, validCredentials, ctx);
      },
    };
  }
  return wrapped as Adapter;
}
