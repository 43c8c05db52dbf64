import {
  type ConversionFailure,
  cheaperTotalAt,
  type Language,
  type Offer,
  type OfferAttempt,
  type OfferItemError,
  OfferPriceError,
  OfferRefError,
  type OfferResult,
  type OffersResponse,
  ProviderError,
  type ProviderId,
  parseOfferRef,
  priceAt,
  type RateQuote,
} from '@yuantou/core';
import type { FastifyBaseLogger } from 'fastify';
import type { CurrencyConverter } from '../fx/currency-converter.js';
import type { OfferLookup, OfferPeek } from '../gateway/gateway-contract.js';
import { placeInEnglish, sellerLabels } from '../language/seller-labels.js';
import { quoteCurrency } from '../search/localize.js';
import { convertOfferPrice, convertOfferPrices } from './convert-offer.js';
import type { NotFoundMemory } from './not-found-memory.js';
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
   * One deadline for the whole batch (ms): the offers not served by then are answered with error kind
   * `deadline` (an older answer counts as served); undefined = none.
   */
  batchDeadlineMs?: number;
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

interface Found {
  offerId: string;
  offer?: Offer;
  provider?: ProviderId;
  fromCache?: boolean;
  /** ISO 8601: when the provider gave `offer`. */
  fetchedAt?: string;
  stale?: boolean;
  staleReason?: string;
  ignored?: string[];
  attempts: OfferAttempt[];
  error?: OfferItemError;
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

/** One line per provider that failed, e.g. `tmapi: not found; onebound: quota exhausted`. */
function summary(attempts: OfferAttempt[]): string {
  return attempts.map((a) => `${a.provider}: ${a.error?.message ?? a.outcome}`).join('; ');
}

/**
 * The error of an offer no provider served: `not_found` only when every provider said so; otherwise the first
 * other failure (a spent quota at one provider means the offer may well exist).
 */
function exhausted(offerId: string, attempts: OfferAttempt[]): OfferItemError {
  const kinds = attempts.map((a) => a.error?.kind);
  if (kinds.length > 0 && kinds.every((k) => k === 'not_found')) {
    return { kind: 'not_found', message: `offer ${offerId} not found (${summary(attempts)})` };
  }
  const other = attempts.find((a) => a.error && a.error.kind !== 'not_found')?.error;
  return {
    kind: other?.kind ?? 'upstream',
    message: `offer ${offerId} unavailable (${summary(attempts)})`,
  };
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
        error: deadlineError(offerId, walk.asking ?? [], deps.batchDeadlineMs!),
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
        deadlineMs: deps.batchDeadlineMs,
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

/** An offer the batch's deadline left without an answer: which providers were still answering, if any. */
function deadlineError(offerId: string, asking: ProviderId[], deadlineMs: number): OfferItemError {
  const seconds = Math.round(deadlineMs / 100) / 10;
  const why =
    asking.length > 0
      ? `${asking.join(' and ')} had not answered when the batch's ${seconds} s deadline passed; its answer is cached when it comes`
      : `not looked up before the batch's ${seconds} s deadline passed`;
  return { kind: 'deadline', message: `offer ${offerId}: ${why} — ask again` };
}

/** The seller's member id (joins with supplier and product rows) and, for a non-Chinese language, English places. */
function offerSellerFields(offer: Offer, language: Language | undefined): Partial<OfferResult> {
  const seller = offer.supplier ? sellerLabels(offer.supplier, language) : undefined;
  const english = language !== undefined && language !== 'zh';
  return {
    memberId: offer.supplier?.id ?? null,
    ...(english
      ? {
          shipsFromTranslated: {
            provinceTranslated: placeInEnglish(offer.shipsFrom.province),
            cityTranslated: placeInEnglish(offer.shipsFrom.city),
          },
        }
      : {}),
    ...(seller ? { sellerTranslated: seller } : {}),
  };
}

function served(
  offerId: string,
  provider: ProviderId,
  offer: Offer,
  attempt: OfferAttempt,
  attempts: OfferAttempt[],
  age: { fetchedAt?: number; staleReason?: string } = {},
): Found {
  return {
    offerId,
    offer,
    provider,
    fromCache: attempt.fromCache,
    ...(age.fetchedAt === undefined ? {} : { fetchedAt: new Date(age.fetchedAt).toISOString() }),
    ...(age.staleReason ? { stale: true, staleReason: age.staleReason } : {}),
    ...(attempt.ignored ? { ignored: attempt.ignored } : {}),
    attempts,
  };
}

function priced(
  offer: Offer | undefined,
  quantity: number | undefined,
  quote: RateQuote | ConversionFailure | undefined,
): Partial<OfferResult> {
  if (!offer || quantity === undefined) return {};
  try {
    const at = priceAt(offer, quantity);
    const cheaper = at.belowMoq ? undefined : cheaperTotalAt(at);
    const price = { quantity, ...at, ...(cheaper ? { cheaperTotalAt: cheaper } : {}) };
    return { price: quote ? convertOfferPrice(price, quote) : price };
  } catch (error) {
    if (error instanceof OfferPriceError) return { priceProblem: error.message };
    throw error;
  }
}
