import type { Page } from '../../models/page.js';
import type { Product } from '../../models/product.js';
import { ProviderError } from '../../models/provider-error.js';
import type { ImageQuery, ProductQuery } from '../../models/query.js';
import { asRecord, toBool, toText } from '../../normalize/values.js';
import { defineAdapter } from '../define-adapter.js';
import { defineOfferOperation, defineOperation } from '../define-operation.js';
import { parseOfferPage } from '../official/offer-list.js';
import { OFFER_DETAIL_API, offerDetailParam, officialIgnored } from '../official/official-offer.js';
import { isAlibabaHosted, type OfferSearchParams, offerSearchParams } from '../official/official-search.js';
import type {
  AdapterWith,
  Operation,
  ProviderResponse,
  RequestContext,
  SignedRequest,
} from '../provider-contract.js';
import { resolveContext } from '../request-context.js';
import { guardParse, httpStatusError, parseJsonBody } from '../response-body.js';
import { alibabaClassicSearch } from './alibaba-classic.js';
import { alibabaError } from './alibaba-errors.js';
import { alibabaFreight } from './alibaba-freight.js';
import { ALIBABA_BASE_URL, AlibabaCredentials, aopRequest, gatewayError } from './alibaba-gateway.js';
import { type AlibabaImageParams, imageUploadStep, readPicRegions } from './alibaba-image-upload.js';
import { parseAlibabaOffer } from './alibaba-offer.js';

export { AlibabaCredentials } from './alibaba-gateway.js';

// The real 1688 searches live in the crossborder namespace (providers.md §3); both take one JSON-text
// parameter, `offerQueryParam`, and answer `{result:{success, code, message, result:<offer page>}}`.
export const KEYWORD_QUERY_API = '1/com.alibaba.fenxiao.crossborder/product.search.keywordQuery';
export const IMAGE_QUERY_API = '1/com.alibaba.fenxiao.crossborder/product.search.imageQuery';
const MAX_PAGE_SIZE = 50;

const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * `keywordTranslate`: "whether the keyword has already been translated; if true, search directly without
 * translating the keyword" (搜索词是否已经翻译,true的话直接搜索,不翻译关键词 — README). A Chinese keyword is
 * already what 1688 searches, so it must not be machine-translated (`true`); any other is translated (`false`).
 */
export function keywordTranslate(keyword: string): boolean {
  return CHINESE.test(keyword);
}

/** Unwraps `{result:{success, code, message, result}}`, turning every failure shape into a `ProviderError`. */
function parseCrossborderPage(response: ProviderResponse): Page<Product> {
  return parseCrossborder(response, false);
}

/** An image search's page, with the objects the platform detected in the photo (`picRegionInfo`). */
function parseImagePage(response: ProviderResponse): Page<Product> {
  return parseCrossborder(response, true);
}

