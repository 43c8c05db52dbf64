import {
  type LandedCostBatchBodyInput,
  type LandedCostBatchResponse,
  type LandedCostItem,
  LandedCostOptions,
  MAX_OFFER_REFS,
  OfferRefError,
  parseOfferRef,
} from '@yuantou/core';
import { CellBatcher } from '../cells/cell-batcher.js';
import { NotAvailableError } from '../cells/cell-error.js';
import { InputError } from '../cells/input-error.js';
import type { CellValue } from '../cells/option-reader.js';
import type { QueryCache } from '../cells/query-cache.js';
import type { RichCell, RichRow } from '../cells/rows.js';
import { numberValue, type RichCellCapabilities } from '../data-types/cell-values.js';
import { LANDED_COLUMNS, type LandedView } from './landed-columns.js';
import { parseLandedOptions } from './landed-options.js';
import { parseRateCard, rateRowFor } from './rate-card.js';

// What =LANDED computes, without the Excel runtime. Every input is checked here first — the link, the quantity,
// the rate card and the options, with core's own schema — so a mistake is #VALUE! naming it and costs no request.
// Then every =LANDED cell of one recalculation that shares quantity, rates and options goes out in ONE
// POST /v1/landed-cost/batch (cells/cell-batcher.ts, as =OFFER does with /v1/offers); identical cells share one
// QueryCache entry, which also answers later recalculations from memory. The arithmetic is the proxy's (core's
// landedCost): the add-in never prices anything itself.

/** The part of core's ProxyClient =LANDED uses. */
export interface LandedClient {
  landedCosts(
    body: LandedCostBatchBodyInput,
    options?: { signal?: AbortSignal },
  ): Promise<LandedCostBatchResponse>;
}

export interface LandedFunctionDeps {
  client: () => LandedClient;
  cache: QueryCache;
  /** The settings gate: awaited before a batch is sent. */
  ready?: () => Promise<unknown>;
  /** How long the first =LANDED call of a recalculation waits for the others (ms). */
  windowMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  /** What the host can show in cells; `null` or absent for plain values. */
  richCells?: () => RichCellCapabilities | null;
}

/** The body of one batch, without the refs: cells that differ here go in different requests. */
type LandedGroup = LandedCostOptions;

/** Cells of one recalculation arrive within a few ms of each other (as for =OFFER, offers/offer-lookup.ts). */
export const LANDED_BATCH_WINDOW_MS = 50;

/** The detail row's columns, in order. */
export const LANDED_DETAIL_COLUMNS = Object.values(LANDED_COLUMNS);

function offerIdOf(link: unknown): string {
  if (link === null || link === undefined || String(link).trim() === '')
    throw new InputError('link', 'link: give a 1688 link or offer id');
  try {
    return parseOfferRef(String(link));
  } catch (error) {
    if (error instanceof OfferRefError) throw new InputError('link', `link: ${error.message}`);
    throw error;
  }
}

function quantityOf(quantity: unknown): number {
  const text = String(quantity ?? '').trim();
  const amount = typeof quantity === 'number' ? quantity : Number(text);
  if (text === '' || !Number.isInteger(amount) || amount <= 0) {
    throw new InputError('quantity', `quantity: give a whole number of pieces above 0, got "${text}"`);
  }
  return amount;
}

/** A per-item failure: a bad link is #VALUE!, anything else (not found, no price, no rate) #N/A. */
function itemError(item: LandedCostItem): Error {
  const error = item.error!;
  return error.kind === 'invalid_ref'
    ? new InputError('link', error.message)
    : new NotAvailableError(error.message);
}

/** `#,##0.00## "EUR"`: the per-piece number shown with its currency where the host formats cells. */
export const amountFormat = (currency: string) => `#,##0.00## "${currency}"`;

export function createLandedFunctions(deps: LandedFunctionDeps) {
  const batcher = new CellBatcher<LandedGroup, LandedCostItem>({
    send: async (refs, group, signal) => {
      await deps.ready?.();
      return deps.client().landedCosts({ refs, ...group }, { signal });
    },
    maxBatchSize: MAX_OFFER_REFS,
    windowMs: deps.windowMs ?? LANDED_BATCH_WINDOW_MS,
    groupKey: (group) => JSON.stringify(group),
    itemError,
    ...(deps.setTimer ? { setTimer: deps.setTimer } : {}),
  });

  /**
   * One link's landed cost as the proxy answered it (through the batcher and the cache, as a cell): what
   * =LANDED shows and what the pane's Links view lists. Throws InputError / NotAvailableError as the cell does.
   */
  async function lookup(
    link: unknown,
    quantity: unknown,
    rates: unknown,
    options: unknown,
    signal?: AbortSignal,
    ratesAddress?: string,
  ): Promise<{ view: LandedView; written: ReturnType<typeof parseLandedOptions> }> {
    const offerId = offerIdOf(link);
    const pieces = quantityOf(quantity);
    const table = parseRateCard(rates as CellValue[][] | CellValue, ratesAddress);
    const written = parseLandedOptions(options);
    const row = rateRowFor(table, written.method);
    // The cell's options over the rate card's percentages; keys in one order, so equal cells share a group.
    const candidate = {
      quantity: pieces,
      freight: row.freight,
      currency: written.body.currency,
      chinaFreight: written.body.chinaFreight,
      sku: written.body.sku,
      agentFeePercent: written.body.agentFeePercent ?? row.agentFeePercent,
      dutyPercent: written.body.dutyPercent ?? row.dutyPercent,
      vatPercent: written.body.vatPercent ?? row.vatPercent,
      dutyBasis: written.body.dutyBasis ?? row.dutyBasis,
    };
    const parsed = LandedCostOptions.safeParse(
      Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)),
    );
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(String(issue.path[0] ?? 'options'), `${issue.path.join('.')}: ${issue.message}`);
    }
    const group = parsed.data;
    const item = await deps.cache.get(
      JSON.stringify(['LANDED', JSON.stringify(group), offerId]),
      (loadSignal) => batcher.get(offerId, group, loadSignal),
      signal,
    );
    if (!item.result) throw new NotAvailableError(`the proxy's answer has no landed cost for ${offerId}`);
    return { view: { answer: item.result, freightCurrency: group.freight.currency }, written };
  }

  return {
    batcher,
    lookup,

    /**
     * =LANDED(link, quantity, rates, [options]): the landed cost of one piece, a number in the answer's currency
     * (formatted as that currency where the host can); with `detail`, one row of LANDED_COLUMNS (a header row
     * above it with `header`). `ratesAddress` is the rates range's address when the host gives it.
     */
    async landed(
      link: unknown,
      quantity: unknown,
      rates: unknown,
      options: unknown,
      signal?: AbortSignal,
      ratesAddress?: string,
    ): Promise<RichRow[]> {
      const { view, written } = await lookup(link, quantity, rates, options, signal, ratesAddress);
      const rich = written.rich === false ? null : (deps.richCells?.() ?? null);
      if (!written.detail) {
        const amount = view.answer.perUnit.amount;
        const cell: RichCell = rich ? numberValue(amount, amountFormat(view.answer.currency), rich) : amount;
        return [[cell]];
      }
      const values = LANDED_DETAIL_COLUMNS.map((c) => c.value(view, 1) ?? '');
      return written.header ? [LANDED_DETAIL_COLUMNS.map((c) => c.header), values] : [values];
    },
  };
}

export type LandedFunctions = ReturnType<typeof createLandedFunctions>;
