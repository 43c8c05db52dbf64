import { type OfferHistoryResponse, OfferRefError, type OfferSnapshot, parseOfferRef } from '@yuantou/core';
import { asOfRich, asOfSerial, instantOf } from '../cells/as-of.js';
import { type RefreshSwitch, refreshSwitch } from '../cells/freshness.js';
import { InputError } from '../cells/input-error.js';
import type { QueryCache } from '../cells/query-cache.js';
import type { Cell, ColumnFormat, RichRow } from '../cells/rows.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';

// =OFFERHISTORY(link, [field], [from], [to]): what the proxy kept of one offer's paid fetches (GET
// /v1/offers/:ref/history — 1688 has no price-history API, so history is what the proxy itself fetched: one
// snapshot per paid fetch, kept a year by default), as a table ready for a chart: a header, then one row per
// snapshot OLDEST FIRST (a line chart reads left to right in time), the date-time first, then the value columns.
// Reading history never pays a provider; the rows are remembered like other answers and reloaded by a pane
// refresh (cells/freshness.ts), so a refreshed offer's new snapshot appears.

/** The part of core's ProxyClient =OFFERHISTORY uses. */
export interface HistoryClient {
  offerHistory(
    ref: string,
    params?: { limit?: number },
    opts?: { signal?: AbortSignal },
  ): Promise<OfferHistoryResponse>;
}

export interface HistoryFunctionDeps {
  client: () => HistoryClient;
  cache: QueryCache;
  /** The settings gate: awaited before a request, so none goes out with settings not yet read. */
  ready?: () => Promise<unknown>;
  /** What the host can show in cells; `null` or absent for plain values. */
  richCells?: () => RichCellCapabilities | null;
  /** The pane's refresh seam; the add-in's one switch when absent. */
  refresh?: RefreshSwitch;
}

/** The most snapshots one call asks for (the route's maximum). */
export const HISTORY_LIMIT = 1000;

interface HistoryColumn {
  header: string;
  description: string;
  format: ColumnFormat;
  value: (snapshot: OfferSnapshot) => Cell | null;
}

/** Every `field` name, in the order =FIELDS lists them. */
export const HISTORY_COLUMNS: Readonly<Record<string, HistoryColumn>> = {
  price: {
    header: 'lowest price (CNY)',
    description: 'The lowest listed price at that fetch, in CNY.',
    format: 'price',
    value: (s) => s.priceMin,
  },
  priceMax: {
    header: 'highest price (CNY)',
    description: 'The highest listed price at that fetch, in CNY.',
    format: 'price',
    value: (s) => s.priceMax,
  },
  moq: {
    header: 'MOQ',
    description: 'The minimum order at that fetch.',
    format: 'integer',
    value: (s) => s.moq,
  },
  stock: {
    header: 'stock',
    description: 'Pieces in stock at that fetch.',
    format: 'integer',
    value: (s) => s.stock,
  },
  tiers: {
    header: 'price tiers',
    description: 'The price tiers at that fetch: 10+ ¥5; 100+ ¥4.5.',
    format: 'text',
    value: (s) =>
      s.priceTiers.length === 0
        ? null
        : s.priceTiers.map((t) => `${t.minQuantity}+ ¥${Number(t.price.toFixed(2))}`).join('; '),
  },
  variants: {
    header: 'variant count',
    description: 'How many variants (SKUs) the offer listed at that fetch.',
    format: 'integer',
    value: (s) => s.skus.length,
  },
  provider: {
    header: 'provider',
    description: 'The data provider that answered that fetch.',
    format: 'text',
    value: (s) => s.provider,
  },
};

export const DEFAULT_HISTORY_FIELDS = 'price,priceMax,stock';

/** The first column of every row: when that fetch was made. */
export const FETCHED_AT_COLUMN = {
  header: 'fetched at',
  description: 'When the provider answered that fetch (an Excel date-time); oldest first.',
};

