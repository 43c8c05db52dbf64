import { SupplierOffersParams } from '../api/search-params.js';
import { ProductSearchResponse } from '../api/search-responses.js';
import { SupplierDetailResponse, SupplierParams } from '../api/supplier-routes.js';
import { parseSellerOpenIdRef, parseSupplierRef } from '../suppliers/supplier-ref.js';
import type { ProxyClient } from './proxy-client.js';
import { type ProxyTransport, throwError, toQueryString, validated } from './proxy-transport.js';

/** One supplier by id: its card and its own catalogue. */
export function supplierCalls({
  call,
  urlOf,
}: ProxyTransport): Pick<ProxyClient, 'getSupplier' | 'supplierOffers'> {
  /** `/v1/suppliers/<id>`, or a `validation` error naming `id` (without a request) for text that names none. */
  const supplierUrl = (id: string) => {
    const base = urlOf('/v1/suppliers');
    // `<provider>:<sellerOpenId>` (an official/reseller offer's seller) is a card id too: the proxy answers it from
    // the seller facts it kept from that provider's offers.
    if (parseSupplierRef(id) === null && parseSellerOpenIdRef(id) === null)
      throwError({
        kind: 'validation',
        url: base,
        field: 'id',
        message: 'id: give a member id (b2b-…), a 1688 shop link or a login id',
      });
    return `${base}/${encodeURIComponent(String(id).trim())}`;
  };

  return {
    async getSupplier(id, opts) {
      const base = supplierUrl(id);
      const query = toQueryString(
        validated(SupplierParams, opts?.maxAge === undefined ? {} : { maxAge: opts.maxAge }, base),
      );
      const url = query ? `${base}?${query}` : base;
      return call({ method: 'GET', url, response: SupplierDetailResponse, signal: opts?.signal });
    },
    async supplierOffers(id, params, opts) {
      const base = supplierUrl(id);
      const query = toQueryString(validated(SupplierOffersParams, params ?? {}, `${base}/offers`));
      const url = `${base}/offers${query ? `?${query}` : ''}`;
      return call({ method: 'GET', url, response: ProductSearchResponse, signal: opts?.signal });
    },
  };
}
