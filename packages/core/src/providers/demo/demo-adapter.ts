import * as z from 'zod';
import { Offer, OfferQuery } from '../../models/offer.js';
import { Page } from '../../models/page.js';
import { Product } from '../../models/product.js';
import {
  type FilterName,
  ImageQuery,
  ProductQuery,
  SupplierOffersQuery,
  SupplierQuery,
} from '../../models/query.js';
import { Supplier } from '../../models/supplier.js';
import { defineAdapter } from '../define-adapter.js';
import { defineOfferOperation, defineOperation } from '../define-operation.js';
import { clampPageSize, ignoredFields } from '../ignored-fields.js';
import type {
  AdapterWith,
  OfferOperation,
  Operation,
  ProviderAdapter,
  ProviderRequest,
  ProviderResponse,
  SignedRequest,
} from '../provider-contract.js';
import { type ErrorTable, errorFromTable, guardParse, parseJsonBody } from '../response-body.js';
import { DEMO_FREIGHT_PATH, demoFreight, respondDemoFreight } from './demo-freight.js';
import { findDemoOffer } from './demo-offer.js';
import {
  DEMO_FILTERS,
  DEMO_PRODUCT_SORTS,
  DEMO_SUPPLIER_SORTS,
  demoFilters,
  searchDemoProducts,
  searchDemoProductsByImage,
  searchDemoSupplierOffers,
  searchDemoSuppliers,
} from './demo-search.js';
import { DEMO_SUPPLIER_PATH, demoGetSupplier, respondDemoSupplier } from './demo-supplier-operation.js';

// The demo provider answers from bundled sample data, with no network and no credentials. It still goes
// through the same contract as the real providers (buildRequest → respond → parseResponse), so the proxy,
// the cache and the add-in exercise their real code paths when a user tries yuantou without an account.

/** The demo provider takes no credentials: an empty object. */
export type DemoCredentials = Record<string, never>;

const MAX_PAGE_SIZE = 100;
const PATHS = {
  suppliers: 'suppliers',
  products: 'products',
  image: 'image',
  offer: 'offer',
  shopItems: 'shopitems',
} as const;
type DemoPath = (typeof PATHS)[keyof typeof PATHS];

const DEMO_ERRORS: ErrorTable = {
  bad_request: { kind: 'bad_request', message: 'demo: the query is not valid' },
  not_found: { kind: 'not_found', message: 'demo: not found' },
};

const NUMBER_PARAMS = new Set(['page', 'pageSize', 'priceMin', 'priceMax', 'minOrder']);

/** `demo://<path>?<every defined query field, sorted>`: the whole query travels in the URL, as for a GET provider. */
function demoRequest(path: DemoPath, query: object): SignedRequest {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  // Sorted, so one query always makes one URL (the proxy's cache key).
  params.sort();
  return { method: 'GET', url: `demo://${path}?${params}`, headers: {} };
}

function queryFromParams(params: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [key, value] of params) {
    query[key] = NUMBER_PARAMS.has(key) ? Number(value) : key === 'factoryOnly' ? value === 'true' : value;
  }
  return query;
}

const json = (status: number, body: unknown): ProviderResponse => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

function respond(request: ProviderRequest): ProviderResponse {
  const match = /^demo:\/\/([a-z]+)\?(.*)$/s.exec(request.url);
  const path = match?.[1];
  const input = queryFromParams(new URLSearchParams(match?.[2] ?? ''));
  const answer = <Q, T>(schema: z.ZodType<Q>, search: (query: Q) => Page<T>) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return json(400, { code: 'bad_request', message: z.prettifyError(parsed.error) });
    return json(200, { code: 'ok', data: search(parsed.data) });
  };
  if (path === PATHS.suppliers) return answer(SupplierQuery, (q) => searchDemoSuppliers(q));
  if (path === PATHS.products) return answer(ProductQuery, (q) => searchDemoProducts(q));
  if (path === PATHS.image) return answer(ImageQuery, (q) => searchDemoProductsByImage(q));
  if (path === PATHS.offer) return respondOffer(input);
  if (path === PATHS.shopItems) return answer(SupplierOffersQuery, (q) => searchDemoSupplierOffers(q));
  if (path === DEMO_FREIGHT_PATH)
    return respondDemoFreight(Object.fromEntries(new URLSearchParams(match?.[2] ?? '')));
  if (path === DEMO_SUPPLIER_PATH) return respondDemoSupplier(new URLSearchParams(match?.[2] ?? ''));
  return json(404, {
    code: 'not_found',
    message: `no demo operation at ${path ?? request.url.slice(0, 40)}`,
  });
}

