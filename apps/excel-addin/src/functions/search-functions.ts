import type {
  ImageSearchBodyInput,
  ProductSearchResponse,
  SearchParamsInput,
  SupplierSearchResponse,
} from '@yuantou/core';
import { InvalidArgumentError } from './cell-error.js';
import type { QueryCache } from './query-cache.js';
import { type AnswerContext, productRows, type Row, supplierRows } from './result-rows.js';
import { parseOptionsArgument, type SearchOptions } from './search-options.js';

// What =SUPPLIERS, =PRODUCTS and =PRODUCTSBYIMAGE compute, without the Excel runtime: validate the arguments,
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
  /**
   * The pane's language and currency settings, read at each call: they apply to every function whose
   * `options` do not set them.
   */
  defaults?: () => Pick<SearchOptions, 'language' | 'currency'>;
}

/** The cell arguments as Excel passes them; options is a matrix because the parameter is declared any[][]. */
export type OptionsArgument = (string | number | boolean | null)[][] | undefined;

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
    throw new InvalidArgumentError(`count must be a whole number from 1 to ${MAX_COUNT}`);
  }
  return count;
}

function parseKeyword(keyword: string | null | undefined): string {
  const text = String(keyword ?? '').trim();
  if (text === '') throw new InvalidArgumentError('keyword must not be empty');
  if (text.length > 200) throw new InvalidArgumentError('keyword is longer than 200 characters');
  return text;
}

function parseImageUrl(imageUrl: string | null | undefined): string {
  const text = String(imageUrl ?? '').trim();
  if (text === '') throw new InvalidArgumentError('imageUrl must not be empty');
  if (!/^https?:\/\/\S+$/i.test(text)) throw new InvalidArgumentError('imageUrl must be an http(s) link');
  return text;
}

/** One key per distinct request, whatever spelling of the options produced it. */
function cacheKey(fn: string, params: object): string {
  const entries = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([fn, entries]);
}

export function createSearchFunctions(deps: SearchFunctionDeps) {
  /** Options as the proxy's filter parameters, asking for the candidate pool; `wanted` rows are kept. */
  const filters = (options: OptionsArgument, count: number | undefined) => {
    const wanted = parseCount(count);
    const defaults = Object.fromEntries(
      Object.entries(deps.defaults?.() ?? {}).filter(([, v]) => v !== undefined && v !== ''),
    );
    return {
      params: { ...defaults, ...parseOptionsArgument(options), pageSize: Math.max(wanted, CANDIDATE_POOL) },
      wanted,
    };
  };

  /**
   * Asks the proxy through the cache (coalesced by function and request; `signal` is this cell's cancellation)
   * and formats the best `wanted` items of the answer.
   */
  const search = async <Request extends object, Item>(
    fn: string,
    { params: request, wanted }: { params: Request; wanted: number },
    send: (
      client: SearchClient,
      request: Request,
      signal: AbortSignal,
    ) => Promise<{ items: Item[] } & AnswerContext>,
    toRows: (items: Item[], context: AnswerContext) => Row[],
    signal: AbortSignal | undefined,
  ): Promise<Row[]> => {
    const response = await deps.cache.get(
      cacheKey(fn, request),
      (s) => send(deps.client(), request, s),
      signal,
    );
    return toRows(response.items.slice(0, wanted), response);
  };

  return {
    async suppliers(
      keyword: string,
      options: OptionsArgument,
      count: number | undefined,
      signal?: AbortSignal,
    ) {
      const { params, wanted } = filters(options, count);
      const request: SearchParamsInput = { q: parseKeyword(keyword), ...params };
      return search(
        'SUPPLIERS',
        { params: request, wanted },
        (c, p, s) => c.searchSuppliers(p, { signal: s }),
        supplierRows,
        signal,
      );
    },

    async products(
      keyword: string,
      options: OptionsArgument,
      count: number | undefined,
      signal?: AbortSignal,
    ) {
      const { params, wanted } = filters(options, count);
      const request: SearchParamsInput = { q: parseKeyword(keyword), ...params };
      return search(
        'PRODUCTS',
        { params: request, wanted },
        (c, p, s) => c.searchProducts(p, { signal: s }),
        productRows,
        signal,
      );
    },

    async productsByImage(
      imageUrl: string,
      options: OptionsArgument,
      count: number | undefined,
      signal?: AbortSignal,
    ) {
      const { params, wanted } = filters(options, count);
      const request: ImageSearchBodyInput = { imageUrl: parseImageUrl(imageUrl), ...params };
      return search(
        'PRODUCTSBYIMAGE',
        { params: request, wanted },
        (c, b, s) => c.searchProductsByImage(b, { signal: s }),
        productRows,
        signal,
      );
    },
  };
}

export type SearchFunctions = ReturnType<typeof createSearchFunctions>;
