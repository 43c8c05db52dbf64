import {
  type Language,
  type OfferAttempt,
  type OfferItemError,
  OfferRefError,
  type OfferResult,
  type OffersResponse,
  ProviderError,
  type ProviderId,
  parseOfferRef,
} from '@yuantou/core';
import type { FastifyBaseLogger } from 'fastify';
import type { CurrencyConverter } from '../fx/currency-converter.js';
import type { OfferLookup, OfferPeek } from '../gateway/gateway-contract.js';
import { quoteCurrency } from '../search/localize.js';
import { type BatchDeadline, deadlineError } from './batch-deadline.js';
import { convertOfferPrices } from './convert-offer.js';
import type { NotFoundMemory } from './not-found-memory.js';
import { exhausted, type Found, offerSellerFields, priced, served } from './offer-outcome.js';
import { type Asked, spreadLookups, type Walk } from './offer-spread.js';
import type { OffersInFlight } from './offers-in-flight.js';

// `POST /v1/offers` and `GET /v1/offers/:ref`: each ref parsed on its own (one bad link fails only itself),
// each distinct offer looked up once (duplicate refs cost one call), the distinct offers spread over every
// provider with details up to each one's rate and concurrency (offer-spread.ts), each offer still asking a
// provider at most once and falling back as the walk always did; one deadline for the batch, the offers not
// served by then answered with kind `deadline`; each result handed to `onResult` as soon as it is known (the
// streamed answer). Every provider call goes through the gateway: cache, single-flight, rate limits,
// budgets, breaker — offers are paid calls like searches. Before any is paid, every provider's cache is looked in
// (a batch a later provider served after a fallback costs nothing the second time), and an offer the providers
// recently all said was not found is answered from that memory, with when they said it (issue 23).

export { FALLBACK_KINDS } from './offer-spread.js';

export interface OfferProvider {
  id: ProviderId;
  /** At most this many of one request's lookups are at this provider at once. */
  concurrency: number;
  /** Offers are handed to this provider no faster than its configured rate (see offer-spread.ts). */
  requestsPerMinute?: number;
}

export interface LookupOffersDeps {
  getOffer: OfferLookup;
  /** Cache-only look at one provider (no call); without it only the walk's own cache hits are free. */
  peekOffer?: OfferPeek;
  /** Remembered not-founds; without it every lookup walks. */
  notFound?: NotFoundMemory;
  /** What other requests of this process are asking now: an offer joins a call in flight rather than pay twice. */
  inFlight?: OffersInFlight;
  /** A walk stops after this many providers said "not found" (default: no cap). */
  notFoundProviders?: number;
  /** Providers with offer details, in the order to try them. */
  providers: OfferProvider[];
  /** Rates for `currency`: the same converter searches use. */
  fx: CurrencyConverter;
  log: FastifyBaseLogger;
  signal?: AbortSignal;
  /**
   * The batch's one deadline (started when the request arrived, batch-deadline.ts): the offers not served by then
   * are answered with error kind `deadline` (an older answer counts as served); undefined = none.
   */
  batchDeadline?: BatchDeadline;
  /** Called once the currency is quoted, before any lookup: what a streamed answer's first line says. */
  onStart?: (start: Pick<OffersResponse, 'providerOrder' | 'currency'>) => void;
  /** Each ref's result as soon as it is known (in the order they finish), for a streamed answer. */
  onResult?: (index: number, result: OfferResult) => void;
}

export interface LookupOffersInput {
  refs: string[];
  language?: Language;
  quantity?: number;
  /** ISO 4217, already upper-cased by the route schema. */
  currency?: string;
  /** Seconds: how old a served offer may be (`0`: one fresh paid call); undefined = the configured TTL. */
  maxAge?: number;
}

type Parsed = { offerId: string } | { error: OfferItemError };

function parseRef(ref: string): Parsed {
  try {
    return { offerId: parseOfferRef(ref) };
  } catch (error) {
    if (error instanceof OfferRefError) return { error: { kind: 'invalid_ref', message: error.message } };
    throw error;
  }
}

