import {
  type AnyProviderAdapter,
  creditCheckUrl,
  mergeSupplierDetails,
  ProviderError,
  type ProviderId,
  parseSellerOpenIdRef,
  parseSupplierRef,
  type SupplierAttempt,
  type SupplierDetail,
  type SupplierDetailResponse,
  supplierSignals,
  supplierVerdict,
} from '@yuantou/core';
import type { FastifyBaseLogger } from 'fastify';
import type { ProviderGateway, SupplierLookup } from '../gateway/gateway-contract.js';
import { ProblemError, problem } from '../problem.js';

// `GET /v1/suppliers/:id`: every enabled provider with supplier details is asked at once (each through the
// gateway: cached a day, single-flighted, budgeted), and what they say is merged like a search: per field, the
// first provider in config order that knows it. A provider that cannot look up this id form (TMAPI and a login
// id) is skipped before any cost.

export interface SupplierLookupDeps {
  getSupplier: SupplierLookup;
  /** The seller facts kept from official/reseller offer answers (ids `<provider>:<sellerOpenId>`), never paid. */
  sellerFacts: ProviderGateway['sellerFacts'];
  providers: readonly { id: ProviderId; adapter: AnyProviderAdapter }[];
  log: FastifyBaseLogger;
  signal: AbortSignal;
  /** Seconds: how old a served answer may be (`maxAge`, issue 22); `0` forces one fresh paid call. */
  maxAge?: number | undefined;
}

const STATUS: Record<string, number> = { not_found: 404, rate_limited: 503, quota: 503, timeout: 504 };

interface Answer {
  attempt: SupplierAttempt;
  detail?: SupplierDetail;
  storedAt?: number;
}

async function ask(
  deps: SupplierLookupDeps,
  provider: { id: ProviderId; adapter: AnyProviderAdapter },
  ref: NonNullable<ReturnType<typeof parseSupplierRef>>,
): Promise<Answer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    // Pure and free: an id form this provider cannot look up is skipped, never sent.
    provider.adapter.getSupplier!.map(ref);
  } catch (error) {
    if (ProviderError.isInstance(error) && error.kind === 'bad_request')
      return {
        attempt: {
          provider: provider.id,
          outcome: 'skipped',
          fromCache: false,
          durationMs: 0,
          error: error.toJSON(),
        },
      };
    throw error;
  }
  try {
    const freshness = deps.maxAge === undefined ? {} : { maxAgeSeconds: deps.maxAge };
    const result = await deps.getSupplier(provider.id, ref, deps.signal, freshness);
    return {
      attempt: {
        provider: provider.id,
        outcome: 'ok',
        fromCache: result.fromCache,
        durationMs: result.durationMs,
      },
      detail: result.detail,
      storedAt: result.storedAt,
    };
  } catch (error) {
    if (!ProviderError.isInstance(error)) throw error;
    return {
      attempt: {
        provider: provider.id,
        outcome: 'error',
        fromCache: false,
        durationMs: elapsed(),
        error: error.toJSON(),
      },
    };
  }
}

/** The supplier card for `id`, or throws ProblemError (400 naming `id`, 404, or the providers' failure). */
export async function lookupSupplier(deps: SupplierLookupDeps, id: string): Promise<SupplierDetailResponse> {
  const seller = parseSellerOpenIdRef(id);
  if (seller !== null) return keptSellerCard(deps, seller);
  const ref = parseSupplierRef(id);
  if (ref === null)
    throw new ProblemError(
      problem(
        400,
        'id: give a member id (b2b-…), a 1688 shop link (https://shopNNN.1688.com) or a login id',
        {
          kind: 'validation',
          field: 'id',
        },
      ),
    );
  const providers = deps.providers.filter((p) => p.adapter.getSupplier !== undefined);
  const answers = await Promise.all(providers.map((p) => ask(deps, p, ref)));
  const found = answers.filter((a) => a.detail !== undefined);
  const attempts = answers.map((a) => a.attempt);
  if (found.length === 0) throw new ProblemError(failure(ref.kind, ref.value, attempts));
  const merged = mergeSupplierDetails(found.map((a) => a.detail!));
  return card(merged, attempts, Math.min(...found.map((a) => a.storedAt!)));
}

function card(detail: SupplierDetail, attempts: SupplierAttempt[], storedAt: number): SupplierDetailResponse {
  const signals = supplierSignals(detail);
  return {
    supplier: { ...detail, creditCheckUrl: creditCheckUrl(detail.registration.creditCode) },
    signals,
    verdict: supplierVerdict(signals),
    providers: attempts,
    fetchedAt: new Date(storedAt).toISOString(),
  };
}

/**
 * A seller the official platform names only by its encrypted `sellerOpenId`: its card is what that provider's
 * offer answers said about it, kept when the offer was fetched. These providers have no seller call, so without
 * kept facts the answer is a 404 saying so, never a paid walk. The facts are not merged into a member-id card:
 * nothing at hand links an open id to a member id (only PandaPon's paid `openuid/decrypt` → Wangwang nickname
 * would), and names are never matched.
 */
async function keptSellerCard(
  deps: SupplierLookupDeps,
  { provider, sellerOpenId }: NonNullable<ReturnType<typeof parseSellerOpenIdRef>>,
): Promise<SupplierDetailResponse> {
  const started = performance.now();
  const freshness = deps.maxAge === undefined ? {} : { maxAgeSeconds: deps.maxAge };
  const kept = await deps.sellerFacts(provider, sellerOpenId, freshness);
  if (!kept) {
    const young = deps.maxAge === undefined ? '' : ' young enough for maxAge';
    const detail =
      `${provider}:${sellerOpenId} is known only from an offer: ${provider} gives no seller lookup, only the ` +
      `seller facts in its offer details, and none are at hand${young}; open one of its offers ` +
      `(GET /v1/offers/:ref) through ${provider} to get its card`;
    throw new ProblemError(problem(404, detail, { kind: 'not_found' }));
  }
  const attempt: SupplierAttempt = {
    provider,
    outcome: 'ok',
    fromCache: true,
    durationMs: Math.round(performance.now() - started),
  };
  return card(kept.detail, [attempt], kept.storedAt);
}

function failure(kind: string, value: string, attempts: SupplierAttempt[]) {
  const tried = attempts.filter((a) => a.outcome === 'error');
  if (tried.length === 0) {
    const form = kind === 'loginId' ? 'login id' : kind === 'shopUrl' ? 'shop link' : 'member id';
    return problem(400, `id: no enabled provider looks a supplier up by ${form}; give a member id (b2b-…)`, {
      kind: 'validation',
      field: 'id',
    });
  }
  if (tried.every((a) => a.error?.kind === 'not_found'))
    return problem(404, `no provider knows a supplier ${value}`, { kind: 'not_found' });
  const last = tried.at(-1)!.error!;
  return problem(STATUS[last.kind] ?? 502, `${last.provider}: ${last.message}`, { kind: last.kind });
}
