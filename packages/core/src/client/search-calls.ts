import type * as z from 'zod';
import { ROUTES } from '../api/routes.js';
import { ImageSearchBody, SearchParams, type SearchParamsInput } from '../api/search-params.js';
import { ProductSearchResponse, SupplierSearchResponse } from '../api/search-responses.js';
import type { CallOptions, ProxyClient } from './proxy-client.js';
import { type ProxyTransport, toQueryString, validated } from './proxy-transport.js';

/** The searches: suppliers and products by keyword (`GET`, as a query string), products by a photo (`POST`). */
export function searchCalls({
  call,
  urlOf,
  post,
}: ProxyTransport): Pick<ProxyClient, 'searchSuppliers' | 'searchProducts' | 'searchProductsByImage'> {
  const search = <Schema extends z.ZodType>(path: string, response: Schema) => {
    // async, so bad input rejects the promise like every other failure instead of throwing synchronously.
    return async (params: SearchParamsInput, opts?: CallOptions) => {
      const url = urlOf(path);
      const query = toQueryString(validated(SearchParams, params, url));
      return call({ method: 'GET', url: `${url}?${query}`, response, signal: opts?.signal });
    };
  };

  return {
    searchSuppliers: search(ROUTES.suppliers, SupplierSearchResponse),
    searchProducts: search(ROUTES.products, ProductSearchResponse),
    searchProductsByImage: (body, opts) =>
      post(ROUTES.productsByImage, ImageSearchBody, body, ProductSearchResponse, opts?.signal),
  };
}