function respondOffer(input: Record<string, unknown>): ProviderResponse {
  const parsed = OfferQuery.safeParse(input);
  if (!parsed.success) return json(400, { code: 'bad_request', message: z.prettifyError(parsed.error) });
  const offer = findDemoOffer(parsed.data.id, parsed.data.language);
  if (!offer) return json(404, { code: 'not_found', message: `no demo offer ${parsed.data.id}` });
  return json(200, { code: 'ok', data: offer });
}

const Envelope = z.object({ code: z.string(), message: z.string().nullish(), data: z.unknown().optional() });

function parseWith<T>(item: z.ZodType<T>) {
  const PageOf = Page(item);
  return (response: ProviderResponse): Page<T> => {
    const body = parseJsonBody('demo', response);
    return guardParse('demo', () => {
      const envelope = Envelope.parse(body);
      if (response.status !== 200 || envelope.code !== 'ok') {
        throw errorFromTable('demo', DEMO_ERRORS, envelope.code, response, envelope.message);
      }
      return PageOf.parse(envelope.data) as Page<T>;
    });
  };
}

function operation<Q extends SupplierQuery | ImageQuery, T>(
  path: DemoPath,
  sorts: typeof DEMO_SUPPLIER_SORTS,
  item: z.ZodType<T>,
  filters: (query: Q) => readonly FilterName[],
): Operation<Q, DemoCredentials, T> {
  return defineOperation({
    maxPageSize: MAX_PAGE_SIZE,
    // The demo's parameters are the query itself, page size clamped.
    map: (query: Q) => ({
      params: { ...query, pageSize: clampPageSize(query.pageSize, MAX_PAGE_SIZE) },
      ignored: ignoredFields(query, { filters: filters(query), sorts }),
    }),
    sign: (params: object) => demoRequest(path, params),
    parseResponse: parseWith(item),
  });
}

const getOffer: OfferOperation<DemoCredentials> = defineOfferOperation({
  // The catalogue is bundled in Chinese and English only: another language is reported, and costs the same
  // (cached) answer as Chinese.
  map: (query) => {
    const other = query.language !== undefined && query.language !== 'zh' && query.language !== 'en';
    return {
      params: { id: query.id, language: query.language === 'en' ? 'en' : undefined },
      ignored: other ? ['language'] : [],
    };
  },
  sign: (params: object) => demoRequest(PATHS.offer, params),
  parseResponse: (response) => {
    const body = parseJsonBody('demo', response);
    return guardParse('demo', () => {
      const envelope = Envelope.parse(body);
      if (response.status !== 200 || envelope.code !== 'ok') {
        throw errorFromTable('demo', DEMO_ERRORS, envelope.code, response, envelope.message);
      }
      return Offer.parse(envelope.data);
    });
  },
});

/**
 * The demo provider: all three searches and offer details answered from bundled, labelled sample data, with
 * no network and no credentials, through the same contract as the real providers.
 */
export const demoAdapter: AdapterWith<
  DemoCredentials,
  | 'searchSuppliers'
  | 'searchProducts'
  | 'searchProductsByImage'
  | 'getOffer'
  | 'getSupplier'
  | 'searchSupplierOffers'
  | 'respond'
> = defineAdapter({
  id: 'demo',
  name: 'Demo (bundled sample data)',
  defaultBaseUrl: 'demo://',
  credentials: z.object({}),
  secretFields: [],
  // Nothing upstream to protect: generous limits so the demo never looks rate-limited.
  limits: { requestsPerMinute: 6000, concurrency: 16, timeoutMs: 5000 },
  // Supplier names are bundled in Chinese only, so a supplier search reports `language` as ignored.
  searchSuppliers: operation<SupplierQuery, Supplier>(
    PATHS.suppliers,
    DEMO_SUPPLIER_SORTS,
    Supplier,
    () => DEMO_FILTERS,
  ),
  searchProducts: operation<ProductQuery, Product>(PATHS.products, DEMO_PRODUCT_SORTS, Product, demoFilters),
  searchProductsByImage: operation<ImageQuery, Product>(
    PATHS.image,
    DEMO_PRODUCT_SORTS,
    Product,
    demoFilters,
  ),
  getOffer,
  estimateFreight: demoFreight,
  getSupplier: demoGetSupplier,
  // A supplier's catalogue: the bundled products of that member id; titles in Chinese or English only.
  searchSupplierOffers: defineOperation({
    maxPageSize: MAX_PAGE_SIZE,
    map: (query: SupplierOffersQuery) => ({
      params: { ...query, pageSize: clampPageSize(query.pageSize, MAX_PAGE_SIZE) },
      ignored: ignoredFields(query, { filters: demoFilters(query), sorts: DEMO_PRODUCT_SORTS }),
    }),
    sign: (params: object) => demoRequest(PATHS.shopItems, params),
    parseResponse: parseWith(Product),
  }),
  respond,
} as const satisfies ProviderAdapter<DemoCredentials>);
