import * as z from 'zod';
import { RateSource } from '../models/money.js';
import { Quota } from '../models/page.js';
import { ErrorKind } from '../models/provider-error.js';
import { ProviderId } from '../models/provider-id.js';
import { ProviderStatus } from './search-responses.js';

// The proxy's HTTP API, shared by the proxy (route schemas, OpenAPI) and createClient (validation), so the
// two cannot drift: its paths, and the answers of its service routes (providers, currencies, usage) and of every
// error. What the searches ask and answer is in search-params.ts and search-responses.ts; offers, landed cost and
// suppliers have their own *-routes.ts.

/**
 * The paths of the yuantou proxy's HTTP API: the searches, `/v1/providers`, `/v1/usage`, and the liveness
 * (`/healthz`) and readiness (`/readyz`) probes.
 */
export const ROUTES = {
  suppliers: '/v1/suppliers',
  products: '/v1/products',
  productsByImage: '/v1/products/by-image',
  providers: '/v1/providers',
  usage: '/v1/usage',
  currencies: '/v1/currencies',
  health: '/healthz',
  ready: '/readyz',
} as const;

/**
 * One provider as `GET /v1/providers` describes it: whether the proxy has it enabled (credentials configured),
 * its operations, how it finds suppliers, and its page-size maximum per operation.
 */
export const ProviderDescription = z.object({
  id: ProviderId,
  name: z.string(),
  enabled: z.boolean(),
  operations: z.array(z.enum(['searchSuppliers', 'searchProducts', 'searchProductsByImage'])),
  supplierSearch: z.enum(['native', 'fromProducts', 'none']),
  maxPageSize: z.record(z.string(), z.number()),
  /** The names (never the values) of the credential fields this provider is configured with. */
  credentialFields: z.array(z.string()).optional(),
  /** Which of those are secrets: never shown, logged or echoed by the proxy. */
  secretFields: z.array(z.string()).optional(),
});
/** One provider as `GET /v1/providers` describes it: see the {@link ProviderDescription} schema. */
export type ProviderDescription = z.infer<typeof ProviderDescription>;

/**
 * `GET /v1/currencies` answer: the currencies the proxy can convert CNY prices into right now, with the rates'
 * source and date, so a client can refuse a currency before any search (RUB is not in the ECB's list).
 */
export const CurrenciesResponse = z.object({
  currencies: z.array(z.string()),
  source: RateSource.nullable(),
  rateDate: z.string().nullable(),
  stale: z.boolean(),
  /** Why no list could be had (the rate feed is down); `currencies` is then empty. */
  error: z.string().optional(),
});
/** The `GET /v1/currencies` answer: see the {@link CurrenciesResponse} schema. */
export type CurrenciesResponse = z.infer<typeof CurrenciesResponse>;

/** `GET /v1/providers` answer: every provider and whether the proxy runs in demo mode. */
export const ProvidersResponse = z.object({
  providers: z.array(ProviderDescription),
  /** True when no real provider is configured and only sample data is served. */
  demoMode: z.boolean(),
  /**
   * What no enabled provider offers, so the add-in can say so instead of failing: the search operations and
   * `getOffer` (offer details). Absent from older proxies.
   */
  capabilitiesLeftOut: z
    .array(z.enum(['searchSuppliers', 'searchProducts', 'searchProductsByImage', 'getOffer']))
    .optional(),
  /**
   * Every capability no enabled provider offers, those of {@link capabilitiesLeftOut} and the later ones:
   * `estimateFreight` (freight to the buyer's warehouse, landed cost), `getSupplier` (supplier cards) and
   * `searchSupplierOffers` (a supplier's catalogue). Plain strings, so a capability added later never fails an
   * older client's validation. Absent from older proxies.
   */
  leftOut: z.array(z.string()).optional(),
});
/** The `GET /v1/providers` answer: see the {@link ProvidersResponse} schema. */
export type ProvidersResponse = z.infer<typeof ProvidersResponse>;

/** What one provider has cost today (UTC), counted across every proxy instance. */
export const ProviderUsage = z.object({
  provider: ProviderId,
  /** The UTC day counted, `2026-12-01`. */
  day: z.string(),
  /** Paid calls sent upstream today (retries included). */
  callsToday: z.number().int().nonnegative(),
  /** The configured daily budget (`YUANTOU_<PROVIDER>_DAILY_CALLS`), null when unlimited. */
  dailyBudget: z.number().int().positive().nullable(),
  /** Searches answered from the proxy's cache today, at no cost. */
  cacheHitsToday: z.number().int().nonnegative(),
  /** The provider's own quota as it last reported it (Onebound's `api_info`), null when it reports none. */
  upstreamQuota: Quota.nullable(),
  /** ISO 8601 time until which the provider gets no call (quota answered, or budget spent); null when usable. */
  exhaustedUntil: z.string().nullable(),
});
/** What one provider has cost today: see the {@link ProviderUsage} schema. */
export type ProviderUsage = z.infer<typeof ProviderUsage>;

/** The calling buyer's own paid calls today, when the proxy names its tokens (`YUANTOU_TOKENS=alice:…`). */
export const BuyerUsage = z.object({
  /** The buyer's name as configured; never the token. */
  name: z.string(),
  /** Paid calls this buyer's requests caused today (UTC), across proxy instances. */
  callsToday: z.number().int().nonnegative(),
  /** The buyer's own daily budget (`YUANTOU_TOKEN_DAILY_CALLS`), null when only provider budgets apply. */
  dailyBudget: z.number().int().positive().nullable(),
  /** ISO 8601 time the buyer's budget is back (next 00:00 UTC) while it is spent; null when usable. */
  exhaustedUntil: z.string().nullable(),
});
/** The calling buyer's own spend in `GET /v1/usage`. */
export type BuyerUsage = z.infer<typeof BuyerUsage>;

/** `GET /v1/usage`. */
export const UsageResponse = z.object({
  day: z.string(),
  providers: z.array(ProviderUsage),
  /** The caller's own spend; absent when the proxy runs without named tokens. */
  buyer: BuyerUsage.optional(),
  /** Paid calls of the whole team today: the sum of `providers[].callsToday`. */
  teamCallsToday: z.number().int().nonnegative().optional(),
});
/** The `GET /v1/usage` answer: the UTC day and each provider's usage. */
export type UsageResponse = z.infer<typeof UsageResponse>;

/** Every error body the proxy sends (RFC 9457 problem details, plus our fields). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  /** The request field at fault, for 400s. */
  field: z.string().optional(),
  kind: z
    .union([ErrorKind, z.enum(['validation', 'unauthorized', 'too_many_requests', 'internal'])])
    .optional(),
  retryAfterSeconds: z.number().optional(),
  providers: z.array(ProviderStatus).optional(),
});
/** An error body of the proxy: see the {@link Problem} schema. */
export type Problem = z.infer<typeof Problem>;
