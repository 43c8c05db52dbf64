import {
  type ConversionFailure,
  cheaperTotalAt,
  type ErrorKind,
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
import { createConcurrencyLimiter } from '../upstream/concurrency-limiter.js';
import { convertOfferPrice, convertOfferPrices } from './convert-offer.js';
import type { NotFoundMemory } from './not-found-memory.js';

// `POST /v1/offers` and `GET /v1/offers/:ref`: each ref parsed on its own (one bad link fails only itself),
// each distinct offer looked up once (duplicate refs cost one call), each lookup walking the configured provider
// order until one serves it. Every provider call goes through the gateway: cache, single-flight, rate limits,
// budgets, breaker — offers are paid calls like searches. Before any is paid, every provider's cache is looked in
// (a batch a later provider served after a fallback costs nothing the second time), and an offer the providers
// recently all said was not found is answered from that memory, with when they said it (issue 23).

/** Kinds after which the next provider may still have the offer (issue 13); others end the walk. */
export const FALLBACK_KINDS: ReadonlySet<ErrorKind> = new Set([
  'not_found',
  'upstream',
  'timeout',
  'quota',
  'rate_limited',
]);

export interface OfferProvider {
  id: ProviderId;
  /** At most this many of one request's lookups are at this provider at once. */
  concurrency: number;
}

export interface LookupOffersDeps {
  getOffer: OfferLookup;
  /** Cache-only look at one provider (no call); without it only the walk's own cache hits are free. */
  peekOffer?: OfferPeek;
  /** Remembered not-founds; without it every lookup walks. */
  notFound?: NotFoundMemory;
  /** A walk stops after this many providers said "not found" (default: no cap). */
  notFoundProviders?: number;
  /** Providers with offer details, in the order to try them. */
  providers: OfferProvider[];
  /** Rates for `currency`: the same converter searches use. */
  fx: CurrencyConverter;
  log: FastifyBaseLogger;
  signal?: AbortSignal;
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
  const limiters = new Map(deps.providers.map((p) => [p.id, createConcurrencyLimiter(p.concurrency)]));
  const lookups = new Map<string, Promise<Found>>();

  type Asked = OfferAttempt & { offer?: Offer; fetchedAt?: number; staleReason?: string };
  const freshness = { maxAgeSeconds: input.maxAge };

  async function ask(provider: ProviderId, offerId: string): Promise<Asked> {
    const started = performance.now();
    try {
      const result = await limiters
        .get(provider)!
        .run(
          () => deps.getOffer(provider, { id: offerId, language: input.language }, deps.signal, freshness),
          deps.signal,
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
    }
  }

  async function find(offerId: string): Promise<Found> {
    if (deps.providers.length === 0) {
      return {
        offerId,
        attempts: [],
        error: { kind: 'no_provider', message: 'no enabled provider offers product details' },
      };
    }
    const checkedAt = await deps.notFound?.checkedAt(offerId);
    if (checkedAt) {
      const message = `offer ${offerId} not found (last checked ${checkedAt}; no provider asked again since)`;
      return { offerId, attempts: [], error: { kind: 'not_found', message, checkedAt } };
    }
    const cached = await peekEveryCache(offerId);
    if (cached) return cached;
    const attempts: OfferAttempt[] = [];
    let notFound = 0;
    // An older answer a provider served instead of an error: used only when no provider after it has fresh data
    // (the walk is what it was before the store: the next provider is asked after a quota or an outage).
    let older: Found | undefined;
    for (const { id } of deps.providers) {
      const { offer, fetchedAt, staleReason, ...attempt } = await ask(id, offerId);
      attempts.push(attempt);
      if (offer) {
        const found = served(offerId, id, offer, attempt, attempts, { fetchedAt, staleReason });
        if (!staleReason) return found;
        older ??= found;
        continue;
      }
      if (!FALLBACK_KINDS.has(attempt.error!.kind)) break;
      if (attempt.error!.kind === 'not_found' && ++notFound >= (deps.notFoundProviders ?? Infinity)) break;
    }
    if (older) return older;
    const error = exhausted(offerId, attempts);
    if (error.kind === 'not_found') await deps.notFound?.remember(offerId, new Date());
    return { offerId, attempts, error };
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

  const parsed = input.refs.map(parseRef);
  for (const p of parsed) {
    if ('offerId' in p && !lookups.has(p.offerId)) lookups.set(p.offerId, find(p.offerId));
  }
  const results = await Promise.all(
    input.refs.map(async (ref, index): Promise<OfferResult> => {
      const p = parsed[index]!;
      if ('error' in p) return { ref, offerId: null, attempts: [], error: p.error };
      const found = await lookups.get(p.offerId)!;
      return {
        ref,
        ...found,
        ...priced(found.offer, input.quantity, quote),
        ...(found.offer && quote ? { pricesConverted: convertOfferPrices(found.offer, quote) } : {}),
        ...(found.offer ? offerSellerFields(found.offer, input.language) : {}),
      };
    }),
  );
  return {
    results,
    providerOrder: deps.providers.map((p) => p.id),
    sampleData: results.some((r) => r.provider === 'demo'),
    ...(quote ? { currency: quote } : {}),
  };
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
