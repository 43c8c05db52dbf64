import {
  type ChinaDestination,
  type ChinaFreightQuote,
  type ConversionFailure,
  LandedCostError,
  type LandedCostItem,
  type LandedCostOptions,
  landedCost,
  type Offer,
  OfferPriceError,
  ProviderError,
  type ProviderId,
  type RateQuote,
} from '@yuantou/core';
import type { FastifyBaseLogger } from 'fastify';
import type { CurrencyConverter } from '../fx/currency-converter.js';
import type { FreightLookup } from '../gateway/gateway-contract.js';
import { type BatchDeadline, deadlineError } from '../offers/batch-deadline.js';
import { FALLBACK_KINDS, type LookupOffersDeps, lookupOffers } from '../offers/lookup-offers.js';
import { ProblemError, problem } from '../problem.js';

// `POST /v1/landed-cost` and its batch form. Order matters for money: the options are already valid (route
// schema) and the rates are quoted before any provider is paid, so a bad currency costs no call. Offers are looked
// up as `/v1/offers` does (each distinct offer once, walking the offer providers), then each distinct China-leg
// estimate is asked once, walking the freight providers — both through the gateway (cache, single-flight, limits,
// budget). The arithmetic is core's pure `landedCost`. The batch form has the offers batch's one deadline
// (batch-deadline.ts): the offer walk gets what is left of it, each China-leg estimate races it, and a line still
// waiting when it passes is answered `deadline` while its call finishes into the cache.

/**
 * The offer lookup's own dependencies (the same ones `/v1/offers` uses, routes/offer-lookup.ts) and the freight
 * lookup's. `providers` are those with offer details, in the order to try them.
 */
export interface LandedCostDeps
  extends Pick<
    LookupOffersDeps,
    'getOffer' | 'peekOffer' | 'notFound' | 'inFlight' | 'notFoundProviders' | 'providers'
  > {
  estimateFreight: FreightLookup;
  /** Providers that price the China leg, in the order to ask them. */
  freightProviders: ProviderId[];
  /** The buyer's agent's warehouse: the China leg's end (a setting). */
  destination: ChinaDestination;
  fx: CurrencyConverter;
  log: FastifyBaseLogger;
  signal?: AbortSignal;
  /** The batch's one deadline (POST /v1/landed-cost/batch); undefined = none (the gateway's per-call one holds). */
  batchDeadline?: BatchDeadline;
  now?: () => Date;
}

const CNY = 'CNY';

/** The quotes every line needs, or a 400 naming the field / a 503 when no rates can be had — before any call. */
async function quoteRates(deps: LandedCostDeps, options: LandedCostOptions): Promise<RateQuote[]> {
  const wanted = new Map<string, string>();
  const target = options.currency ?? options.freight.currency;
  if (target !== CNY) wanted.set(target, options.currency === undefined ? 'freight.currency' : 'currency');
  if (options.freight.currency !== CNY && !wanted.has(options.freight.currency))
    wanted.set(options.freight.currency, 'freight.currency');
  const quotes: RateQuote[] = [];
  for (const [currency, field] of wanted) {
    let quote: RateQuote | ConversionFailure;
    try {
      quote = await deps.fx.quote(currency, deps.signal);
    } catch (error) {
      // The converter names `currency`; the rate card's currency is another field.
      if (error instanceof ProblemError && error.problem.field === 'currency' && field !== 'currency') {
        throw new ProblemError({ ...error.problem, field, detail: `${field}: ${error.problem.detail}` });
      }
      throw error;
    }
    if ('error' in quote) {
      throw new ProblemError(
        problem(503, `no exchange rate for ${currency}: ${quote.error}`, { kind: 'upstream' }),
      );
    }
    quotes.push(quote);
  }
  return quotes;
}

function unitWeightKg(offer: Offer, sku: string | undefined): number | null {
  const skuWeight = sku === undefined ? null : offer.skus.find((s) => s.id === sku)?.weightKg;
  const weight = skuWeight ?? offer.weightKg;
  return typeof weight === 'number' && weight > 0 ? weight : null;
}

interface FreightAnswer {
  quote?: ChinaFreightQuote;
  problem?: string;
  sample?: boolean;
  /** The batch's deadline passed before a provider could be asked (first, or after a failure). */
  missed?: boolean;
}

/** One offer's China-leg estimate while it runs: which provider it is asking now (for a deadline's message). */
interface Estimating {
  asking?: ProviderId;
  answer: Promise<FreightAnswer>;
}

/**
 * The China-leg estimate of one offer: the offer's own provider first when it prices freight, then the rest; no
 * provider is asked once the batch's deadline has passed.
 */
