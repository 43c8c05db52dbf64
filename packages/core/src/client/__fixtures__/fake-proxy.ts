import {
  ImageSearchBody,
  type Problem,
  ProductSearchResponse,
  ProvidersResponse,
  ROUTES,
  SearchParams,
  SupplierSearchResponse,
} from '../../api/routes.js';
import type { RankedProduct, RankedSupplier } from '../../models/ranked.js';
import { emptySupplier } from '../../models/supplier.js';

// An in-memory stand-in for the proxy, answering through `fetch` so the same tests run in Node and in a
// browser-like environment. It reads requests back with the proxy's own route schemas, so a client that
// encodes a query the proxy cannot read fails here, and every body it sends passes the response schemas.

export const FAKE_TOKEN = 'fake-proxy-token-9f2c';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
}

export type Handler = (request: RecordedRequest) => Response | Promise<Response>;

const breakdown = [{ factor: 'credit', label: 'Credit level', value: 'AAA', weight: 20, points: 16 }];

export const SAMPLE_SUPPLIER: RankedSupplier = {
  ...emptySupplier('demo', 'b2b-2208087470531de12c'),
  name: '汕头市澄海区嘉玩玩具厂',
  isFactory: true,
  creditLevel: 'AA',
  repurchaseRate: 0.3,
  location: { province: '广东', city: '汕头' },
  tags: ['AA诚信等级'],
  sources: ['demo'],
  score: 72.5,
  breakdown,
};

export const SAMPLE_PRODUCT: RankedProduct = {
  provider: 'demo',
  id: '610947572360',
  title: '儿童积木玩具',
  titleTranslated: null,
  url: 'https://detail.1688.com/offer/610947572360.html',
  imageUrl: null,
  price: 12.5,
  priceMax: 18,
  moq: 2,
  monthSold: 340,
  repurchaseRate: 0.25,
  isAd: false,
  supplier: { id: SAMPLE_SUPPLIER.id, name: SAMPLE_SUPPLIER.name },
  score: 64,
  breakdown,
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function problem(status: number, fields: Partial<Problem> & { detail: string }): Response {
  return json(status, { type: 'about:blank', title: `HTTP ${status}`, status, ...fields });
}

const pageOf = <T>(items: T[], query: { page: number; pageSize: number }) => ({
  items,
  page: query.page,
  pageSize: query.pageSize,
  total: items.length,
  hasNext: false,
  providers: [
    {
      provider: 'demo' as const,
      outcome: 'ok' as const,
      fromCache: false,
      stale: false,
      durationMs: 3,
      itemCount: items.length,
      ignored: [],
    },
  ],
  sampleData: true,
});

function badRequest(issue: { path: PropertyKey[]; message: string } | undefined): Response {
  const field = String(issue?.path[0] ?? '');
  return problem(400, { kind: 'validation', field, detail: `${field}: ${issue?.message}` });
}

/** The proxy's routes as it answers them: auth first, then the route schemas, then a valid body. */
const proxyRoutes: Record<string, Handler> = {
  [`GET ${ROUTES.suppliers}`]: (request) => {
    const query = SearchParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return badRequest(query.error.issues[0]);
    return json(200, SupplierSearchResponse.parse(pageOf([SAMPLE_SUPPLIER], query.data)));
  },
  [`GET ${ROUTES.products}`]: (request) => {
    const query = SearchParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return badRequest(query.error.issues[0]);
    return json(200, ProductSearchResponse.parse(pageOf([SAMPLE_PRODUCT], query.data)));
  },
  [`POST ${ROUTES.productsByImage}`]: (request) => {
    const body = ImageSearchBody.safeParse(JSON.parse(request.body ?? 'null'));
    if (!body.success) return badRequest(body.error.issues[0]);
    return json(200, ProductSearchResponse.parse(pageOf([SAMPLE_PRODUCT], body.data)));
  },
  [`GET ${ROUTES.providers}`]: () =>
    json(
      200,
      ProvidersResponse.parse({
        providers: [
          {
            id: 'demo',
            name: 'Sample data',
            enabled: true,
            operations: ['searchSuppliers', 'searchProducts', 'searchProductsByImage'],
            supplierSearch: 'native',
            maxPageSize: { searchSuppliers: 50, searchProducts: 50, searchProductsByImage: 50 },
          },
        ],
        demoMode: true,
      }),
    ),
  [`GET ${ROUTES.health}`]: () => json(200, { status: 'ok' }),
};

function abortable<T>(signal: AbortSignal | null | undefined, work: () => Promise<T>): Promise<T> {
  if (!signal) return work();
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    // Like fetch: an abort rejects with the signal's reason, whatever the server is doing.
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    work().then(resolve, reject);
  });
}

/**
 * A `fetch` that answers like the proxy at `baseUrl`. `override` replaces one route's answer
 * (`'GET /v1/suppliers'` → handler) to play errors; every request is recorded in `requests`.
 */
export function fakeProxy(baseUrl: string, override: Record<string, Handler> = {}) {
  const requests: RecordedRequest[] = [];
  const routes = { ...proxyRoutes, ...override };
  const fetch = (input: string, init: RequestInit = {}): Promise<Response> =>
    abortable(init.signal, async () => {
      const request: RecordedRequest = {
        method: init.method ?? 'GET',
        url: input,
        headers: new Headers(init.headers),
        body: typeof init.body === 'string' ? init.body : undefined,
      };
      requests.push(request);
      if (!input.startsWith(baseUrl)) throw new TypeError('fetch failed');
      const path = new URL(input).pathname.slice(new URL(baseUrl).pathname.replace(/\/$/, '').length);
      const handler = routes[`${request.method} ${path}`];
      if (!handler) return problem(404, { detail: `no route ${request.method} ${path}` });
      if (request.headers.get('authorization') !== `Bearer ${FAKE_TOKEN}` && path !== ROUTES.health) {
        return problem(401, { kind: 'unauthorized', detail: 'missing or wrong bearer token' });
      }
      return handler(request);
    });
  return { fetch, requests };
}
