import { DEFAULT_TOTAL, intParam, requestId, slicePage } from '../../testing/fake-data.js';
import { fakeOfferIndex, officialOfferModel } from '../../testing/fake-offer-details.js';
import {
  type ErrorCatalogue,
  type FakeServer,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from '../../testing/fake-server.js';
import { dajisaasSign } from '../../testing/fake-signatures.js';
import { offerFrom, offerPage } from '../../testing/offer-templates.js';
import type { FakeStartOptions, ProviderFake } from '../../testing/provider-fake-contract.js';
import { uploadedImageProblem } from '../../testing/uploaded-image.js';
import keywordQueryFixture from './__fixtures__/dajisaas-keyword-query.json' with { type: 'json' };
import { dajisaasFreightReply } from './dajisaas-freight-fake.js';

// DajiSaaS (seed 003, providers.md §4): GET with `appKey` and MD5 `sign` in the query, answering
// `{code, message, data:<offer page>, traceId}`.

export const DAJISAAS_PATHS = {
  keywordQuery: '/alibaba/product/keywordQuery',
  imageQuery: '/alibaba/product/imageQuery',
  detail: '/alibaba/product/queryProductDetail',
  uploadImage: '/alibaba/upload/image',
} as const;

export const DAJISAAS_FAKE_CREDENTIALS = {
  appKey: 'fake-daji-appkey-2b7d',
  appSecret: 'fake-daji-secret-91ce4a',
};

const MAX_PAGE_SIZE = 50;

// DajiSaaS publishes no error table; its `code` follows HTTP. UNVERIFIED: business refusals come with HTTP 200,
// overload and outages with the matching HTTP status.
function failure(code: number, message: string): Reply {
  return { status: code >= 429 ? code : 200, body: { code, message, data: null, traceId: requestId() } };
}

export const DAJISAAS_ERRORS: ErrorCatalogue = {
  '400': () => failure(400, '参数错误'),
  '401': () => failure(401, '签名校验失败'),
  '402': () => failure(402, '账户余额不足'),
  '403': () => failure(403, '无权限调用该接口'),
  '429': () => failure(429, '请求过于频繁'),
  '500': () => failure(500, '系统异常'),
  '502': () => failure(502, '1688接口调用失败'),
  '503': () => failure(503, '服务暂不可用'),
};

export interface DajisaasFakeOptions extends FakeStartOptions {
  appKey?: string;
  appSecret?: string;
}

const OFFERS = keywordQueryFixture.data.data as Array<Record<string, unknown>>;

export function startDajisaasFake(options: DajisaasFakeOptions = {}): Promise<FakeServer> {
  const appKey = options.appKey ?? DAJISAAS_FAKE_CREDENTIALS.appKey;
  const appSecret = options.appSecret ?? DAJISAAS_FAKE_CREDENTIALS.appSecret;
  const total = options.total ?? DEFAULT_TOTAL;

  const page = (query: RecordedRequest['query'], keyword: string | undefined): Reply => {
    const slice = slicePage(intParam(query.beginPage, 1), intParam(query.pageSize, 20), MAX_PAGE_SIZE, total);
    return {
      body: {
        code: 200,
        message: 'success',
        data: offerPage(slice, (i) => offerFrom(OFFERS, i, keyword)),
        traceId: requestId(),
      },
    };
  };

  // `POST /alibaba/upload/image` `image_base64` (JPG/PNG/WEBP, ≤ 3 MB) → `data` imageId (sourcing facts §3; form
  // body as the adapter's `uploadImageRequest` reads the disputed docs). The fake also refuses what the proxy
  // must never send: an image carrying metadata.
  const uploaded = new Set<string>();
  const uploadImage = (request: RecordedRequest): Reply => {
    const image = formParams(request).image_base64;
    if (!image) return DAJISAAS_ERRORS['400']!();
    const problem = uploadedImageProblem(image, { maxBytes: 3 * 1024 * 1024 });
    if (problem !== null) return failure(400, `图片不合规: ${problem}`);
    const imageId = String(2_000_000 + uploaded.size);
    uploaded.add(imageId);
    return { body: { code: 200, message: 'success', data: imageId, traceId: requestId() } };
  };

  const routes: Record<string, (request: RecordedRequest) => Reply> = {
    [DAJISAAS_PATHS.keywordQuery]: ({ query }) =>
      query.keyword ? page(query, query.keyword) : DAJISAAS_ERRORS['400']!(),
    [DAJISAAS_PATHS.imageQuery]: ({ query }) => {
      if (query.imageId)
        return uploaded.has(query.imageId) ? page(query, undefined) : failure(400, 'imageId 不存在');
      return query.imageUrl ? page(query, undefined) : DAJISAAS_ERRORS['400']!();
    },
    [DAJISAAS_PATHS.detail]: ({ query }) => {
      if (!query.offerId || !query.country) return DAJISAAS_ERRORS['400']!();
      const index = fakeOfferIndex(query.offerId, total);
      const data = index === null ? null : officialOfferModel(index, query.country);
      return { body: { code: 200, message: '操作成功', data, timestamp: Date.now(), traceId: requestId() } };
    },
  };

  return startFakeServer({
    name: 'dajisaas',
    port: options.port,
    errors: DAJISAAS_ERRORS,
    errorWithMessage: (message) => failure(400, message),
    credentials: { appKey, appSecret },
    authenticate: (request) => {
      const { query } = request;
      // The upload's form fields are signed with the query; the freight estimate's JSON body is not (see
      // dajisaas-freight.ts), so only the upload's body enters the signature.
      const signed =
        request.method === 'POST' && request.path === DAJISAAS_PATHS.uploadImage
          ? { ...query, ...formParams(request) }
          : query;
      return query.appKey === appKey && query.sign === dajisaasSign(signed, appSecret)
        ? null
        : DAJISAAS_ERRORS['401']!();
    },
    route: ({ method, path }) =>
      method === 'GET'
        ? routes[path]
        : method === 'POST' && path === DAJISAAS_PATHS.uploadImage
          ? uploadImage
          : method === 'POST' && path === '/alibaba/product/freightEstimate'
            ? dajisaasFreightReply
            : undefined,
  });
}

function formParams(request: RecordedRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.body));
}

export const fake: ProviderFake = {
  id: 'dajisaas',
  credentials: DAJISAAS_FAKE_CREDENTIALS,
  errors: DAJISAAS_ERRORS,
  start: startDajisaasFake,
};
