import { type Problem, ProvidersResponse, ROUTES } from '../../api/routes.js';
import { ImageSearchBody, SearchParams } from '../../api/search-params.js';
import { ProductSearchResponse, SupplierSearchResponse } from '../../api/search-responses.js';
import type { ImageQuery, SupplierQuery } from '../../models/query.js';
import type { RankedSupplier } from '../../models/ranked.js';
import { emptySupplier } from '../../models/supplier.js';
import { demoAdapter } from '../../providers/demo/demo-adapter.js';
import type { Operation } from '../../providers/provider-contract.js';
import { rankProducts } from '../../ranking/rank-products.js';
import { rankSuppliers } from '../../ranking/rank-suppliers.js';
import { sortRanked } from '../../ranking/sort-ranked.js';

// An in-memory stand-in for the proxy, answering through `fetch` so the same tests run in Node and in a
// browser-like environment. It reads requests back with the proxy's own route schemas, so a client that
// encodes a query the proxy cannot read fails here; it answers from the demo adapter's bundled data, ranked
// like the proxy ranks, and every body it sends passes the response schemas.

export const FAKE_TOKEN = 'fake-proxy-token-9f2c';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
}

export type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/** A valid ranked supplier, for tests that need one body to break. */
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
  breakdown: [{ factor: 'credit', label: 'Credit level', value: 'AA', weight: 20, points: 16 }],
  flags: [],
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

/** A route query as the demo adapter takes it: `q` is the keyword, the proxy's `score` sort is `default`. */
function demoQuery<Q>({
  q,
  sort,
  provider: _provider,
  ...rest
}: {
  q?: string;
  sort: string;
  provider?: unknown;
}) {
  return {
    ...rest,
    ...(q === undefined ? {} : { keyword: q }),
    sort: sort === 'score' ? 'default' : sort,
  } as Q;
}

/** One page from the demo adapter, through its whole contract: buildRequest → respond → parseResponse. */
function demoPage<Q, T>(operation: Operation<Q, Record<string, never>, T>, query: Q) {
  return operation.parseResponse(demoAdapter.respond(operation.buildRequest(query, {})));
}

const pageOf = <T>(
  items: T[],
  page: { page: number; pageSize: number; total: number | null; hasNext: boolean },
) => ({
  items,
  page: page.page,
  pageSize: page.pageSize,
  total: page.total,
  hasNext: page.hasNext,
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
    const page = demoPage(demoAdapter.searchSuppliers, demoQuery<SupplierQuery>(query.data));
    return json(
      200,
      SupplierSearchResponse.parse(pageOf(sortRanked(rankSuppliers(page.items), query.data.sort), page)),
    );
  },
  [`GET ${ROUTES.products}`]: (request) => {
    const query = SearchParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return badRequest(query.error.issues[0]);
    const page = demoPage(demoAdapter.searchProducts, demoQuery<SupplierQuery>(query.data));
    return json(
      200,
      ProductSearchResponse.parse(pageOf(sortRanked(rankProducts(page.items), query.data.sort), page)),
    );
  },
  [`POST ${ROUTES.productsByImage}`]: (request) => {
    const body = ImageSearchBody.safeParse(JSON.parse(request.body ?? 'null'));
    if (!body.success) return badRequest(body.error.issues[0]);
    const page = demoPage(demoAdapter.searchProductsByImage, demoQuery<ImageQuery>(body.data));
    return json(
      200,
      ProductSearchResponse.parse(pageOf(sortRanked(rankProducts(page.items), body.data.sort), page)),
    );
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
 * (`'GET /v1/suppliers'` → handler) to play errors; every request is recorded in `requests`, and the body
 * of every routed answer in `answers`.
 */
export function fakeProxy(baseUrl: string, override: Record<string, Handler> = {}) {
  const requests: RecordedRequest[] = [];
  /** The body text of every answer a route handler gave, in order. */
  const answers: string[] = [];
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
      const response = await handler(request);
      answers.push(await response.clone().text());
      return response;
    });
  return { fetch, requests, answers };
}
