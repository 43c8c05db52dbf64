import * as z from 'zod';
import { MaxAge } from '../models/max-age.js';
import { ProviderErrorJson } from '../models/provider-error.js';
import { ProviderId } from '../models/provider-id.js';
import { SupplierDetail } from '../models/supplier-detail.js';

// `GET /v1/suppliers/:id`: one supplier's due-diligence card, shared by the proxy (route schema, OpenAPI) and
// createClient (validation), so the two cannot drift.

/**
 * The proxy's supplier paths: `id` is a member id (`b2b-…`), a shop link (URL-encoded) or a login id; `offers` is
 * the supplier's catalogue, ranked like a product search.
 */
export const SUPPLIER_ROUTES = { supplier: '/v1/suppliers/:id', offers: '/v1/suppliers/:id/offers' } as const;

/** The `id` path parameter as received; `parseSupplierRef` decides whether it names a supplier. */
export const SupplierIdParam = z.string().max(2000, 'id is longer than 2000 characters');

/** `GET /v1/suppliers/:id` query string. */
export const SupplierParams = z.object({
  /** Seconds: how old a served supplier answer may be; `0` forces one fresh paid call (see {@link MaxAge}). */
  maxAge: MaxAge,
});
/** A supplier query string after parsing: see the {@link SupplierParams} schema. */
export type SupplierParams = z.infer<typeof SupplierParams>;

/** A supplier's detail as the proxy answers it: merged across providers, plus the registration check link. */
export const SupplierCard = SupplierDetail.extend({
  /**
   * The national enterprise credit system (gsxt.gov.cn) search link for the credit code, for the buyer to open;
   * built by the proxy, never fetched. `null` without a valid unified social credit code.
   */
  creditCheckUrl: z.string().nullable(),
});
/** A merged supplier detail with its check link: see {@link SupplierCard}. */
export type SupplierCard = z.infer<typeof SupplierCard>;

/** One finding about a supplier, with the fact it rests on (`supplierSignals`). */
export const SupplierSignalJson = z.object({
  kind: z.enum(['factory', 'trader', 'risk', 'unknown']),
  reason: z.string(),
  evidence: z.string().nullable(),
});

/** What one provider did for a supplier lookup: `ok`, `error`, or `skipped` (it cannot look up this id form). */
export const SupplierAttempt = z.object({
  provider: ProviderId,
  outcome: z.enum(['ok', 'error', 'skipped']),
  fromCache: z.boolean(),
  durationMs: z.number().nonnegative(),
  error: ProviderErrorJson.optional(),
});
/** What one provider did: see {@link SupplierAttempt}. */
export type SupplierAttempt = z.infer<typeof SupplierAttempt>;

/** The `GET /v1/suppliers/:id` answer. */
export const SupplierDetailResponse = z.object({
  supplier: SupplierCard,
  signals: z.array(SupplierSignalJson),
  /** Factory or trader by the signals, and the reasons it rests on (`supplierVerdict`). */
  verdict: z.object({ verdict: z.enum(['factory', 'trader', 'unclear']), basis: z.string() }),
  providers: z.array(SupplierAttempt),
  /** When the oldest provider answer in this card was fetched from the provider (ISO 8601). */
  fetchedAt: z.string(),
});
/** The `GET /v1/suppliers/:id` answer: see {@link SupplierDetailResponse}. */
export type SupplierDetailResponse = z.infer<typeof SupplierDetailResponse>;
