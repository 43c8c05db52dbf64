import {
  type ConversionFailure,
  CurrencyCode,
  convertCny,
  MAX_OFFER_REFS,
  type Offer,
  type OfferItemError,
  type OfferPrice,
  OfferPriceError,
  OfferRefError,
  type OfferResult,
  type OffersBodyInput,
  type OffersResponse,
  type OnOfferResult,
  parseOfferRef,
  priceAt,
  type RateQuote,
} from '@yuantou/core';
import { type AnswerAge, DEFAULT_STALE_AFTER_DAYS, type StalePolicy } from '../cells/as-of.js';
import { CellBatcher } from '../cells/cell-batcher.js';
import { type CellError, inputErrorOf, NotAvailableError } from '../cells/cell-error.js';
import { errorCell } from '../cells/excel-cell.js';
import { type RefreshSwitch, refreshSwitch } from '../cells/freshness.js';
import { InputError } from '../cells/input-error.js';
import type { QueryCache } from '../cells/query-cache.js';
import type { RichCell, Row } from '../cells/rows.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { CHANGE_COLUMNS, createPreviousLookup, type OfferHistoryClient } from './offer-changes.js';
import { headerRow, type OfferColumn, offerRow, parseFields, withAsOfColumns } from './offer-columns.js';
import { withCurrencyColumns } from './offer-currency.js';
import { type OfferOptions, parseOfferOptions } from './offer-options.js';

// What =OFFER, =OFFERS and =PRICEAT compute, without the Excel runtime. Every lookup of one recalculation goes
// through one CellBatcher (one POST /v1/offers); identical lookups share one QueryCache entry, which also
// answers later recalculations from memory. Prices at a quantity are computed here with core's priceAt, so
// the same offer serves every quantity and SKU without another request.

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

export interface OfferFunctionDeps {
  client: () => OfferClient;
  cache: QueryCache;
  /** The settings gate: awaited before a batch is sent, so no call goes out with settings not yet read. */
  ready?: () => Promise<unknown>;
  /** How long the first offer call of a recalculation waits for the others (ms). */
  windowMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  /**
   * What the host can show in cells (cards, pictures), asked at each call; `null` or absent for plain values
   * (older hosts, the preview).
   */
  richCells?: () => RichCellCapabilities | null;
  /**
   * The workbook's language and currency defaults, read at each call: they apply to =OFFER, =OFFERS and the Links
   * mode where `options` do not set them (as for the search functions). Not to =PRICEAT, whose one number must
   * not change currency with a workbook default: it converts only when its own `currency` argument says so.
   */
  defaults?: () => { language?: string | undefined; currency?: string | undefined };
  /** The pane's refresh seam (cells/freshness.ts); the add-in's one switch when absent. */
  refresh?: RefreshSwitch;
  /** When rows say `stale` (the stale-after setting), read at each call. */
  stalePolicy?: () => StalePolicy;
}

type Quote = RateQuote | ConversionFailure;

/** A cell of =OFFERS' spill: a value, or the Excel error of a row that failed. */
export type OffersCell = RichCell | CustomFunctions.Error;

/** An offer as the batch answered it, with the rate the proxy applied when a currency was asked. */
type OfferItem = OfferResult & { quote?: Quote };

/** An offer and, when a currency was asked, the proxy's quote for it. */
interface Found {
  offer: Offer;
  quote: Quote | undefined;
  age: AnswerAge;
}

/**
 * One pasted link and its offer (priced at the asked quantity, else at the MOQ), or why there is none (`error`,
 * and `cellError`: the Excel error its row shows).
 */
export type LinkLookup =
  | {
      link: string;
      offer: Offer;
      price: OfferPrice | undefined;
      quote?: Quote;
      age?: AnswerAge;
      error?: undefined;
    }
  | { link: string; offer?: undefined; error: string; cellError?: CellError };

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

/** The offer id from a cell; a Taobao, Tmall, AliExpress or Alibaba.com link is #VALUE! naming the site. */
function offerIdOf(link: unknown): string {
  try {
    return parseOfferRef(String(link ?? ''));
  } catch (error) {
    if (error instanceof OfferRefError) throw new InputError('argument', error.message);
    throw error;
  }
}