async function estimate(
  deps: LandedCostDeps,
  offer: Offer,
  options: LandedCostOptions,
  progress: { asking?: ProviderId } = {},
): Promise<FreightAnswer> {
  const order = [...new Set([offer.provider, ...deps.freightProviders])].filter((id) =>
    deps.freightProviders.includes(id),
  );
  if (order.length === 0) return { problem: 'no enabled provider estimates China freight' };
  const weight = unitWeightKg(offer, options.sku);
  const query = {
    offerId: offer.id,
    quantity: options.quantity,
    destination: deps.destination,
    ...(options.sku === undefined ? {} : { skuId: options.sku }),
    ...(weight === null ? {} : { totalWeightKg: weight * options.quantity }),
  };
  const failures: string[] = [];
  for (const provider of order) {
    if (deps.batchDeadline?.passed()) return { missed: true };
    progress.asking = provider;
    try {
      const { estimate: found } = await deps.estimateFreight(provider, query, deps.signal);
      return { quote: { provider, amountCny: found.amountCny }, sample: found.sample };
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      if (!ProviderError.isInstance(error)) {
        deps.log.error({ err: error, provider }, 'freight estimate threw a non-ProviderError');
        failures.push(`${provider}: failed unexpectedly`);
        continue;
      }
      failures.push(`${provider}: ${error.message}`);
      if (!FALLBACK_KINDS.has(error.kind)) break;
    }
  }
  return { problem: failures.join('; ') };
}

/** One item per ref, in input order; each failure is its own `error`. Throws ProblemError before any call. */
export async function computeLandedCosts(
  deps: LandedCostDeps,
  refs: string[],
  options: LandedCostOptions,
): Promise<{ items: LandedCostItem[]; attempts: Awaited<ReturnType<typeof lookupOffers>>['results'] }> {
  const rates = await quoteRates(deps, options);
  const wantsEstimate = (options.chinaFreight ?? 'provider') === 'provider';
  // Each offer's estimate starts the moment the offer is known, not once the slowest offer has arrived: the
  // batch's deadline is shared by both steps.
  const estimates = new Map<string, Estimating>();
  const estimating = (offer: Offer): Estimating => {
    let running = estimates.get(offer.id);
    if (!running) {
      const progress: { asking?: ProviderId } = {};
      running = Object.assign(progress, { answer: estimate(deps, offer, options, progress) });
      // Started before anyone awaits it: if the client leaves and the offer lookup throws, nobody ever will.
      running.answer.catch(() => {});
      estimates.set(offer.id, running);
    }
    return running;
  };
  const offers = await lookupOffers(
    {
      getOffer: deps.getOffer,
      peekOffer: deps.peekOffer,
      notFound: deps.notFound,
      inFlight: deps.inFlight,
      notFoundProviders: deps.notFoundProviders,
      providers: deps.providers,
      fx: deps.fx,
      log: deps.log,
      signal: deps.signal,
      batchDeadline: deps.batchDeadline,
      onResult: (_index, found) => {
        if (wantsEstimate && found.offer) estimating(found.offer);
      },
    },
    { refs },
  );
  const fetchedAt = (deps.now?.() ?? new Date()).toISOString();
  const stale = rates.filter((r) => r.stale).map((r) => `the ${r.currency} rate of ${r.rateDate} is stale`);

  const items = await Promise.all(
    offers.results.map(async (found): Promise<LandedCostItem> => {
      const { ref, offerId } = found;
      if (!found.offer) return { ref, offerId, error: found.error! };
      const offer = found.offer;
      let freight: FreightAnswer = {};
      if (wantsEstimate) {
        const running = estimating(offer);
        const deadline = deps.batchDeadline;
        const raced = deadline ? await deadline.race(running.answer) : { value: await running.answer };
        if (raced === 'missed' || raced.value.missed) {
          const asking = raced === 'missed' && running.asking !== undefined ? [running.asking] : [];
          return {
            ref,
            offerId,
            error: deadlineError(offer.id, asking, deadline!.ms, 'the China freight estimate'),
          };
        }
        freight = raced.value;
      }
      try {
        const result = landedCost(offer, options, {
          rates,
          chinaFreight: freight.quote ?? null,
          ...(freight.problem ? { chinaFreightProblem: freight.problem } : {}),
        });
        const sample =
          offer.provider === 'demo' || freight.sample
            ? ['sample data from the demo provider: not a real offer or freight price']
            : [];
        return {
          ref,
          offerId,
          result: { ...result, warnings: [...result.warnings, ...stale, ...sample], fetchedAt },
        };
      } catch (error) {
        if (error instanceof OfferPriceError) {
          // `bad_quantity` cannot reach here: the route schema refuses a quantity that is not a positive integer.
          const kind = error.problem === 'bad_quantity' ? 'bad_request' : error.problem;
          return { ref, offerId, error: { kind, message: error.message } };
        }
        if (error instanceof LandedCostError)
          return {
            ref,
            offerId,
            error: {
              kind: error.problem === 'missing_rate' ? 'missing_rate' : 'bad_request',
              message: error.message,
            },
          };
        throw error;
      }
    }),
  );
  return { items, attempts: offers.results };
}