/** `field` as columns: comma-separated, case-insensitive; an unknown one is #VALUE! listing them. */
export function parseHistoryFields(field: unknown): HistoryColumn[] {
  const text = typeof field === 'string' && field.trim() !== '' ? field : DEFAULT_HISTORY_FIELDS;
  const byName = new Map(Object.entries(HISTORY_COLUMNS).map(([name, c]) => [name.toLowerCase(), c]));
  return text.split(/[,，;]/).map((raw) => {
    const column = byName.get(
      raw
        .trim()
        .toLowerCase()
        .replace(/[\s_-]/g, ''),
    );
    if (!column)
      throw new InputError(
        'field',
        `field: unknown "${raw.trim()}"; use ${Object.keys(HISTORY_COLUMNS).join(', ')}`,
      );
    return column;
  });
}

const DAY_MS = 86_400_000;

/**
 * A `from`/`to` cell as an instant: an Excel date (serial number, the computer's time zone, as excelDateTime
 * writes them) or text such as `2026-12-01`. A whole-day `to` includes that day. Blank → no bound.
 */
export function dateBound(value: unknown, name: 'from' | 'to'): number | undefined {
  if (value === null || value === undefined || String(value).trim() === '') return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Number.isInteger(value) && name === 'to' ? instantOf(value + 1) - 1 : instantOf(value);
  }
  const text = String(value).trim();
  const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text);
  if (Number.isNaN(parsed)) throw new InputError(name, `${name}: "${text}" is not a date such as 2026-12-01`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && name === 'to' ? parsed + DAY_MS - 1 : parsed;
}

function offerIdOf(link: unknown): string {
  try {
    return parseOfferRef(String(link ?? ''));
  } catch (error) {
    if (error instanceof OfferRefError) throw new InputError('link', error.message);
    throw error;
  }
}

export interface HistoryFunctions {
  /** =OFFERHISTORY: a header, then one row per kept snapshot, oldest first. */
  offerHistory(
    link: unknown,
    field: unknown,
    from: unknown,
    to: unknown,
    signal?: AbortSignal,
  ): Promise<RichRow[]>;
}

export function createHistoryFunctions(deps: HistoryFunctionDeps): HistoryFunctions {
  return {
    async offerHistory(link, field, from, to, signal) {
      const offerId = offerIdOf(link);
      const columns = parseHistoryFields(field);
      const [start, end] = [dateBound(from, 'from'), dateBound(to, 'to')];
      const asked = (deps.refresh ?? refreshSwitch).ask(undefined);
      const answer = await deps.cache.get(
        `history:${offerId}`,
        async (loadSignal) => {
          await deps.ready?.();
          return deps.client().offerHistory(offerId, { limit: HISTORY_LIMIT }, { signal: loadSignal });
        },
        signal,
        asked.refresh === undefined ? {} : { refresh: asked.refresh },
      );
      const kept = answer.snapshots
        .filter((s) => {
          const at = Date.parse(s.fetchedAt);
          return (start === undefined || at >= start) && (end === undefined || at <= end);
        })
        // The proxy answers newest first; a chart wants time to run left to right.
        .sort((a, b) => Date.parse(a.fetchedAt) - Date.parse(b.fetchedAt));
      if (kept.length === 0) {
        return [
          [
            answer.snapshots.length === 0
              ? `no history yet for offer ${offerId}: the proxy keeps one snapshot per paid fetch`
              : `no snapshot of offer ${offerId} between those dates`,
          ],
        ];
      }
      const rich = deps.richCells?.() ?? null;
      const when = (s: OfferSnapshot) => {
        const serial = asOfSerial(s.fetchedAt);
        return (rich && asOfRich(serial, rich)) ?? serial ?? '';
      };
      return [
        [FETCHED_AT_COLUMN.header, ...columns.map((c) => c.header)],
        ...kept.map((s): RichRow => [when(s), ...columns.map((c) => c.value(s) ?? '')]),
      ];
    },
  };
}
