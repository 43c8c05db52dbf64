import {
  type ConversionFailure,
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
import type { OfferLookup } from '../gateway/gateway-contract.js';
import { quoteCurrency } from '../search/localize.js';
import { createConcurrencyLimiter } from '../upstream/concurrency-limiter.js';
import { convertOfferPrice, convertOfferPrices } from './convert-offer.js';

// `POST /v1/offers` and `GET /v1/offers/:ref`: each ref parsed on its own (one bad link fails only itself),
// each distinct offer looked up once (duplicate refs cost one call), each lookup walking the configured provider
// order until one serves it. Every provider call goes through the gateway: cache, single-flight, rate limits,
// budgets, breaker — offers are paid calls like searches.

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
    const attempts: OfferAttempt[] = [];
    // An older answer a provider served instead of an error: used only when no provider after it has fresh data
    // (the walk is what it was before the store: the next provider is asked after a quota or an outage).
    let older: Found | undefined;
    for (const { id } of deps.providers) {
      const { offer, fetchedAt, staleReason, ...attempt } = await ask(id, offerId);
      attempts.push(attempt);
      if (offer) {
        const served: Found = {
          offerId,
          offer,
          provider: id,
          fromCache: attempt.fromCache,
          ...(fetchedAt === undefined ? {} : { fetchedAt: new Date(fetchedAt).toISOString() }),
          ...(staleReason ? { stale: true, staleReason } : {}),
          ...(attempt.ignored ? { ignored: attempt.ignored } : {}),
          attempts,
        };
        if (!staleReason) return served;
        older ??= served;
        continue;
      }
      if (!FALLBACK_KINDS.has(attempt.error!.kind)) break;
    }
    if (older) return older;
    return { offerId, attempts, error: exhausted(offerId, attempts) };
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

function priced(
  offer: Offer | undefined,
  quantity: number | undefined,
  quote: RateQuote | ConversionFailure | undefined,
): Partial<OfferResult> {
  if (!offer || quantity === undefined) return {};
  try {
    const price = { quantity, ...priceAt(offer, quantity) };
    return { price: quote ? convertOfferPrice(price, quote) : price };
  } catch (error) {
    if (error instanceof OfferPriceError) return { priceProblem: error.message };
    throw error;
  }
}
