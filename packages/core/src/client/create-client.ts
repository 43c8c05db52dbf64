import { CurrenciesResponse, ProvidersResponse, ROUTES, UsageResponse } from '../api/routes.js';
import { landedCostCalls } from './landed-cost-calls.js';
import { offerCalls } from './offer-calls.js';
import type { ProxyClient, ProxyClientOptions } from './proxy-client.js';
import { proxyTransport } from './proxy-transport.js';
import { searchCalls } from './search-calls.js';
import { supplierCalls } from './supplier-calls.js';

export type { OnOfferResult } from './offer-stream.js';
export type { CallOptions, ProxyClient, ProxyClientOptions, SupplierCallOptions } from './proxy-client.js';
export { type ProxyErrorKind, ProxyRequestError } from './proxy-request-error.js';

// A typed client for the yuantou proxy. It runs in Node and in the Excel add-in's browser runtime, so it
// uses nothing but `fetch`, URL/URLSearchParams and AbortSignal.

/**
 * Creates a {@link ProxyClient} for the proxy at `options.baseUrl`, over the global `fetch` or the one given.
 * Throws {@link ProxyRequestError} (kind `validation`, field `baseUrl`) when the base URL is not an absolute http(s) URL.
 */
export function createClient(options: ProxyClientOptions): ProxyClient {
  const transport = proxyTransport(options);
  const { call, urlOf } = transport;
  return {
    ...searchCalls(transport),
    ...offerCalls(transport),
    ...landedCostCalls(transport),
    ...supplierCalls(transport),
    usage: (opts) =>
      call({ method: 'GET', url: urlOf(ROUTES.usage), response: UsageResponse, signal: opts?.signal }),
    currencies: (opts) =>
      call({
        method: 'GET',
        url: urlOf(ROUTES.currencies),
        response: CurrenciesResponse,
        signal: opts?.signal,
      }),
    listProviders: (opts) =>
      call({
        method: 'GET',
        url: urlOf(ROUTES.providers),
        response: ProvidersResponse,
        signal: opts?.signal,
      }),
    health: (opts) =>
      call({ method: 'GET', url: urlOf(ROUTES.health), response: null, signal: opts?.signal }),
  };
}
