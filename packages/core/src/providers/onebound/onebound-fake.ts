import {
  cycle,
  DEFAULT_TOTAL,
  intParam,
  memberIdFor,
  offerIdFor,
  requestId,
  slicePage,
} from '../../testing/fake-data.js';
import { fakeOfferIndex, oneboundOfferItem } from '../../testing/fake-offer-details.js';
import {
  type ErrorCatalogue,
  type FakeServer,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from '../../testing/fake-server.js';
import { oneboundSign } from '../../testing/fake-signatures.js';
import type { FakeStartOptions, ProviderFake } from '../../testing/provider-fake-contract.js';
import itemSearchFixture from './__fixtures__/onebound-item-search.json' with { type: 'json' };
import sellerInfoFixture from './__fixtures__/onebound-seller-info-built.json' with { type: 'json' };
import sellerSearchFixture from './__fixtures__/onebound-seller-search-real.json' with { type: 'json' };
import { oneboundFreightReply } from './onebound-freight-fake.js';

// Onebound (seed 001, providers.md §2): `key` + `secret` in the query, or `key` + MD5 `sign`. Two envelopes
// exist: the seed's `{code:200,msg}` and the one real responses carry (`error_code:"0000"`); the fake serves
// either.

export const ONEBOUND_PATHS = {
  sellers: '/1688/item_search_seller/',
  items: '/1688/item_search/',
  detail: '/1688/item_get/',
  sellerInfo: '/1688/seller_info/',
} as const;

export const ONEBOUND_FAKE_CREDENTIALS = {
  key: 'fake-onebound-key-7d21',
  secret: 'fake-onebound-secret-b93e0',
};

export type OneboundEnvelope = 'real' | 'seed';

type Item = Record<string, unknown>;
// The adapter tests' fixtures: seed 001's two shops (real envelope) and the recorded item search.
const SELLERS = sellerSearchFixture.items.item as Item[];
const PRODUCTS = itemSearchFixture.items.item as Item[];

function seller(index: number, keyword: string) {
  const template = cycle(SELLERS, index);
  const shopId = String(12345678 + index);
  return {
    ...template,
    seller_id: memberIdFor(index),
    member_id: undefined,
    seller_nick: `${template.seller_nick}${index}`,
    shop_id: shopId,
    shop_url: `https://shop${shopId}.1688.com`,
    main_business: `${keyword}、${template.main_business}`,
  };
}

function product(index: number, keyword: string) {
  const template = cycle(PRODUCTS, index);
  const offerId = offerIdFor(index);
  return {
    ...template,
    num_iid: offerId,
    title: `${keyword} ${template.title}`,
    detail_url: `https://detail.1688.com/offer/${offerId}.html`,
    seller_id: memberIdFor(index),
  };
}

/** Recorded shape: `today:12 max:10000 all[15=12+0+3];expires:2030-01-01` — calls today of the daily allowance. */
const DAILY_LIMIT = 10_000;
const apiInfo = (today = 0) =>
  `today:${today} max:${DAILY_LIMIT} all[${today}=${today}+0+0];expires:2030-01-01`;

function realError(code: string, reason: string, error: string): Reply {
  return {
    body: {
      error,
      reason,
      error_code: code,
      success: 0,
      cache: 0,
      api_info: apiInfo(),
      request_id: requestId(),
    },
  };
}

function seedError(code: number, msg: string, message: string): Reply {
  return { status: code, body: { code, msg, request_id: requestId(), error: { code, message } } };
}

// providers.md §2: the real codes; the seed's HTTP-style codes below them.
export const ONEBOUND_ERRORS: ErrorCatalogue = {
  '4000': () => realError('4000', '服务器内部错误', 'internal error'),
  '4001': () => realError('4001', '网络错误', 'network error'),
  '4002': () => realError('4002', '目标服务器错误', 'target server error'),
  '4003': () => realError('4003', '参数错误', 'parameter error'),
  '4004': () => realError('4004', '账号不存在', 'account not found'),
  '4005': () => realError('4005', '授权失败,key或secret错误', 'key or secret error'),
  '4006': () => realError('4006', '接口已停用', 'api stopped'),
  '4013': () => realError('4013', '今日调用已超量', 'quota exceeded'),
  // Recorded: 4005 also means an exhausted quota (reason 已超量) or an expired authorisation, `error` a bare word.
  '4005-quota': () => realError('4005', '您的api调用已超量,请续费或明天再试', 'key'),
  '4005-expired': () => realError('4005', '授权已过期', 'key'),
  '400': () => seedError(400, 'Bad Request', '参数错误: q 不能为空'),
  '401': () => seedError(401, 'Unauthorized', '未授权: Invalid API Key'),
  '429': () => seedError(429, 'Too Many Requests', '请求频率过高'),
  '500': () => seedError(500, 'Internal Server Error', '服务器内部错误'),
  '503': () => seedError(503, 'Service Unavailable', '服务暂时不可用'),
};

export interface OneboundFakeOptions extends FakeStartOptions {
  key?: string;
  secret?: string;
  envelope?: OneboundEnvelope;
  /** The `api_info` of data answers (default `today:42 max:10000 all:1042`), e.g. a quota at its maximum. */
  apiInfo?: string;
}

export interface OneboundFake extends FakeServer {
  setEnvelope(envelope: OneboundEnvelope): void;
}

export async function startOneboundFake(options: OneboundFakeOptions = {}): Promise<OneboundFake> {
  const key = options.key ?? ONEBOUND_FAKE_CREDENTIALS.key;
  const secret = options.secret ?? ONEBOUND_FAKE_CREDENTIALS.secret;
  const total = options.total ?? DEFAULT_TOTAL;
  let envelope: OneboundEnvelope = options.envelope ?? 'real';
  let servedToday = 0;

  const authenticate = ({ query }: RecordedRequest): Reply | null => {
    if (query.key !== key) return ONEBOUND_ERRORS['4005']!();
    const valid =
      query.sign !== undefined ? query.sign === oneboundSign(query, secret) : query.secret === secret;
    return valid ? null : ONEBOUND_ERRORS['4005']!();
  };

  const search = (make: (index: number, keyword: string) => unknown) => (request: RecordedRequest) => {
    const { query } = request;
    servedToday++;
    if (!query.q) return envelope === 'real' ? ONEBOUND_ERRORS['4003']!() : ONEBOUND_ERRORS['400']!();
    const slice = slicePage(intParam(query.page, 1), intParam(query.page_size, 20), 100, total);
    if (slice.indexes.length === 0 && envelope === 'real') {
      // 2000 "no result" is an empty page, not a failure (providers.md §2).
      return {
        body: {
          items: { item: [] },
          error_code: '2000',
          reason: '没有数据',
          error: '',
          request_id: requestId(),
        },
      };
    }
    const items = {
      page: String(slice.page),
      real_total_results: total,
      total_results: total,
      page_size: String(slice.pageSize),
      pagecount: slice.totalPages,
      item: slice.indexes.map((i) => make(i, query.q!)),
    };
    return envelope === 'real'
      ? {
          body: {
            items,
            error_code: '0000',
            reason: 'ok',
            error: '',
            api_info: options.apiInfo ?? apiInfo(servedToday),
            request_id: requestId(),
          },
        }
      : { body: { code: 200, msg: 'success', request_id: requestId(), items } };
  };

  const routes: Record<string, (request: RecordedRequest) => Reply> = {
    '/1688/item_fee/': oneboundFreightReply,
    [ONEBOUND_PATHS.sellers]: search(seller),
    [ONEBOUND_PATHS.items]: search(product),
    [ONEBOUND_PATHS.detail]: ({ query }) => {
      if (!query.num_iid) return ONEBOUND_ERRORS['4003']!();
      const index = fakeOfferIndex(query.num_iid, total);
      // An unknown offer is "no result" (2000), as for an empty search.
      if (index === null)
        return { body: { error_code: '2000', reason: '没有数据', error: '', request_id: requestId() } };
      return {
        body: {
          item: oneboundOfferItem(index, query.lang),
          error_code: '0000',
          reason: 'ok',
          error: '',
          api_info: apiInfo(),
          request_id: requestId(),
        },
      };
    },
  };

  // The built seller_info fixture under the asked `sid`; `b2b-0…` is "no result" (2000).
  routes[ONEBOUND_PATHS.sellerInfo] = ({ query }) => {
    if (!query.sid) return ONEBOUND_ERRORS['4003']!();
    if (/^b2b-0+$/.test(query.sid))
      return { body: { error_code: '2000', reason: '没有数据', error: '', request_id: requestId() } };
    return {
      body: {
        ...sellerInfoFixture,
        _fixture: undefined,
        item: { ...sellerInfoFixture.item, sid: query.sid },
        api_info: apiInfo(),
        request_id: requestId(),
      },
    };
  };

  const fake = await startFakeServer({
    name: 'onebound',
    port: options.port,
    errors: ONEBOUND_ERRORS,
    errorWithMessage: (message) => realError('4003', message, message),
    credentials: { key, secret },
    authenticate,
    // The documented paths end in `/`; accept them without it too.
    route: ({ path }) => routes[path.endsWith('/') ? path : `${path}/`],
  });
  return {
    ...fake,
    setEnvelope: (next) => {
      envelope = next;
    },
  };
}

export const fake: ProviderFake = {
  id: 'onebound',
  credentials: ONEBOUND_FAKE_CREDENTIALS,
  errors: ONEBOUND_ERRORS,
  start: startOneboundFake,
};
