import {
  defineOperation,
  makePage,
  type Product,
  type ProductQuery,
  type ProviderAdapter,
  ProviderError,
  type ProviderId,
  type ProviderResponse,
  type Supplier,
  type SupplierQuery,
} from '@yuantou/core';
import { z } from 'zod';

const TestCredentials = z.object({ apiKey: z.string(), baseUrl: z.string() });
type TestCredentials = z.infer<typeof TestCredentials>;

/**
 * A minimal adapter for the upstream layer's tests: GET `<baseUrl>/search?q=…&page=…&key=<apiKey>`, the key in
 * the query string on purpose (so redaction is tested), answers `{ items, total }` or `{ code }` like TMAPI.
 */
export function createTestAdapter(id: ProviderId = 'onebound'): ProviderAdapter<TestCredentials> {
  const map = (query: SupplierQuery | ProductQuery) => ({
    params: { q: query.keyword, page: query.page },
    ignored: query.factoryOnly ? ['factoryOnly'] : [],
  });
  const sign = (params: { q: string; page: number }, credentials: TestCredentials) => ({
    method: 'GET' as const,
    url: `${credentials.baseUrl}/search?q=${encodeURIComponent(params.q)}&page=${params.page}&key=${credentials.apiKey}`,
    headers: { accept: 'application/json', 'x-api-key': credentials.apiKey },
  });
  const parseResponse = <Item>(response: ProviderResponse) => {
    if (response.status !== 200) throw statusError(id, response);
    const body = JSON.parse(response.body) as { code?: number; items?: Item[]; total?: number };
    if (body.code === 417) {
      throw new ProviderError({
        provider: id,
        kind: 'upstream',
        retryable: true,
        status: 200,
        message: 'retrieval failed',
      });
    }
    return makePage(body.items ?? [], { page: 1, pageSize: 20, total: body.total ?? null });
  };
  return {
    id,
    name: `Test ${id}`,
    defaultBaseUrl: 'http://127.0.0.1:9',
    credentials: TestCredentials,
    limits: { requestsPerMinute: 600, concurrency: 4, timeoutMs: 2000 },
    secretFields: ['apiKey'],
    searchSuppliers: defineOperation({
      maxPageSize: 20,
      map,
      sign,
      parseResponse: (r) => parseResponse<Supplier>(r),
    }),
    searchProducts: defineOperation({
      maxPageSize: 20,
      map,
      sign,
      parseResponse: (r) => parseResponse<Product>(r),
    }),
  };
}

function statusError(provider: ProviderId, response: ProviderResponse): ProviderError {
  const header = response.headers?.['retry-after'];
  const retryAfter = typeof header === 'string' ? Number(header) * 1000 : null;
  const status = response.status;
  const kind =
    status === 429 ? 'rate_limited' : status === 401 ? 'auth' : status >= 500 ? 'upstream' : 'bad_request';
  return new ProviderError({ provider, kind, status, retryAfterMs: retryAfter, message: `HTTP ${status}` });
}

export const productQuery = (keyword: string, page = 1): ProductQuery => ({
  keyword,
  page,
  pageSize: 20,
  sort: 'default',
});
