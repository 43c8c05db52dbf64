import type { ProviderId, SupplierDetail } from '@yuantou/core';
import type { Logger } from 'pino';
import { withinMaxAge } from '../store/answer-age.js';
import type { AnswerStore } from '../store/answer-store.js';
import { cacheKey, type ResponseCache } from '../upstream/response-cache.js';
import type { GatewayOperation } from './gateway-contract.js';
import { errorSummary } from './redis-outage-watch.js';

// The official platform has no shop-profile call ("There is no shop-profile endpoint in the 142-API cross-border
// set"); its detail model (relayed by DajiSaaS and PandaPon) carries the seller's facts instead, under an encrypted
// `sellerOpenId` and never a member id. A paid offer detail that carried them (`Offer.supplierDetail`) therefore
// also keeps them as that seller's card — in the cache (a supplier card's TTL, a day) and in the store — so
// `GET /v1/suppliers/<provider>:<openId>` and the ranking's peek answer from them without any further call.

/** Kept under the `getSupplier` operation (its TTL and metrics), keyed by what names the seller. */
const OPERATION = 'getSupplier' satisfies GatewayOperation;

/** The cache and store key of one seller's kept facts. */
export const sellerFactsKey = (provider: ProviderId, sellerOpenId: string) =>
  cacheKey(provider, OPERATION, { sellerOpenId });

/** The seller card a paid answer carried, or undefined (not an offer, or an offer without seller facts). */
function factsOf(operation: GatewayOperation, page: unknown) {
  if (operation !== 'getOffer' || typeof page !== 'object' || page === null) return undefined;
  const offer = page as { sellerOpenId?: unknown; supplierDetail?: SupplierDetail | null };
  if (typeof offer.sellerOpenId !== 'string' || !offer.supplierDetail) return undefined;
  return { sellerOpenId: offer.sellerOpenId, detail: offer.supplierDetail };
}

export interface SellerFactsDeps {
  cache: ResponseCache;
  archive?: AnswerStore;
  logger: Logger;
}

/**
 * Keeps the seller card of a paid offer answer, with the answer's own time. Never throws: a failed cache write
 * is logged, the store degrades by itself; the offer is answered either way.
 */
export async function keepSellerFacts(
  deps: SellerFactsDeps,
  provider: ProviderId,
  operation: GatewayOperation,
  page: unknown,
  fetchedAt: number,
): Promise<void> {
  const facts = factsOf(operation, page);
  if (!facts) return;
  const key = sellerFactsKey(provider, facts.sellerOpenId);
  await deps.cache.store(key, OPERATION, facts.detail, fetchedAt).catch((error) => {
    deps.logger.warn({ err: errorSummary(error) }, 'cache write failed');
  });
  await deps.archive?.record({ key, provider, operation: OPERATION, page: facts.detail, fetchedAt });
}

/**
 * One seller's kept facts: the cache entry whatever its freshness (there is nothing to refresh it with but
 * another offer), else the store's last one; undefined when none is at hand or it is older than `maxAgeSeconds`.
 * Never a paid call. A cache outage reads as a miss.
 */
export async function keptSellerFacts(
  deps: SellerFactsDeps,
  provider: ProviderId,
  sellerOpenId: string,
  maxAgeSeconds?: number,
): Promise<{ detail: SupplierDetail; storedAt: number } | undefined> {
  const key = sellerFactsKey(provider, sellerOpenId);
  const cached = await deps.cache.lookup(key, OPERATION).catch(() => undefined);
  const found = cached
    ? { detail: cached.entry.page as SupplierDetail, storedAt: cached.entry.storedAt }
    : await deps.archive
        ?.lastAnswer(key)
        .then((a) => a && { detail: a.page as SupplierDetail, storedAt: a.fetchedAt });
  if (!found) return undefined;
  if (maxAgeSeconds !== undefined && !withinMaxAge(found.storedAt, maxAgeSeconds, Date.now()))
    return undefined;
  return found;
}
