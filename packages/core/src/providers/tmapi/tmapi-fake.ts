import {
  cycle,
  DEFAULT_TOTAL,
  intParam,
  memberIdFor,
  offerIdFor,
  slicePage,
} from '../../testing/fake-data.js';
import { fakeOfferIndex, tmapiOfferData } from '../../testing/fake-offer-details.js';
import {
  type ErrorCatalogue,
  type FakeServer,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from '../../testing/fake-server.js';
import type { FakeStartOptions, ProviderFake } from '../../testing/provider-fake-contract.js';
import factoriesFixture from './__fixtures__/tmapi-factories.json' with { type: 'json' };
import itemsFixture from './__fixtures__/tmapi-items.json' with { type: 'json' };
import shopInfoFixture from './__fixtures__/tmapi-shop-info-built.json' with { type: 'json' };
import { tmapiFreightReply } from './tmapi-freight-fake.js';

// TMAPI (README): apiToken in the query, {code, msg, data} envelopes, errors carried as the HTTP status and the
// same `code`. Items are the adapter tests' own fixtures, re-numbered per result so pages differ.

export const TMAPI_PATHS = {
  factories: '/1688/search/factories',
  items: '/1688/search/items',
  image: '/1688/search/image',
  detail: '/1688/item_detail',
  shopInfo: '/1688/shop/shop_info',
  shopItems: '/1688/shop/items',
  convertUrl: '/1688/tools/image/convert_url',
} as const;

const ALIBABA_IMAGE = /^https?:\/\/([^/]*\.)?(alicdn\.com|1688\.com)\//;

export const TMAPI_FAKE_CREDENTIALS = { apiToken: 'fake-tmapi-token-5f1c9a' };

const MAX_ITEMS_PAGE_SIZE = 20;

type Item = Record<string, unknown>;
const FACTORIES = factoriesFixture.data.items as Item[];
const ITEMS = itemsFixture.data.items as Item[];
const SHOP = shopInfoFixture.data;

function factory(index: number, keyword: string) {
  const template = cycle(FACTORIES, index);
  const memberId = memberIdFor(index);
  return {
    ...template,
    login_id: `${template.login_id}${index}`,
    member_id: memberId,
    userid: memberId,
    factory_url: String(template.factory_url).replace(/memberId=[^&]+/, `memberId=${memberId}`),
    product_tags: `${keyword};${template.product_tags}`,
  };
}

function item(index: number, title: string) {
  const template = cycle(ITEMS, index);
  const offerId = offerIdFor(index);
  return {
    ...template,
    item_id: Number(offerId),
    product_url: `https://detail.1688.com/offer/${offerId}.html`,
    title,
    shop_info: { ...(template.shop_info as Item), member_id: memberIdFor(index) },
    is_ad: index % 10 === 0,
  };
}

const ok = (data: unknown): Reply => ({ body: { code: 200, msg: 'success', data } });

const failure = (code: number, msg: string): Reply => ({ status: code, body: { code, msg, data: null } });

// The messages of seed 000's error examples.
export const TMAPI_ERRORS: ErrorCatalogue = {
  '417': () => failure(417, 'Failed to retrieve data, please try again or contact customer service.'),
  '422': () => failure(422, 'Parameter error'),
  '439': () => failure(439, 'Subscription expired or insufficient balance.'),
  '499': () => failure(499, 'Please try again or set your request timeout to 60 seconds.'),
  '500': () => failure(500, 'Unexpected error, please contact customer service.'),
  '503': () => failure(503, 'API request concurrency limit exceeded, please reduce concurrency.'),
  // Recorded: HTTP 401 `{"code":4011,"message":"no API key found in request"}` when the key is missing.
  '4011': () => ({ status: 401, body: { code: 4011, message: 'no API key found in request' } }),
};

export interface TmapiFakeOptions extends FakeStartOptions {
  apiToken?: string;
}

export function startTmapiFake(options: TmapiFakeOptions = {}): Promise<FakeServer> {
  const apiToken = options.apiToken ?? TMAPI_FAKE_CREDENTIALS.apiToken;
  const total = options.total ?? DEFAULT_TOTAL;

  const searchFactories = ({ query }: RecordedRequest): Reply => {
    if (!query.keywords) return failure(422, 'Parameter error: keywords is required');
    const slice = slicePage(intParam(query.page, 1), intParam(query.page_size, 20), 100, total);
    return ok({
      page: slice.page,
      page_size: slice.pageSize,
      total_count: total,
      keywords: query.keywords,
      sort: query.sort ?? 'default',
      items: slice.indexes.map((i) => factory(i, query.keywords!)),
    });
  };

  const searchItems = (
    title: (i: number) => string,
    echo: Record<string, string>,
    query: RecordedRequest['query'],
  ) => {
    const slice = slicePage(
      intParam(query.page, 1),
      intParam(query.page_size, 20),
      MAX_ITEMS_PAGE_SIZE,
      total,
    );
    return ok({
      ...echo,
      page: slice.page,
      page_size: slice.pageSize,
      total_count: total,
      has_next_page: slice.hasNext,
      items: slice.indexes.map((i) => item(i, title(i))),
    });
  };

  // Shops: the built shop_info fixture under the asked member id (or shop link); `b2b-0…` is "no such shop".
  const shopInfo = ({ query }: RecordedRequest): Reply => {
    const key = query.member_id ?? query.shop_url;
    if (!key) return failure(422, 'Parameter error: shop_url or member_id is required');
    if (/^b2b-0+$/.test(key)) return ok(null);
    const memberId = query.member_id ?? SHOP.member_id;
    return ok({ ...SHOP, member_id: memberId, shop_url: query.shop_url ?? SHOP.shop_url });
  };
  const shopItems = ({ query }: RecordedRequest): Reply => {
    if (!query.member_id) return failure(422, 'Parameter error: member_id is required');
    const slice = slicePage(intParam(query.page, 1), intParam(query.page_size, 20), 20, total);
    return ok({
      page: slice.page,
      page_size: slice.pageSize,
      total_count: total,
      items: slice.indexes.map((i) => item(i, `店铺商品${i}`)),
    });
  };

  // `POST /1688/tools/image/convert_url` `{url, search_api_endpoint: "/search/image"}` → `data.image_url`
  // (sourcing facts §3): the fake hands out an alicdn address per URL converted.
  const converted = new Map<string, string>();
  const convertUrl = (request: RecordedRequest): Reply => {
    let body: { url?: unknown; search_api_endpoint?: unknown };
    try {
      body = JSON.parse(request.body) as typeof body;
    } catch {
      return failure(422, 'Parameter error: body is not JSON');
    }
    if (typeof body.url !== 'string' || body.search_api_endpoint !== '/search/image')
      return failure(422, 'Parameter error: url and search_api_endpoint are required');
    const imageUrl =
      converted.get(body.url) ?? `https://cbu01.alicdn.com/img/ibank/converted-${converted.size + 1}.jpg`;
    converted.set(body.url, imageUrl);
    return ok({ image_url: imageUrl });
  };

  return startFakeServer({
    name: 'tmapi',
    port: options.port,
    errors: TMAPI_ERRORS,
    credentials: { ...TMAPI_FAKE_CREDENTIALS, apiToken },
    authenticate: ({ query }) => {
      if (query.apiToken === undefined) return TMAPI_ERRORS['4011']!();
      return query.apiToken === apiToken
        ? null
        : failure(401, 'Invalid apiToken, please check your apiToken.');
    },
    route: ({ path, method }) => {
      if (method === 'POST' && path === TMAPI_PATHS.convertUrl) return convertUrl;
      if (method !== 'GET') return undefined;
      if (path === TMAPI_PATHS.factories) return searchFactories;
      if (path === '/1688/item/shipping') return tmapiFreightReply;
      if (path === TMAPI_PATHS.items)
        return ({ query }) =>
          query.keyword
            ? searchItems((i) => `${query.keyword} 工厂直供款${i}`, { keyword: query.keyword }, query)
            : failure(422, 'Parameter error: keyword is required');
      if (path === TMAPI_PATHS.detail)
        return ({ query }) => {
          if (!query.item_id) return failure(422, 'Parameter error: item_id is required');
          const index = fakeOfferIndex(query.item_id, total);
          // TMAPI documents no answer for a removed offer; the fake sends success without data (UNVERIFIED).
          return ok(index === null ? null : tmapiOfferData(index, query.language));
        };
      if (path === TMAPI_PATHS.shopInfo) return shopInfo;
      if (path === TMAPI_PATHS.shopItems) return shopItems;
      if (path === TMAPI_PATHS.image)
        return ({ query }) => {
          if (!query.img_url) return failure(422, 'Parameter error: img_url is required');
          // "Only images from Alibaba-affiliated platforms can be identified" (sourcing facts §3): any other
          // address finds nothing.
          if (!ALIBABA_IMAGE.test(query.img_url))
            return ok({ page: 1, page_size: 20, total_count: 0, items: [] });
          return searchItems((i) => `同款图搜商品${i}`, { img_url: query.img_url }, query);
        };
      return undefined;
    },
  });
}

export const fake: ProviderFake = {
  id: 'tmapi',
  credentials: TMAPI_FAKE_CREDENTIALS,
  errors: TMAPI_ERRORS,
  start: startTmapiFake,
};
