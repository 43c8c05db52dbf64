import {
  type ConversionFailure,
  MAX_OFFER_REFS,
  type Offer,
  type OfferItemError,
  type OfferResult,
  type OffersBodyInput,
  type OffersResponse,
  type OnOfferResult,
  type RateQuote,
} from '@yuantou/core';
import type { AnswerAge } from '../cells/as-of.js';
import { CellBatcher } from '../cells/cell-batcher.js';
import { NotAvailableError } from '../cells/cell-error.js';
import { type RefreshSwitch, refreshSwitch } from '../cells/freshness.js';
import { InputError } from '../cells/input-error.js';
import type { QueryCache } from '../cells/query-cache.js';
import type { OfferHistoryClient } from './offer-changes.js';
import type { OfferOptions } from './offer-options.js';

// How =OFFER, =OFFERS, =PRICEAT and the pane's Links mode get an offer: every lookup of one recalculation goes
// through one CellBatcher (one POST /v1/offers); identical lookups share one QueryCache entry, which also answers
// later recalculations from memory. The batch carries no quantity: prices at a quantity are computed from the
// offer with core's priceAt, so the same offer serves every quantity and SKU without another request.

/** The part of core's ProxyClient the offer functions use. */
export interface OfferClient extends Partial<OfferHistoryClient> {
  getOffers(body: OffersBodyInput, options?: { signal?: AbortSignal }): Promise<OffersResponse>;
  /** The streamed batch: each cell is resolved on its own line (used when the client has it). */
  streamOffers?(
    body: OffersBodyInput,
    onResult: OnOfferResult,
    options?: { signal?: AbortSignal },
  ): Promise<OffersResponse>;
}

/** What an offer lookup needs (part of the family's deps, offer-functions.ts). */
export interface OfferLookupDeps {
  client: () => OfferClient;
  cache: QueryCache;
  /** The settings gate: awaited before a batch is sent, so no call goes out with settings not yet read. */
  ready?: () => Promise<unknown>;
  /** How long the first offer call of a recalculation waits for the others (ms). */
  windowMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  /** The pane's refresh seam (cells/freshness.ts); the add-in's one switch when absent. */
  refresh?: RefreshSwitch;
}

/** The proxy's rate for the asked currency, or why it has none. */
export type Quote = RateQuote | ConversionFailure;

/** An offer as the batch answered it, with the rate the proxy applied when a currency was asked. */
type OfferItem = OfferResult & { quote?: Quote };

/** An offer and, when a currency was asked, the proxy's quote for it. */
export interface FoundOffer {
  offer: Offer;
  quote: Quote | undefined;
  age: AnswerAge;
}

/**
 * Cells of one recalculation arrive within a few ms of each other; 50 ms collects them (Microsoft's batching
 * pattern, docs page "custom-functions-batching": Excel evaluates a recalculation's calls together).
 */
export const BATCH_WINDOW_MS = 50;

/** One request's shared settings: calls that differ here go in different requests. */
interface OfferGroup {
  language: OfferOptions['language'];
  currency: string | undefined;
  /** Seconds, as sent (cells/freshness.ts): 0 in a refresh, the formula's maxage, else "any age". */
  maxAge: number;
}

/** One item the proxy could not serve: #VALUE! for a bad link, #N/A for everything else. */
function itemError(error: OfferItemError): Error {
  return error.kind === 'invalid_ref'
    ? new InputError('argument', error.message)
    : new NotAvailableError(error.message);
}

/** The batch of one recalculation, and the lookup of one offer through it and the cache. */
export function createOfferLookup(deps: OfferLookupDeps) {
  const batcher = new CellBatcher<OfferGroup, OfferItem>({
    send: async (refs, group, signal, onItem) => {
      await deps.ready?.();
      const body = {
        refs,
        ...(group.language ? { language: group.language } : {}),
        ...(group.currency ? { currency: group.currency } : {}),
        maxAge: group.maxAge,
      };
      // The quote is the batch's, one for all: each item carries it to the cells it serves.
      const withQuote = (result: OfferResult, quote: Quote | undefined): OfferItem =>
        quote ? { ...result, quote } : result;
      const client = deps.client();
      // Streamed: each cell is resolved on its own line, so a long column fills as the offers arrive.
      const answer = client.streamOffers
        ? await client.streamOffers(
            body,
            (index, result, batch) => onItem(index, withQuote(result, batch.currency)),
            {
              signal,
            },
          )
        : await client.getOffers(body, { signal });
      return { results: answer.results.map((r) => withQuote(r, answer.currency)) };
    },
    maxBatchSize: MAX_OFFER_REFS,
    windowMs: deps.windowMs ?? BATCH_WINDOW_MS,
    groupKey: (group) => `${group.language ?? ''}|${group.currency ?? ''}|${group.maxAge}`,
    itemError: (item) => itemError(item.error!),
    ...(deps.setTimer ? { setTimer: deps.setTimer } : {}),
  });

  /** One offer, from memory, from a lookup in flight, or from the next batch. */
  async function lookup(offerId: string, options: OfferOptions, signal?: AbortSignal): Promise<FoundOffer> {
    // Ordinary recalculation reuses what was paid for; `maxage=` and the pane's refresh ask for fresher
    // (cells/freshness.ts). The formula's own maxage is part of the key: its entry must not serve the others.
    const asked = (deps.refresh ?? refreshSwitch).ask(options.maxAge);
    const group: OfferGroup = {
      language: options.language,
      currency: options.currency,
      maxAge: asked.maxAgeSeconds,
    };
    const result = await deps.cache.get(
      JSON.stringify(['OFFER', group.language ?? '', group.currency ?? '', options.maxAge ?? '', offerId]),
      (s) => batcher.get(offerId, group, s),
      signal,
      {
        ...(asked.refresh === undefined ? {} : { refresh: asked.refresh }),
        ...(options.maxAge === undefined ? {} : { maxAgeMs: options.maxAge * 1000 }),
      },
    );
    const age = { fetchedAt: result.fetchedAt, staleReason: result.staleReason };
    return { offer: result.offer!, quote: result.quote, age };
  }

  return { batcher, lookup };
}

/** One offer by id with the lookup's options (language, currency, maxage). */
export type OfferLookup = ReturnType<typeof createOfferLookup>['lookup'];
