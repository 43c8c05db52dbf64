import { DEFAULT_TOTAL, intParam, requestId, slicePage } from '../../testing/fake-data.js';
import { fakeOfferIndex, officialOfferModel } from '../../testing/fake-offer-details.js';
import {
  type ErrorCatalogue,
  type FakeServer,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from '../../testing/fake-server.js';
import { pandaponSign } from '../../testing/fake-signatures.js';
import { offerFrom, offerPage } from '../../testing/offer-templates.js';
import type { FakeStartOptions, ProviderFake } from '../../testing/provider-fake-contract.js';
import imageQueryFixture from './__fixtures__/pandapon-image-query.json' with { type: 'json' };

// PandaPon (seed 004, providers.md §5): JSON POST, system parameters in headers, `signature` checked with the
// unverified reading in fake-signatures.ts; answers `{requestId, code, developId, msg, data:<offer page>}` with
// rates as "5%" and null prices, as in the seed.

export const PANDAPON_PATHS = {
  keywordQuery: '/v2/alibaba/product/keywords/query',
  imageQuery: '/v2/alibaba/product/image/query',
  /** v1, the only documented detail path. */
  detail: '/alibaba/product/detail/get',
} as const;

export const PANDAPON_FAKE_CREDENTIALS = {
  accessKey: '58c0201dfdf148eca63cbf6bb5e7fa4e',
  secret: 'fake-pandapon-secret-d4a07c',
  userId: '2100007341207',
};

/** Seed 004: `timestamp` must be within 600 s of UTC. */
export const PANDAPON_TIMESTAMP_WINDOW_MS = 600_000;

const MAX_PAGE_SIZE = 50;

// PandaPon documents only code 200; other codes follow HTTP (UNVERIFIED), sent with HTTP 200 except overload
// and outages.
function failure(code: number, msg: string): Reply {
  return {
    status: code >= 429 ? code : 200,
    body: { requestId: requestId(), code, developId: null, msg, data: null },
  };
}

export const PANDAPON_ERRORS: ErrorCatalogue = {
  '400': () => failure(400, '参数错误'),
  '401': () => failure(401, '签名错误'),
  '402': () => failure(402, '余额不足'),
  '403': () => failure(403, '无接口权限'),
  '429': () => failure(429, '请求过于频繁'),
  '500': () => failure(500, '系统异常'),
  '502': () => failure(502, '1688服务调用失败'),
  '503': () => failure(503, '服务不可用'),
};

const OFFERS = imageQueryFixture.data.data as Array<Record<string, unknown>>;

export interface PandaponFakeOptions extends FakeStartOptions {
  accessKey?: string;
  secret?: string;
  now?: () => number;
}

const header = (request: RecordedRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function startPandaponFake(options: PandaponFakeOptions = {}): Promise<FakeServer> {
  const accessKey = options.accessKey ?? PANDAPON_FAKE_CREDENTIALS.accessKey;
  const secret = options.secret ?? PANDAPON_FAKE_CREDENTIALS.secret;
  const total = options.total ?? DEFAULT_TOTAL;
  const now = options.now ?? Date.now;

  const authenticate = (request: RecordedRequest): Reply | null => {
    const key = header(request, 'access-key');
    const timestamp = header(request, 'timestamp') ?? '';
    const nonce = header(request, 'nonce-str') ?? '';
    const signature = header(request, 'signature');
    if (key !== accessKey || !header(request, 'user-id')) return failure(401, 'access-key 或 user-id 无效');
    if (!/^\d{13}$/.test(timestamp) || Math.abs(now() - Number(timestamp)) > PANDAPON_TIMESTAMP_WINDOW_MS) {
      return failure(401, 'timestamp 已过期');
    }
    return signature === pandaponSign(key, nonce, timestamp, secret) ? null : PANDAPON_ERRORS['401']!();
  };

  const page =
    (
      keywordOf: (body: Record<string, unknown>) => string | undefined,
      required: (body: Record<string, unknown>) => boolean,
    ) =>
    (request: RecordedRequest): Reply => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(request.body) as Record<string, unknown>;
      } catch {
        return PANDAPON_ERRORS['400']!();
      }
      if (!required(body)) return PANDAPON_ERRORS['400']!();
      const slice = slicePage(intParam(body.beginPage, 1), intParam(body.pageSize, 20), MAX_PAGE_SIZE, total);
      return {
        body: {
          requestId: requestId(),
          code: 200,
          developId: '1110890638347337996',
          msg: '成功',
          data: offerPage(slice, (i) => offerFrom(OFFERS, i, keywordOf(body))),
        },
      };
    };

  const routes: Record<string, (request: RecordedRequest) => Reply> = {
    [PANDAPON_PATHS.keywordQuery]: page(
      (body) => String(body.keyword),
      (body) => typeof body.keyword === 'string' && body.keyword !== '',
    ),
    [PANDAPON_PATHS.imageQuery]: page(
      () => undefined,
      (body) => Boolean(body.imageBase64 || body.imageAddress),
    ),
    [PANDAPON_PATHS.detail]: (request) => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(request.body) as Record<string, unknown>;
      } catch {
        return PANDAPON_ERRORS['400']!();
      }
      // `country` is "currently fixed: en".
      if (typeof body.offerId !== 'number' || body.country !== 'en') return PANDAPON_ERRORS['400']!();
      const index = fakeOfferIndex(body.offerId, total);
      const data = index === null ? null : officialOfferModel(index, 'en');
      return {
        body: { requestId: requestId(), code: 200, developId: '1034048464150856547', msg: '成功', data },
      };
    },
  };

  return startFakeServer({
    name: 'pandapon',
    port: options.port,
    errors: PANDAPON_ERRORS,
    errorWithMessage: (message) => failure(400, message),
    credentials: { ...PANDAPON_FAKE_CREDENTIALS, accessKey, secret },
    authenticate,
    route: ({ method, path }) => (method === 'POST' ? routes[path] : undefined),
  });
}

export const fake: ProviderFake = {
  id: 'pandapon',
  credentials: PANDAPON_FAKE_CREDENTIALS,
  errors: PANDAPON_ERRORS,
  start: startPandaponFake,
};
