import type {
  ImageSearchBodyInput,
  ProductSearchResponse,
  SearchParamsInput,
  SupplierSearchResponse,
} from '@yuantou/core';
import type { StalePolicy } from '../cells/as-of.js';
import { maxAgeOption, type RefreshSwitch, refreshSwitch } from '../cells/freshness.js';
import { InputError } from '../cells/input-error.js';
import { type CellValue, richOption } from '../cells/option-reader.js';
import type { QueryCache } from '../cells/query-cache.js';
import {
  type AnswerContext,
  PRODUCT_TABLE,
  type ResultTable,
  resultRows,
  SUPPLIER_TABLE,
} from '../cells/result-rows.js';
import type { RichRow } from '../cells/rows.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { type SearchKind, type SearchRequest, validateSearch } from './search-input.js';
import { readOptionsArgument, splitAddinOptions } from './search-options.js';

// What =SUPPLIERS, =PRODUCTS and =PRODUCTSBYIMAGE compute, without the Excel runtime: validate the arguments
// (search-input.ts, core's schemas),
// coalesce through the cache, ask the proxy, format rows. functions.ts only adapts these to Excel.

/** The part of core's ProxyClient the functions use (tests pass a fake, the runtime passes createClient()). */
export interface SearchClient {
  searchSuppliers(
    params: SearchParamsInput,
    options?: { signal?: AbortSignal },
  ): Promise<SupplierSearchResponse>;
  searchProducts(
    params: SearchParamsInput,
    options?: { signal?: AbortSignal },
  ): Promise<ProductSearchResponse>;
  searchProductsByImage(
    body: ImageSearchBodyInput,
    options?: { signal?: AbortSignal },
  ): Promise<ProductSearchResponse>;
}

export interface SearchFunctionDeps {
  /** Read at each call, so a new proxy URL or token from the pane applies to the next recalculation. */
  client: () => SearchClient;
  cache: QueryCache;
  /** The settings gate: awaited before each search, so no call goes out with settings not yet read. */
  ready?: () => Promise<unknown>;
  /**
   * What the host can show in cells (pictures, cards), asked at each call; `null` or absent for plain values
   * (older hosts, the preview).
   */
  richCells?: () => RichCellCapabilities | null;
  /**
   * The workbook's defaults (language, currency, quantity; kept in the file, see runtime/settings.ts), read at
   * each call: they apply to every function whose `options` do not set them (quantity to product searches only).
   */
  defaults?: () => SearchDefaults;
  /** The pane's refresh seam (cells/freshness.ts); the add-in's one switch when absent. */
  refresh?: RefreshSwitch;
  /** When rows say `stale` (the stale-after setting), read at each call. */
  stalePolicy?: () => StalePolicy;
}

/** The workbook's defaults as the search functions take them; blank or absent = none. */
export interface SearchDefaults {
  language?: string | undefined;
  currency?: string | undefined;
  quantity?: number | '' | undefined;
}

/** The cell arguments as Excel passes them; options is a matrix because the parameter is declared any[][]. */
export type OptionsArgument = CellValue[][] | undefined;

export const DEFAULT_COUNT = 10;
export const MAX_COUNT = 100;
/**
 * Rows asked of the proxy whatever `count` is: providers charge per call, not per row, so the best `count` are
 * chosen from a full page of candidates rather than from the provider's first `count` (adapters clamp this to
 * each provider's maximum).
 */
export const CANDIDATE_POOL = 50;

function parseCount(count: number | null | undefined): number {
  if (count === undefined || count === null) return DEFAULT_COUNT;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new InputError('count', `count must be a whole number from 1 to ${MAX_COUNT}`);
  }
  return count;
}

/** One key per distinct request, whatever spelling of the options produced it (the validated request). */
function cacheKey(fn: string, params: object): string {
  const entries = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([fn, entries]);
}

/**
 * The cell's arguments as a request validated by core's schema, asking for the candidate pool; `wanted` rows
 * are kept.
 */
