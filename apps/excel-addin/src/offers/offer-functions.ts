import {
  MAX_OFFER_REFS,
  type Offer,
  type OfferItemError,
  type OfferPrice,
  OfferPriceError,
  OfferRefError,
  type OfferResult,
  type OffersBodyInput,
  type OffersResponse,
  parseOfferRef,
  priceAt,
} from '@yuantou/core';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { NotAvailableError } from '../functions/cell-error.js';
import type { QueryCache } from '../functions/query-cache.js';
import type { RichCell } from '../functions/result-rows.js';
import { InputError } from '../search/input-error.js';
import { OfferBatcher } from './offer-batcher.js';
import { headerRow, offerRow, parseFields, type Row } from './offer-columns.js';
import { type OfferOptions, parseOfferOptions } from './offer-options.js';

// What =OFFER, =OFFERS and =PRICEAT compute, without the Excel runtime. Every lookup of one recalculation goes
// through one OfferBatcher (one POST /v1/offers); identical lookups share one QueryCache entry, which also
// answers later recalculations from memory. Prices at a quantity are computed here with core's priceAt, so
// the same offer serves every quantity and SKU without another request.

/** The part of core's ProxyClient the offer functions use. */
export interface OfferClient {
  getOffers(body: OffersBodyInput, options?: { signal?: AbortSignal }): Promise<OffersResponse>;
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
}

/** One pasted link and its offer (priced at the asked quantity, else at the MOQ), or why there is none. */
export type LinkLookup =
  | { link: string; offer: Offer; price: OfferPrice | undefined; error?: undefined }
  | { link: string; offer?: undefined; error: string };

/** Cells of one recalculation arrive within a few ms of each other; 50 ms collects them (excel.md). */
export const BATCH_WINDOW_MS = 50;

/** One request's shared settings: calls that differ here go in different requests. */
interface OfferGroup {
  language: OfferOptions['language'];
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

export function createOfferFunctions(deps: OfferFunctionDeps) {
  const batcher = new OfferBatcher<OfferGroup, OfferResult>({
    send: async (refs, group, signal) => {
      await deps.ready?.();
      return deps
        .client()
        .getOffers({ refs, ...(group.language ? { language: group.language } : {}) }, { signal });
    },
    maxBatchSize: MAX_OFFER_REFS,
    windowMs: deps.windowMs ?? BATCH_WINDOW_MS,
    groupKey: (group) => group.language ?? '',
    itemError: (item) => itemError(item.error!),
    ...(deps.setTimer ? { setTimer: deps.setTimer } : {}),
  });

  /** One offer, from memory, from a lookup in flight, or from the next batch. */
  async function lookup(offerId: string, options: OfferOptions, signal?: AbortSignal): Promise<Offer> {
    const group: OfferGroup = { language: options.language };
    const result = await deps.cache.get(
      JSON.stringify(['OFFER', group.language ?? '', offerId]),
      (s) => batcher.get(offerId, group, s),
      signal,
    );
    return result.offer!;
  }

  /** Every link of a list, each with its offer or why it has none; for the pane's Links mode. */
  async function lookupLinks(
    links: readonly string[],
    options: OfferOptions,
    signal?: AbortSignal,
  ): Promise<LinkLookup[]> {
    return Promise.all(
      links.map(async (link): Promise<LinkLookup> => {
        try {
          const offer = await lookup(offerIdOf(link), options, signal);
          return { link, offer, price: priceFor(offer, options.quantity) };
        } catch (error) {
          if (error instanceof InputError || error instanceof NotAvailableError) {
            return { link, error: error.message };
          }
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
      const columns = parseFields(fields);
      const parsed = parseOfferOptions(options);
      const offer = await lookup(offerIdOf(link), parsed, signal);
      const view = { offer, price: priceFor(offer, parsed.quantity), quantity: parsed.quantity };
      const row = offerRow(columns, view, richFor(parsed));
      return parsed.header ? [headerRow(columns), row] : [row];
    },

    /**
     * =OFFERS(links, [fields], [options]): a header, then one row per cell of `links`, aligned with it. A blank
     * cell gives a blank row; a link that fails says why in its first column, without failing the others.
     */
    async offers(links: unknown, fields: string | null | undefined, options: unknown, signal?: AbortSignal) {
      const columns = parseFields(fields);
      const parsed = parseOfferOptions(options);
      const cells = (Array.isArray(links) ? links.flat() : [links]) as unknown[];
      if (cells.every(isBlank))
        throw new InputError('argument', 'links: give a range of 1688 links or offer ids');
      const blank = (): Row => columns.map(() => '');
      const found = await lookupLinks(
        cells.filter((cell) => !isBlank(cell)).map((cell) => String(cell)),
        parsed,
        signal,
      );
      const rich = richFor(parsed);
      let next = 0;
      const rows = cells.map((cell): RichCell[] => {
        if (isBlank(cell)) return blank();
        const one = found[next++]!;
        if (one.offer) {
          return offerRow(columns, { offer: one.offer, price: one.price, quantity: parsed.quantity }, rich);
        }
        const row = blank();
        row[0] = `⚠ ${one.error}`;
        return row;
      });
      return [headerRow(columns), ...rows];
    },

    /**
     * =PRICEAT(link, quantity, [sku]): the unit price in CNY at `quantity`. Below the minimum order it is #N/A
     * "minimum order is 100 件"; an unknown variant is #VALUE! naming it.
     */
    async priceAt(link: unknown, quantity: unknown, sku: unknown, signal?: AbortSignal): Promise<number> {
      const offerId = offerIdOf(link);
      const amount = typeof quantity === 'number' ? quantity : Number(String(quantity ?? '').trim());
      if (isBlank(quantity) || !Number.isFinite(amount) || amount <= 0) {
        throw new InputError(
          'argument',
          `quantity must be a number above 0, got "${String(quantity ?? '')}"`,
        );
      }
      const skuId = isBlank(sku) ? undefined : String(sku).trim();
      const offer = await lookup(offerId, {}, signal);
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
        throw new NotAvailableError(`minimum order is ${moq} ${offer.unit ?? 'pieces'}`);
      }
      return price.unitPrice;
    },
  };
}

export type OfferFunctions = ReturnType<typeof createOfferFunctions>;
