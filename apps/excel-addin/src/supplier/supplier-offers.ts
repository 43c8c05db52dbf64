import {
  type ProductSearchResponse,
  parseSupplierRef,
  SupplierOffersParams,
  type SupplierOffersParamsInput,
} from '@yuantou/core';
import { InputError } from '../cells/input-error.js';
import { type CellValue, OptionNames, optionPairs, richOption } from '../cells/option-reader.js';
import type { QueryCache } from '../cells/query-cache.js';
import { PRODUCT_TABLE, resultRows } from '../cells/result-rows.js';
import type { RichRow } from '../cells/rows.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';

// What =SUPPLIEROFFERS computes, without the Excel runtime: one page of a supplier's own catalogue from the
// proxy's GET /v1/suppliers/:id/offers, ranked there like =PRODUCTS and spilled with =PRODUCTS' own columns
// (cells/result-rows.ts), best `count` first. How broad it is (the `total` behind the rows, and what the titles
// show) is itself a factory-or-trader hint (issue 25). Identical requests share one QueryCache entry.

/** The part of core's ProxyClient =SUPPLIEROFFERS uses. */
export interface SupplierOffersClient {
  supplierOffers(
    id: string,
    params?: SupplierOffersParamsInput,
    options?: { signal?: AbortSignal },
  ): Promise<ProductSearchResponse>;
}

export interface SupplierOffersDeps {
  client: () => SupplierOffersClient;
  cache: QueryCache;
  ready?: () => Promise<unknown>;
  richCells?: () => RichCellCapabilities | null;
  /** The pane's language and currency settings, for a call whose options do not set them. */
  defaults?: () => { language?: string | undefined; currency?: string | undefined };
}

/**
 * Every option =SUPPLIEROFFERS takes: core's SupplierOffersParams (typed against it, so a parameter core adds
 * fails the build until it is described) and the add-in's `rich`. Paging is the function's `count`.
 */
export const SUPPLIER_OFFERS_OPTION_DOCS: Readonly<
  Record<Exclude<keyof SupplierOffersParams, 'page' | 'pageSize' | 'maxAge'> | 'rich', string>
> = {
  provider: 'Only these providers, e.g. tmapi (providers); TMAPI and the demo list catalogues.',
  sort: 'score (default, our ranking), price_asc, price_desc, sales… (a provider may ignore it).',
  language: 'Translate titles: zh, en, ru, vi, ja, ko, fr, pt, es (lang).',
  currency: 'Add each CNY price converted to this ISO currency, e.g. USD (ccy).',
  quantity: 'Rank and price at this many pieces; an MOQ above it is flagged (qty).',
  rich: 'rich=off: plain values where Excel could show cards and pictures.',
};

const OPTIONS = new OptionNames(Object.keys(SUPPLIER_OFFERS_OPTION_DOCS));
export const DEFAULT_OFFERS_COUNT = 10;
const MAX_OFFERS_COUNT = 100;
/** Rows asked for whatever `count` is: a provider charges per page, so the best `count` of a full page are kept. */
const CANDIDATE_POOL = 50;

/** The cell's options as the route's query, validated by core's schema; an InputError names the option. */
export function parseSupplierOffersOptions(
  argument: unknown,
  defaults: { language?: string | undefined; currency?: string | undefined } = {},
): { params: SupplierOffersParams; rich: boolean } {
  const values: Record<string, unknown> = {};
  const written = new Map<string, string>();
  let rich = true;
  for (const [name, value] of optionPairs(argument as CellValue[][] | CellValue, 'currency=EUR; qty=500')) {
    const option = OPTIONS.read(name, value);
    if (option.key === 'rich') rich = richOption(option);
    else {
      if (option.value === '' || option.value === null || option.value === undefined)
        throw InputError.option(option.written, 'needs a value');
      values[option.key] = typeof option.value === 'string' ? option.value : String(option.value);
      written.set(option.key, option.written);
    }
  }
  for (const [key, value] of Object.entries(defaults)) if (value && !(key in values)) values[key] = value;
  if (typeof values.language === 'string') values.language = values.language.toLowerCase();
  if (typeof values.provider === 'string') values.provider = values.provider.toLowerCase();
  if (typeof values.sort === 'string') values.sort = values.sort.toLowerCase();
  const parsed = SupplierOffersParams.safeParse({ ...values, pageSize: CANDIDATE_POOL });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? 'options');
    const shown = written.get(key) ?? `${key} (pane setting)`;
    throw InputError.option(shown, `"${String(values[key] ?? '')}": ${issue.message}`);
  }
  return { params: parsed.data, rich };
}

function parseCount(count: unknown): number {
  if (count === undefined || count === null || count === '') return DEFAULT_OFFERS_COUNT;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_OFFERS_COUNT)
    throw new InputError('count', `count must be a whole number from 1 to ${MAX_OFFERS_COUNT}`);
  return count;
}

export interface SupplierOffersFunctions {
  /** =SUPPLIEROFFERS: a header row, then the supplier's best `count` products. */
  supplierOffers(id: unknown, count: unknown, options: unknown, signal?: AbortSignal): Promise<RichRow[]>;
}

export function createSupplierOffersFunctions(deps: SupplierOffersDeps): SupplierOffersFunctions {
  return {
    async supplierOffers(id, count, options, signal) {
      const ref = parseSupplierRef(id);
      if (ref === null)
        throw new InputError('id', 'id: give a member id (b2b-…), a 1688 shop link or a login id');
      const wanted = parseCount(count);
      const { params, rich } = parseSupplierOffersOptions(options, deps.defaults?.());
      const key = JSON.stringify(['SUPPLIEROFFERS', ref.kind, ref.value, Object.entries(params).sort()]);
      const answer = await deps.cache.get(
        key,
        async (loadSignal) => {
          await deps.ready?.();
          return deps.client().supplierOffers(ref.value, params, { signal: loadSignal });
        },
        signal,
      );
      const capabilities = rich ? (deps.richCells?.() ?? null) : null;
      return resultRows(PRODUCT_TABLE, answer.items.slice(0, wanted), answer, capabilities);
    },
  };
}
