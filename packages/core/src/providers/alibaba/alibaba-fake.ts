import {
  cycle,
  DEFAULT_TOTAL,
  intParam,
  memberIdFor,
  offerIdFor,
  requestId,
  slicePage,
} from '../../testing/fake-data.js';
import { fakeOfferIndex, officialOfferModel } from '../../testing/fake-offer-details.js';
import {
  type ErrorCatalogue,
  type FakeServer,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from '../../testing/fake-server.js';
import { aopSign } from '../../testing/fake-signatures.js';
import { offerFrom, offerPage } from '../../testing/offer-templates.js';
import type { FakeStartOptions, ProviderFake } from '../../testing/provider-fake-contract.js';
import { uploadedImageProblem } from '../../testing/uploaded-image.js';
import classicFixture from './__fixtures__/alibaba-classic-search.json' with { type: 'json' };
import keywordQueryFixture from './__fixtures__/alibaba-keyword-query.json' with { type: 'json' };
import { alibabaFreightReply } from './alibaba-freight-fake.js';

// 1688 Open Platform (seed 002, providers.md §3): POST form to `param2/{version}/{namespace}/{api}/{appKey}`,
// `_aop_signature` over urlPath + sorted key+value pieces. Errors carry `error_code, error_message,
// exception, request_id` (the SDK's shape).

export const ALIBABA_FAKE_CREDENTIALS = {
  appKey: '3987123',
  appSecret: 'fake-alibaba-secret-QmT8c1',
  accessToken: 'fake-alibaba-token-0c6f2e',
};

export const ALIBABA_APIS = {
  keywordQuery: 'product.search.keywordQuery',
  imageQuery: 'product.search.imageQuery',
  classicSearch: 'alibaba.product.search',
  imageUpload: 'product.image.upload',
  offerDetail: 'product.search.queryProductDetail',
} as const;

/** How far `_aop_timestamp` may be from the fake's clock. */
export const AOP_TIMESTAMP_WINDOW_MS = 10 * 60 * 1000;

// `/openapi` is the documented prefix; a base URL pointing at the fake may or may not keep it.
const AOP_PATH = /^(?:\/openapi)?\/(param2\/[^/]+\/[^/]+\/([^/]+)\/([^/]+))$/;

/** The fake's own path for an API, e.g. for tests and start-fakes. */
export function alibabaPath(api: string, appKey = ALIBABA_FAKE_CREDENTIALS.appKey): string {
  const namespace =
    api === ALIBABA_APIS.classicSearch ? 'com.alibaba.product' : 'com.alibaba.fenxiao.crossborder';
  return `/openapi/param2/1/${namespace}/${api}/${appKey}`;
}

function platformError(status: number, code: string, message: string): Reply {
  return {
    status,
    body: { error_code: code, error_message: message, exception: message, request_id: requestId() },
  };
}

// Seed 002's table, as SDK-shaped bodies, and the platform's own codes.
export const ALIBABA_ERRORS: ErrorCatalogue = {
  '101': () => platformError(401, '101', '签名错误'),
  '110': () => platformError(403, '110', 'IP 不在白名单'),
  '200': () => platformError(400, '200', '关键词为空'),
  '400': () => platformError(400, '400', '参数错误'),
  '429': () => platformError(429, '429', '调用频率超限'),
  '500': () => platformError(500, '500', '服务器错误'),
  'gw.SignatureInvalid': () => platformError(401, 'gw.SignatureInvalid', 'Request signature is invalid'),
  'gw.QpsOverLimit': () => platformError(429, 'gw.QpsOverLimit', 'The app call limit is exceeded'),
  // Recorded gateway answers (README "Errors").
  'gw.NoUsageLeftError': () => platformError(400, 'gw.NoUsageLeftError', 'SLA bill has no usage left'),
  'gw.QosAppFrequencyLimit': () =>
    platformError(400, 'gw.QosAppFrequencyLimit', 'App call exceeds limited frequency'),
  'gw.APIACLDecline': () =>
    platformError(400, 'gw.APIACLDecline', 'APP does not have permission for this API'),
  'gw.ParamMissing': () => platformError(400, 'gw.ParamMissing', 'Required parameter is missing'),
  '401': () => platformError(401, '401', 'Request need user authorized'),
  // keywordQuery answers HTTP 200 and reports failures inside `result`.
  'result.failure': () => ({
    body: { result: { success: false, code: '500', message: '系统繁忙,请稍后再试' } },
  }),
};

export interface AlibabaFakeOptions extends FakeStartOptions {
  appKey?: string;
  appSecret?: string;
  accessToken?: string;
  now?: () => number;
}

const OFFERS = keywordQueryFixture.result.result.data as Array<Record<string, unknown>>;
const CLASSIC_PRODUCTS = classicFixture.alibaba_product_search_response.result.products as Array<
  Record<string, unknown>
>;

function allParams(request: RecordedRequest): Record<string, string> {
  return { ...request.query, ...Object.fromEntries(new URLSearchParams(request.body)) };
}

function jsonParam(params: Record<string, string>): Record<string, unknown> {
  const raw = params.offerQueryParam ?? params.param ?? params.imageQueryParam;
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function startAlibabaFake(options: AlibabaFakeOptions = {}): Promise<FakeServer> {
  const creds = {
    appKey: options.appKey ?? ALIBABA_FAKE_CREDENTIALS.appKey,
    appSecret: options.appSecret ?? ALIBABA_FAKE_CREDENTIALS.appSecret,
    accessToken: options.accessToken ?? ALIBABA_FAKE_CREDENTIALS.accessToken,
  };
  const total = options.total ?? DEFAULT_TOTAL;
  const now = options.now ?? Date.now;

  const authenticate = (request: RecordedRequest): Reply | null => {
    const match = AOP_PATH.exec(request.path)!;
    const [, urlPath, , appKey] = match;
    const params = allParams(request);
    if (appKey !== creds.appKey) return ALIBABA_ERRORS['gw.SignatureInvalid']!();
    if (params._aop_signature !== aopSign(urlPath!, params, creds.appSecret)) {
      return ALIBABA_ERRORS['gw.SignatureInvalid']!();
    }
    if (
      params._aop_timestamp !== undefined &&
      Math.abs(now() - Number(params._aop_timestamp)) > AOP_TIMESTAMP_WINDOW_MS
    ) {
      return platformError(400, 'gw.InvalidTimestamp', '_aop_timestamp is outside the allowed window');
    }
    // product.search.* act for a 1688 user: no token is the recorded 401 "Request need user authorized".
    if (params.access_token === undefined) return ALIBABA_ERRORS['401']!();
    if (params.access_token !== creds.accessToken) {
      return platformError(401, 'gw.InvalidAccessToken', 'access_token is invalid or expired');
    }
    return null;
  };

  const crossborderPage = (keyword: string | undefined, param: Record<string, unknown>): Reply => {
    const slice = slicePage(intParam(param.beginPage, 1), intParam(param.pageSize, 20), 50, total);
    return {
      body: {
        result: {
          success: true,
          code: '200',
          message: null,
          result: offerPage(slice, (i) => offerFrom(OFFERS, i, keyword)),
        },
      },
    };
  };

  const keywordQuery = (request: RecordedRequest): Reply => {
    const param = jsonParam(allParams(request));
    const keyword = typeof param.keyword === 'string' ? param.keyword : '';
    return keyword ? crossborderPage(keyword, param) : ALIBABA_ERRORS['200']!();
  };

  const imageQuery = (request: RecordedRequest): Reply => {
    const param = jsonParam(allParams(request));
    if (param.imageId !== undefined) {
      return uploaded.has(String(param.imageId))
        ? withRegions(
            crossborderPage(typeof param.keyword === 'string' ? param.keyword : undefined, param),
            param,
          )
        : platformError(400, 'gw.ParamInvalid', `imageId ${String(param.imageId)} was not uploaded`);
    }
    // "imageAddress … only 1688 image links".
    if (typeof param.imageAddress === 'string')
      return /^https?:\/\/[^/]*(alicdn\.com|1688\.com)\//.test(param.imageAddress)
        ? crossborderPage(undefined, param)
        : { body: { result: { success: true, code: '200', message: null, result: null } } };
    return ALIBABA_ERRORS['gw.ParamMissing']!();
  };

  // `picRegionInfo{currentRegion, yoloCropRegion}` (sourcing facts §3: "the objects it detected"; format
  // uncertain, built as the adapter's `readPicRegions` reads it): two objects found; the region searched is the
  // one asked for, else the first.
  const withRegions = (reply: Reply, param: Record<string, unknown>): Reply => {
    const page = (reply.body as { result: { result: Record<string, unknown> } }).result.result;
    const found = ['120,480,80,560', '500,900,300,700'];
    const currentRegion = typeof param.region === 'string' ? param.region : found[0];
    page.picRegionInfo = { currentRegion, yoloCropRegion: found.join(';') };
    return reply;
  };

  // Seed 002's `alibaba_product_search_response` shape, page_size at most 50, from the classic fixture.
  const classicSearch = (request: RecordedRequest): Reply => {
    const params = allParams(request);
    if (!params.keywords) return ALIBABA_ERRORS['200']!();
    const slice = slicePage(intParam(params.page, 1), intParam(params.page_size, 20), 50, total);
    const products = slice.indexes.map((i) => {
      const template = cycle(CLASSIC_PRODUCTS, i);
      return {
        ...template,
        product_id: offerIdFor(i),
        title: `${params.keywords} ${template.title}`,
        supplier: {
          ...(template.supplier as object),
          user_id: String(2209876543210 + i),
          member_id: memberIdFor(i),
        },
      };
    });
    return {
      body: {
        alibaba_product_search_response: {
          result: { total_results: total, page: slice.page, page_size: slice.pageSize, products },
        },
      },
    };
  };

  // `product.image.upload` (README "Image upload"): `uploadImageParam` = JSON `{imageBase64}`, answering
  // `{result:{success:"true", code, message, result:"<imageId>"}}`. The fake remembers what it handed out, so an
  // image search by `imageId` proves both steps ran, in order, against this server.
  const uploaded = new Map<string, string>();
  const imageUpload = (request: RecordedRequest): Reply => {
    const raw = allParams(request).uploadImageParam;
    let imageBase64: unknown;
    try {
      imageBase64 = raw ? (JSON.parse(raw) as { imageBase64?: unknown }).imageBase64 : undefined;
    } catch {
      imageBase64 = undefined;
    }
    if (typeof imageBase64 !== 'string' || imageBase64 === '') return ALIBABA_ERRORS['gw.ParamMissing']!();
    // The FAQ's failure: a `data:` header left on the base64 gives imageId "0". The fake also refuses what the
    // proxy must never send: an image with metadata, over about 100 KB or over 1,000 px on its long side.
    const unclean = imageBase64.startsWith('data:')
      ? 'data: header'
      : uploadedImageProblem(imageBase64, { maxBytes: 100 * 1024, maxLongSide: 1000 });
    const imageId = unclean !== null ? '0' : String(1_000_000 + uploaded.size);
    if (imageId !== '0') uploaded.set(imageId, imageBase64);
    return { body: { result: { success: 'true', code: '200', message: null, result: imageId } } };
  };

  // `offerDetailParam` {offerId, country} (both required); an unknown offer is success without a model (UNVERIFIED).
  const offerDetail = (request: RecordedRequest): Reply => {
    const param = jsonParam({ offerQueryParam: allParams(request).offerDetailParam ?? '' });
    if (!param.offerId || !param.country) return ALIBABA_ERRORS['400']!();
    const index = fakeOfferIndex(param.offerId, total);
    const model = index === null ? null : officialOfferModel(index, String(param.country));
    return { body: { result: { success: true, code: '200', message: '成功', result: model } } };
  };

  const handlers: Record<string, (request: RecordedRequest) => Reply> = {
    [ALIBABA_APIS.offerDetail]: offerDetail,
    [ALIBABA_APIS.keywordQuery]: keywordQuery,
    [ALIBABA_APIS.imageQuery]: imageQuery,
    [ALIBABA_APIS.classicSearch]: classicSearch,
    [ALIBABA_APIS.imageUpload]: imageUpload,
    'product.freight.estimate': alibabaFreightReply,
  };

  return startFakeServer({
    name: 'alibaba',
    port: options.port,
    errors: ALIBABA_ERRORS,
    errorWithMessage: (message) => platformError(400, 'gw.ParamInvalid', message),
    credentials: creds,
    basePath: '/openapi',
    authenticate,
    route: ({ method, path }) => {
      const apiName = AOP_PATH.exec(path)?.[2];
      return method === 'POST' && apiName ? handlers[apiName] : undefined;
    },
  });
}

export const fake: ProviderFake = {
  id: 'alibaba',
  credentials: ALIBABA_FAKE_CREDENTIALS,
  errors: ALIBABA_ERRORS,
  start: startAlibabaFake,
};
