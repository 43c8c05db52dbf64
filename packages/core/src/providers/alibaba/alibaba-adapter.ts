import type { Page } from '../../models/page.js';
import type { Product } from '../../models/product.js';
import { ProviderError } from '../../models/provider-error.js';
import type { ImageQuery, ProductQuery } from '../../models/query.js';
import { asRecord, toBool, toText } from '../../normalize/values.js';
import { parseOfferPage } from '../offer-list.js';
import { offerSearchParams, requireImageUrl } from '../offer-query.js';
import type { Operation, ProviderAdapter, ProviderResponse } from '../provider-contract.js';
import { resolveContext } from '../request-context.js';
import { guardParse, httpStatusError, parseJsonBody } from '../response-body.js';
import { alibabaClassicSearch } from './alibaba-classic.js';
import { alibabaError } from './alibaba-errors.js';
import { OFFER_DETAIL_API, offerDetailParam, parseAlibabaOffer } from './alibaba-offer.js';
import { ALIBABA_BASE_URL, AlibabaCredentials, aopRequest, gatewayError } from './alibaba-schemas.js';

export { AlibabaCredentials } from './alibaba-schemas.js';

// The real 1688 searches live in the crossborder namespace (providers.md §3); both take one JSON-text
// parameter, `offerQueryParam`, and answer `{result:{success, code, message, result:<offer page>}}`.
const KEYWORD_QUERY_API = '1/com.alibaba.fenxiao.crossborder/product.search.keywordQuery';
const IMAGE_QUERY_API = '1/com.alibaba.fenxiao.crossborder/product.search.imageQuery';
const MAX_PAGE_SIZE = 50;

/** Unwraps `{result:{success, code, message, result}}`, turning every failure shape into a `ProviderError`. */
function parseCrossborderPage(response: ProviderResponse): Page<Product> {
  return guardParse('alibaba', () => {
    const body = asRecord(parseJsonBody('alibaba', response));
    const gateway = gatewayError(body, response);
    if (gateway) throw gateway;
    const outer = body.result;
    if (typeof outer === 'object' && outer !== null && !Array.isArray(outer)) {
      const wrapper = outer as Record<string, unknown>;
      if (toBool(wrapper.success) === false) {
        const code = toText(wrapper.code) ?? toText(wrapper.errorCode) ?? String(response.status);
        throw alibabaError(code, response, wrapper.message ?? wrapper.errorMsg);
      }
      if (response.status >= 400) throw httpStatusError('alibaba', response);
      // `success:true` with no page is how the platform says "nothing found".
      return parseOfferPage('alibaba', wrapper.result ?? {});
    }
    if (response.status >= 400) throw httpStatusError('alibaba', response);
    throw new ProviderError({
      provider: 'alibaba',
      kind: 'invalid_response',
      status: response.status,
      message: '1688 Open Platform answered without a result',
    });
  });
}

const searchProducts: Operation<ProductQuery, AlibabaCredentials, Product> = {
  maxPageSize: MAX_PAGE_SIZE,
  buildRequest(query, credentials, ctx) {
    const { params, ignored } = offerSearchParams(query, { maxPageSize: MAX_PAGE_SIZE });
    const offerQueryParam = JSON.stringify(params);
    return aopRequest(KEYWORD_QUERY_API, { offerQueryParam }, credentials, resolveContext(ctx), ignored);
  },
  parseResponse: parseCrossborderPage,
};

const searchProductsByImage: Operation<ImageQuery, AlibabaCredentials, Product> = {
  maxPageSize: MAX_PAGE_SIZE,
  buildRequest(query, credentials, ctx) {
    const imageAddress = requireImageUrl('alibaba', query, 'product.image.upload');
    const { params, ignored } = offerSearchParams(query, { maxPageSize: MAX_PAGE_SIZE });
    // The SDK's ProductSearchImageQueryParamOfferQueryParam: the same fields as the keyword query plus
    // `imageId`/`imageAddress` (an Alibaba-hosted image URL); field names from the public SDK, not a doc page.
    const offerQueryParam = JSON.stringify({ imageAddress, ...params });
    return aopRequest(IMAGE_QUERY_API, { offerQueryParam }, credentials, resolveContext(ctx), ignored);
  },
  parseResponse: parseCrossborderPage,
};

export const alibabaAdapter = {
  id: 'alibaba',
  name: '1688 Open Platform',
  // The offer lists of keyword and image search name no seller, so no supplier can be grouped from them.
  listingsNameSeller: false,
  defaultBaseUrl: ALIBABA_BASE_URL,
  credentials: AlibabaCredentials,
  // Seed 002: 100 calls/min by default; the seed's client uses a 15 s timeout.
  limits: { requestsPerMinute: 100, concurrency: 5, timeoutMs: 15_000 },
  searchProducts,
  searchProductsByImage,
  getOffer: {
    buildRequest: (query, credentials, ctx?) =>
      aopRequest(
        OFFER_DETAIL_API,
        { offerDetailParam: offerDetailParam(query) },
        credentials,
        resolveContext(ctx),
        [],
      ),
    parseResponse: parseAlibabaOffer,
  },
  /** The seed's `alibaba.product.search` (seed 002), signed the platform's real way. */
  searchProductsClassic: alibabaClassicSearch,
} satisfies ProviderAdapter<AlibabaCredentials> & {
  searchProductsClassic: Operation<ProductQuery, AlibabaCredentials, Product>;
};
