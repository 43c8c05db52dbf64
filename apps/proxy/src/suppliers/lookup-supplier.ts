import {
  type AnyProviderAdapter,
  creditCheckUrl,
  mergeSupplierDetails,
  ProviderError,
  type ProviderId,
  parseSupplierRef,
  type SupplierAttempt,
  type SupplierDetail,
  type SupplierDetailResponse,
  supplierSignals,
  supplierVerdict,
} from '@yuantou/core';
import type { FastifyBaseLogger } from 'fastify';
import type { SupplierLookup } from '../gateway/gateway-contract.js';
import { ProblemError, problem } from '../problem.js';

// `GET /v1/suppliers/:id`: every enabled provider with supplier details is asked at once (each through the
// gateway: cached a day, single-flighted, budgeted), and what they say is merged like a search: per field, the
// first provider in config order that knows it. A provider that cannot look up this id form (TMAPI and a login
// id) is skipped before any cost.

export interface SupplierLookupDeps {
  getSupplier: SupplierLookup;
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
  const signals = supplierSignals(merged);
  return {
    supplier: { ...merged, creditCheckUrl: creditCheckUrl(merged.registration.creditCode) },
    signals,
    verdict: supplierVerdict(signals),
    providers: attempts,
    fetchedAt: new Date(Math.min(...found.map((a) => a.storedAt!))).toISOString(),
  };
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