export async function lookupOffers(
  deps: LookupOffersDeps,
  input: LookupOffersInput,
): Promise<OffersResponse> {
  // The rate first, like searches: an unknown currency is a 400 naming `currency` before any provider is paid.
  const quote = await quoteCurrency(deps.fx, input.currency, deps.signal);
  const providerOrder = deps.providers.map((p) => p.id);
  deps.onStart?.({ providerOrder, ...(quote ? { currency: quote } : {}) });
  const freshness = { maxAgeSeconds: input.maxAge };
  const found = new Map<string, Found>();
  const results: OfferResult[] = new Array(input.refs.length);
  const parsed = input.refs.map(parseRef);
  const indexesOf = new Map<string, number[]>();
  parsed.forEach((p, index) => {
    if ('offerId' in p) indexesOf.set(p.offerId, [...(indexesOf.get(p.offerId) ?? []), index]);
  });

  const answer = (index: number, result: OfferResult) => {
    results[index] = result;
    deps.onResult?.(index, result);
  };
  /** One offer is known: every ref that names it is answered now (duplicate refs cost one lookup). */
  const settle = (offer: Found) => {
    if (found.has(offer.offerId)) return;
    found.set(offer.offerId, offer);
    for (const index of indexesOf.get(offer.offerId) ?? []) {
      answer(index, {
        ref: input.refs[index]!,
        ...offer,
        ...priced(offer.offer, input.quantity, quote),
        ...(offer.offer && quote ? { pricesConverted: convertOfferPrices(offer.offer, quote) } : {}),
        ...(offer.offer ? offerSellerFields(offer.offer, input.language) : {}),
      });
    }
  };

  async function ask(provider: ProviderId, offerId: string): Promise<Asked> {
    const started = performance.now();
    const ended = deps.inFlight?.begin(offerId, input.language, provider);
    try {
      const result = await deps.getOffer(
        provider,
        { id: offerId, language: input.language },
        deps.signal,
        freshness,
      );
      return {
        provider,
        outcome: 'ok',
        fromCache: result.fromCache,
        durationMs: Math.round(result.durationMs),
        ...(result.ignored.length > 0 ? { ignored: result.ignored } : {}),
        offer: result.offer,
        fetchedAt: result.fetchedAt,
        ...(result.staleReason ? { staleReason: result.staleReason } : {}),
      };
    } catch (error) {
      // The client went away: stop walking the providers, nobody reads the answer.
      if (deps.signal?.aborted) throw error;
      const failure = ProviderError.isInstance(error)
        ? error
        : new ProviderError({ provider, kind: 'upstream', message: `${provider} failed unexpectedly` });
      if (!ProviderError.isInstance(error))
        deps.log.error({ err: error, provider }, 'offer lookup threw a non-ProviderError');
      return {
        provider,
        outcome: 'error',
        fromCache: false,
        durationMs: Math.round(performance.now() - started),
        error: failure.toJSON(),
      };
    } finally {
      ended?.();
    }
  }

  /** The not-found memory, then every provider's cache: true when the offer was answered without paying. */
  async function answeredFree(offerId: string): Promise<boolean> {
    const checkedAt = await deps.notFound?.checkedAt(offerId);
    if (checkedAt) {
      const message = `offer ${offerId} not found (last checked ${checkedAt}; no provider asked again since)`;
      settle({ offerId, attempts: [], error: { kind: 'not_found', message, checkedAt } });
      return true;
    }
    const cached = await peekEveryCache(offerId);
    if (cached) settle(cached);
    return cached !== undefined;
  }

  /** The first provider (in order) whose cache holds the offer, without paying any. */
  async function peekEveryCache(offerId: string): Promise<Found | undefined> {
    const peek = deps.peekOffer;
    if (!peek) return undefined;
    const query = { id: offerId, language: input.language };
    const hits = await Promise.all(
      deps.providers.map(({ id }) => peek(id, query, freshness).catch(() => undefined)),
    );
    const index = hits.findIndex((hit) => hit !== undefined);
    if (index < 0) return undefined;
    const hit = hits[index]!;
    const provider = deps.providers[index]!.id;
    const attempt: OfferAttempt = {
      provider,
      outcome: 'ok',
      fromCache: true,
      durationMs: hit.durationMs,
      ...(hit.ignored.length > 0 ? { ignored: hit.ignored } : {}),
    };
    return served(offerId, provider, hit.offer, attempt, [attempt], { fetchedAt: hit.fetchedAt });
  }

  const walked = async (walk: Walk) => {
    const { offerId, attempts } = walk;
    if (walk.served) {
      const { provider, asked } = walk.served;
      const { offer, fetchedAt, staleReason, ...attempt } = asked;
      return settle(served(offerId, provider, offer!, attempt, attempts, { fetchedAt, staleReason }));
    }
    if (walk.end === 'deadline') {
      return settle({
        offerId,
        attempts,
        error: deadlineError(offerId, walk.asking ?? [], deps.batchDeadline!.ms),
      });
    }
    const error = exhausted(offerId, attempts);
    settle({ offerId, attempts, error });
    if (error.kind === 'not_found') await deps.notFound?.remember(offerId, new Date());
  };

  parsed.forEach((p, index) => {
    if ('error' in p) answer(index, { ref: input.refs[index]!, offerId: null, attempts: [], error: p.error });
  });
  const offerIds = [...indexesOf.keys()];
  if (deps.providers.length === 0) {
    for (const offerId of offerIds) {
      settle({
        offerId,
        attempts: [],
        error: { kind: 'no_provider', message: 'no enabled provider offers product details' },
      });
    }
  } else {
    const remembering: Promise<void>[] = [];
    await spreadLookups(
      {
        providers: deps.providers,
        ask,
        answeredFree,
        askingNow: (offerId) => deps.inFlight?.at(offerId, input.language),
        onWalked: (walk) => void remembering.push(walked(walk)),
        notFoundProviders: deps.notFoundProviders,
        deadlineMs: deps.batchDeadline?.leftMs(),
        signal: deps.signal,
      },
      offerIds,
    );
    await Promise.all(remembering);
  }
  return {
    results,
    providerOrder,
    sampleData: results.some((r) => r.provider === 'demo'),
    ...(quote ? { currency: quote } : {}),
  };
}