/** The price at `quantity`, else at the minimum order (what the smallest order costs per piece). */
function priceFor(offer: Offer, quantity: number | undefined): OfferPrice | undefined {
  const at = quantity ?? offer.moq ?? offer.priceTiers[0]?.minQuantity ?? 1;
  try {
    return { quantity: at, ...priceAt(offer, Math.max(at, 1)) };
  } catch (error) {
    if (error instanceof OfferPriceError) return undefined;
    throw error;
  }
}

const isBlank = (cell: unknown) => cell === null || cell === undefined || String(cell).trim() === '';

/** The cell's options over the pane's settings (blank settings mean none). */
function withDefaults(options: OfferOptions, deps: OfferFunctionDeps): OfferOptions {
  const defaults = deps.defaults?.() ?? {};
  const language = options.language ?? (defaults.language || undefined);
  const currency = options.currency ?? (defaults.currency || undefined);
  return {
    ...options,
    ...(language ? { language: language as OfferOptions['language'] } : {}),
    ...(currency ? { currency } : {}),
  };
}

export function createOfferFunctions(deps: OfferFunctionDeps) {
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
  async function lookup(offerId: string, options: OfferOptions, signal?: AbortSignal): Promise<Found> {
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

  const stalePolicy = () => deps.stalePolicy?.() ?? { staleAfterDays: DEFAULT_STALE_AFTER_DAYS };

  const previousOf = createPreviousLookup({
    client: deps.client,
    cache: deps.cache,
    refresh: deps.refresh ?? refreshSwitch,
  });

  /** The closing columns, and the change columns before them when asked. */
  const closing = (columns: readonly OfferColumn[], options: OfferOptions) =>
    withAsOfColumns([...columns, ...(options.changes ? CHANGE_COLUMNS : [])], stalePolicy());

  /**
   * Every link of a list, each with its offer or why it has none; for the pane's Links mode. `onProgress(done,
   * total)` is called as each link is settled (the batch streams, so links settle as their lines arrive): the
   * pane can show "n of N".
   */
  async function lookupLinks(
    links: readonly string[],
    written: OfferOptions,
    signal?: AbortSignal,
    onProgress?: (done: number, total: number) => void,
  ): Promise<LinkLookup[]> {
    const options = withDefaults(written, deps);
    let done = 0;
    const settled = <T>(value: T): T => {
      onProgress?.(++done, links.length);
      return value;
    };
    return Promise.all(
      links.map(async (link): Promise<LinkLookup> => {
        try {
          const { offer, quote, age } = await lookup(offerIdOf(link), options, signal);
          return settled({
            link,
            offer,
            price: priceFor(offer, options.quantity),
            age,
            ...(quote ? { quote } : {}),
          });
        } catch (error) {
          if (error instanceof InputError)
            return settled({
              link,
              error: error.message,
              cellError: { code: 'invalidValue', message: error.message },
            });
          if (error instanceof NotAvailableError)
            return settled({
              link,
              error: error.message,
              cellError: { code: 'notAvailable', message: error.message },
            });
          throw error;
        }
      }),
    );
  }

  /** The cells' capabilities: none with `rich=off`. The cache holds offers, not cells, so both share it. */
  const richFor = (options: OfferOptions) => (options.rich === false ? null : (deps.richCells?.() ?? null));

  return {
    batcher,
    lookupLinks,

    /** =OFFER(link, [fields], [options]): one row (a header row above it with the `header` option). */
    async offer(link: unknown, fields: string | null | undefined, options: unknown, signal?: AbortSignal) {
      const parsed = withDefaults(parseOfferOptions(options), deps);
      const picked = parseFields(fields, parsed.language);
      const { offer, quote, age } = await lookup(offerIdOf(link), parsed, signal);
      const columns = closing(withCurrencyColumns(picked, quote), parsed);
      const previous = parsed.changes ? await previousOf(offer, age, signal) : undefined;
      const view = {
        offer,
        price: priceFor(offer, parsed.quantity),
        quantity: parsed.quantity,
        quote,
        age,
        previous,
      };
      const row = offerRow(columns, view, richFor(parsed));
      return parsed.header ? [headerRow(columns), row] : [row];
    },

    /**
     * =OFFERS(links, [fields], [options]): a header, then one row per cell of `links`, aligned with it. A blank
     * cell gives a blank row; a link that fails — or a cell of `links` that is itself an error — fails only its
     * own row: an Excel error value (#VALUE! for a bad link, #N/A otherwise) in its first cell saying why.
     */
    async offers(links: unknown, fields: string | null | undefined, options: unknown, signal?: AbortSignal) {
      const parsed = withDefaults(parseOfferOptions(options), deps);
      const picked = parseFields(fields, parsed.language);
      const cells = (Array.isArray(links) ? links.flat() : [links]) as unknown[];
      if (cells.every(isBlank))
        throw new InputError('argument', 'links: give a range of 1688 links or offer ids');
      const asked = (cell: unknown) => !isBlank(cell) && inputErrorOf(cell) === null;
      const found = await lookupLinks(
        cells.filter(asked).map((cell) => String(cell)),
        parsed,
        signal,
      );
      const rich = richFor(parsed);
      // Every offer of one call shares one quote (one request, one rate); a currency asked adds its columns even
      // when every link failed, so the shape does not depend on the answers.
      const quote = found.flatMap((f) => (f.offer && f.quote ? [f.quote] : []))[0];
      const columns = closing(
        withCurrencyColumns(
          picked,
          quote ?? (parsed.currency ? { currency: parsed.currency, error: 'no offer found' } : undefined),
        ),
        parsed,
      );
      const previous = parsed.changes
        ? await Promise.all(found.map((f) => (f.offer ? previousOf(f.offer, f.age, signal) : undefined)))
        : [];
      const blank = (): Row => columns.map(() => '');
      const failed = (error: CellError): OffersCell[] => {
        const row: OffersCell[] = blank();
        row[0] = errorCell(error);
        return row;
      };
      let next = 0;
      const rows = cells.map((cell): OffersCell[] => {
        const inputError = inputErrorOf(cell);
        if (inputError) return failed(inputError);
        if (isBlank(cell)) return blank();
        const index = next++;
        const one = found[index]!;
        if (one.offer) {
          const view = {
            offer: one.offer,
            price: one.price,
            quantity: parsed.quantity,
            quote: one.quote,
            age: one.age,
            previous: previous[index],
          };
          return offerRow(columns, view, rich);
        }
        return failed(one.cellError ?? { code: 'notAvailable', message: one.error });
      });
      return [headerRow(columns), ...rows];
    },

    /**
     * =PRICEAT(link, quantity, [sku], [currency]): the unit price in CNY at `quantity`, or in `currency` converted
     * with the proxy's rate (core's convertCny, as every converted price). Below the minimum order it is #N/A
     * "minimum order is 100 件"; an unknown variant or currency code is #VALUE! naming it; a rate the proxy
     * could not get is #N/A saying so, never the CNY figure.
     */
    async priceAt(
      link: unknown,
      quantity: unknown,
      sku: unknown,
      currency: unknown,
      signal?: AbortSignal,
    ): Promise<number> {
      const offerId = offerIdOf(link);
      const amount = typeof quantity === 'number' ? quantity : Number(String(quantity ?? '').trim());
      if (isBlank(quantity) || !Number.isFinite(amount) || amount <= 0) {
        throw new InputError(
          'argument',
          `quantity must be a number above 0, got "${String(quantity ?? '')}"`,
        );
      }
      const skuId = isBlank(sku) ? undefined : String(sku).trim();
      const code = isBlank(currency) ? undefined : CurrencyCode.safeParse(String(currency));
      if (code && !code.success) {
        throw new InputError('argument', `currency: "${String(currency).trim()}" is not a code such as USD`);
      }
      const { offer, quote } = await lookup(offerId, code ? { currency: code.data } : {}, signal);
      let price: ReturnType<typeof priceAt>;
      try {
        price = priceAt(offer, amount, skuId === undefined ? {} : { skuId });
      } catch (error) {
        if (!(error instanceof OfferPriceError)) throw error;
        if (error.problem === 'no_price') throw new NotAvailableError(error.message);
        throw new InputError('argument', error.message);
      }
      if (price.belowMoq) {
        const moq = offer.moq ?? price.tierMinQuantity;
        throw new NotAvailableError(
          `minimum order is ${moq} ${offer.unit ?? offer.unitTranslated ?? 'pieces'}`,
        );
      }
      if (!code) return price.unitPrice;
      const converted = quote ? convertCny(price.unitPrice, quote) : null;
      if (!converted || 'error' in converted) {
        throw new NotAvailableError(
          `no ${code.data} rate: ${converted && 'error' in converted ? converted.error : 'the proxy gave none'}`,
        );
      }
      return converted.amount;
    },
  };
}

export type OfferFunctions = ReturnType<typeof createOfferFunctions>;