function request(
  kind: SearchKind,
  subject: string | null | undefined,
  options: OptionsArgument,
  count: number | null | undefined,
  defaults: SearchDefaults = {},
): { valid: SearchRequest; wanted: number; rich: boolean; maxAge: number | undefined } {
  const wanted = parseCount(count);
  const { addin, search: written } = splitAddinOptions(readOptionsArgument(options));
  // =SUPPLIERS refuses `quantity`: a workbook quantity applies to product searches only.
  const { quantity, ...others } = defaults;
  const applicable = kind === 'suppliers' ? others : { ...others, quantity };
  // The workbook's defaults, where the cell's options do not say otherwise.
  const search = [
    ...Object.entries(applicable)
      .filter(([key, value]) => value && !written.some((o) => o.key === key))
      .map(([key, value]) => ({ written: `${key} (workbook default)`, key, value: String(value) })),
    ...written,
  ];
  const valid = validateSearch({
    kind,
    subject: String(subject ?? ''),
    subjectName: kind === 'image' ? 'imageUrl' : 'keyword',
    options: search,
    pageSize: Math.max(wanted, CANDIDATE_POOL),
  });
  const maxAge = addin.maxAge ? maxAgeOption(addin.maxAge) : undefined;
  return { valid, wanted, rich: richOption(addin.rich), maxAge };
}

const paramsOf = (valid: SearchRequest) => {
  if (valid.kind === 'image') throw new Error('a keyword search was expected');
  return valid.params;
};
const bodyOf = (valid: SearchRequest) => {
  if (valid.kind !== 'image') throw new Error('an image search was expected');
  return valid.body;
};

export function createSearchFunctions(deps: SearchFunctionDeps) {
  /**
   * Asks the proxy through the cache (coalesced by function and request; `signal` is this cell's cancellation)
   * and formats the best `wanted` items of the answer.
   */
  const search = async <Request extends object, Item>(
    fn: string,
    {
      params: request,
      wanted,
      rich,
      maxAge,
    }: { params: Request; wanted: number; rich: boolean; maxAge: number | undefined },
    send: (
      client: SearchClient,
      request: Request,
      signal: AbortSignal,
    ) => Promise<{ items: Item[] } & AnswerContext>,
    table: ResultTable<Item>,
    signal: AbortSignal | undefined,
  ): Promise<RichRow[]> => {
    await deps.ready?.();
    // Ordinary recalculation reuses what was paid for; `maxage=` and the pane's refresh ask for fresher
    // (cells/freshness.ts). The formula's own maxage is part of the key: its entry must not serve the others.
    const asked = (deps.refresh ?? refreshSwitch).ask(maxAge);
    const response = await deps.cache.get(
      cacheKey(fn, { ...request, maxAge }),
      (s) => send(deps.client(), { ...request, maxAge: asked.maxAgeSeconds }, s),
      signal,
      {
        ...(asked.refresh === undefined ? {} : { refresh: asked.refresh }),
        ...(maxAge === undefined ? {} : { maxAgeMs: maxAge * 1000 }),
      },
    );
    // The cache holds the answer, not the cells: `rich=off` and a plain host share the same request.
    const capabilities = rich ? (deps.richCells?.() ?? null) : null;
    const { quantity, language } = request as { quantity?: number; language?: string };
    const context = { ...response, quantity, language, stalePolicy: deps.stalePolicy?.() };
    return resultRows(table, response.items.slice(0, wanted), context, capabilities);
  };

  return {
    async suppliers(
      keyword: string,
      options: OptionsArgument,
      count: number | undefined,
      signal?: AbortSignal,
    ) {
      const { valid, wanted, rich, maxAge } = request(
        'suppliers',
        keyword,
        options,
        count,
        deps.defaults?.(),
      );
      return search(
        'SUPPLIERS',
        { params: paramsOf(valid), wanted, rich, maxAge },
        (c, p, s) => c.searchSuppliers(p, { signal: s }),
        SUPPLIER_TABLE,
        signal,
      );
    },

    async products(
      keyword: string,
      options: OptionsArgument,
      count: number | undefined,
      signal?: AbortSignal,
    ) {
      const { valid, wanted, rich, maxAge } = request('products', keyword, options, count, deps.defaults?.());
      return search(
        'PRODUCTS',
        { params: paramsOf(valid), wanted, rich, maxAge },
        (c, p, s) => c.searchProducts(p, { signal: s }),
        PRODUCT_TABLE,
        signal,
      );
    },

    async productsByImage(
      imageUrl: string,
      options: OptionsArgument,
      count: number | undefined,
      signal?: AbortSignal,
    ) {
      const { valid, wanted, rich, maxAge } = request('image', imageUrl, options, count, deps.defaults?.());
      return search(
        'PRODUCTSBYIMAGE',
        { params: bodyOf(valid), wanted, rich, maxAge },
        (c, b, s) => c.searchProductsByImage(b, { signal: s }),
        PRODUCT_TABLE,
        signal,
      );
    },
  };
}

export type SearchFunctions = ReturnType<typeof createSearchFunctions>;