function parseCrossborder(response: ProviderResponse, withRegions: boolean): Page<Product> {
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
      const page = parseOfferPage('alibaba', wrapper.result ?? {});
      const regions = withRegions ? readPicRegions(asRecord(wrapper.result).picRegionInfo) : [];
      return regions.length > 0 ? { ...page, regions } : page;
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

export interface AlibabaKeywordParams {
  offerQueryParam: OfferSearchParams & { keywordTranslate: boolean };
}

/** A gateway call whose one business parameter is `offerQueryParam`, serialised as the platform wants it. */
function signOfferQuery(api: string) {
  return (
    params: { offerQueryParam: object },
    credentials: AlibabaCredentials,
    ctx?: Partial<RequestContext>,
  ): SignedRequest =>
    aopRequest(
      api,
      { offerQueryParam: JSON.stringify(params.offerQueryParam) },
      credentials,
      resolveContext(ctx),
    );
}

const searchProducts = defineOperation({
  maxPageSize: MAX_PAGE_SIZE,
  map(query: ProductQuery): { params: AlibabaKeywordParams; ignored: string[] } {
    const { params, ignored } = offerSearchParams(query, { maxPageSize: MAX_PAGE_SIZE });
    const { keyword = query.keyword, ...rest } = params;
    return {
      params: { offerQueryParam: { keyword, keywordTranslate: keywordTranslate(keyword), ...rest } },
      ignored,
    };
  },
  sign: signOfferQuery(KEYWORD_QUERY_API),
  parseResponse: parseCrossborderPage,
});

const searchProductsByImage = defineOperation({
  maxPageSize: MAX_PAGE_SIZE,
  map(query: ImageQuery): { params: AlibabaImageParams; ignored: string[] } {
    const searched = offerSearchParams(query, { maxPageSize: MAX_PAGE_SIZE });
    const { ignored } = searched;
    // `region` ("x1,x2,y1,y2"-style box) and `keyword` ("search within results"): sourcing facts §3.
    const params = {
      ...searched.params,
      ...(query.region === undefined ? {} : { region: query.region }),
      ...(query.keyword === undefined ? {} : { keyword: query.keyword }),
    };
    // `imageAddress` "only… 1688 image link" (README): other images are uploaded for an `imageId` first.
    if (query.imageUrl !== undefined && isAlibabaHosted(query.imageUrl))
      return { params: { offerQueryParam: { imageAddress: query.imageUrl, ...params } }, ignored };
    if (query.imageBase64 !== undefined)
      return { params: { upload: { imageBase64: query.imageBase64 }, offerQueryParam: params }, ignored };
    throw new ProviderError({
      provider: 'alibaba',
      kind: 'bad_request',
      message:
        '1688 Open Platform searches only 1688-hosted image URLs (alicdn.com); send the image itself as imageBase64 to have it uploaded first',
    });
  },
  sign(params: AlibabaImageParams, credentials: AlibabaCredentials, ctx?: Partial<RequestContext>) {
    if (params.offerQueryParam.imageAddress === undefined && params.offerQueryParam.imageId === undefined) {
      throw new ProviderError({
        provider: 'alibaba',
        kind: 'bad_request',
        message: `this image must first be uploaded with ${imageUploadStep.name} (the proxy runs that step; buildRequest alone cannot)`,
      });
    }
    return signOfferQuery(IMAGE_QUERY_API)(params, credentials, ctx);
  },
  prepare: imageUploadStep,
  parseResponse: parseImagePage,
});

/** The official platform's adapter: the contract's operations plus the seed's classic search. */
export type AlibabaAdapter = AdapterWith<
  AlibabaCredentials,
  'searchProducts' | 'searchProductsByImage' | 'getOffer'
> & {
  /** The seed's `alibaba.product.search` (seed 002), signed the platform's real way. */
  readonly searchProductsClassic: Operation<
    ProductQuery,
    AlibabaCredentials,
    Product,
    Record<string, string>
  >;
};

/**
 * The 1688 Open Platform (official API): product search by keyword and by image (uploading the image first when
 * it is not 1688-hosted, see `prepare`), offer details, and the seed's `searchProductsClassic`; no supplier
 * search (its offer lists name no seller).
 */
export const alibabaAdapter: AlibabaAdapter = defineAdapter({
  id: 'alibaba',
  name: '1688 Open Platform',
  // The offer lists of keyword and image search name no seller, so no supplier can be grouped from them.
  listingsNameSeller: false,
  // `keywordTranslate` (README): the platform translates a non-Chinese keyword itself, so it gets it as typed.
  translatesKeyword: true,
  defaultBaseUrl: ALIBABA_BASE_URL,
  credentials: AlibabaCredentials,
  secretFields: ['appSecret', 'accessToken'],
  // Seed 002: 100 calls/min by default; the seed's client uses a 15 s timeout.
  limits: { requestsPerMinute: 100, concurrency: 5, timeoutMs: 15_000 },
  searchProducts,
  searchProductsByImage,
  getOffer: defineOfferOperation({
    map: (query) => ({
      params: { offerDetailParam: offerDetailParam(query) },
      ignored: officialIgnored(query.language),
    }),
    sign: (params, credentials, ctx?) =>
      aopRequest(OFFER_DETAIL_API, params, credentials, resolveContext(ctx)),
    parseResponse: (response, params) => parseAlibabaOffer(response, params),
  }),
  estimateFreight: alibabaFreight,
  /** The seed's `alibaba.product.search` (seed 002), signed the platform's real way. */
  searchProductsClassic: alibabaClassicSearch,
} satisfies AlibabaAdapter);
