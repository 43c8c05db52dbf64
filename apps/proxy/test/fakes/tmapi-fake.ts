import { cycle, DEFAULT_TOTAL, intParam, memberIdFor, offerIdFor, slicePage } from './fake-data.js';
import { fakeOfferIndex, tmapiOfferData } from './fake-offer-details.js';
import {
  type ErrorCatalogue,
  type FakeServer,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from './fake-server.js';

// TMAPI (seed 000, providers.md §1): apiToken in the query, {code, msg, data} envelopes, errors carried as
// the HTTP status and the same `code`.

export const TMAPI_PATHS = {
  factories: '/1688/search/factories',
  items: '/1688/search/items',
  image: '/1688/search/image',
  detail: '/1688/item_detail',
} as const;

export const TMAPI_FAKE_CREDENTIALS = { apiToken: 'fake-tmapi-token-5f1c9a' };

const MAX_ITEMS_PAGE_SIZE = 20;

// Seed 000's three factories, paid-placement URL and `factory_level: null` included.
const FACTORIES = [
  {
    login_id: '嘉玩玩具厂',
    company_name: '汕头市澄海区嘉玩玩具厂',
    factory_url:
      'https://sale.1688.com/factory/card.html?__existtitle__=1&__removesafearea__=1&memberId={memberId}&aHdkaW5n_isCentral=true&aHdkaW5n_isGrayed=false&aHdkaW5n_isUseGray=true&tracelog=p4p&_p_isad=1&cbu_ad_adgroup_id=1012175526&cbu_ad_sessionid=8abf6de67a4f84a1ae99f562f3f5162e',
    factory_level: null,
    factory_area_size: '1000',
    location: { city: '汕头' },
    service_tags: ['AA诚信等级', '塑料/塑胶', '注塑', '清加工', '汕头玩具'],
    product_tags: '泡泡玩具;玩具枪',
    invoice_available: false,
    tp_member: true,
    tp_year: 4,
    is_factory: true,
    super_factory: false,
    shop_repurchase_rate: '0.3',
    response_rate: '0.44',
  },
  {
    login_id: '精精玩具168',
    company_name: '汕头市澄海区精精玩具厂',
    factory_url:
      'https://sale.1688.com/factory/card.html?__existtitle__=1&__removesafearea__=1&memberId={memberId}&aHdkaW5n_isCentral=true&aHdkaW5n_isGrayed=false&aHdkaW5n_isUseGray=true',
    factory_level: '无牌工厂',
    factory_area_size: '3000',
    location: { city: '汕头' },
    service_tags: ['AAA诚信等级', 'CCC认证', 'abs', '清加工', '世界玩具之都'],
    product_tags: '积木类;玩具枪;惯性回力玩具',
    invoice_available: true,
    tp_member: true,
    tp_year: 3,
    is_factory: true,
    super_factory: false,
    shop_repurchase_rate: '0.42',
    response_rate: '0.66',
  },
  {
    login_id: '梦高玩具',
    company_name: '汕头市梦高玩具实业有限公司',
    factory_url:
      'https://sale.1688.com/factory/card.html?__existtitle__=1&__removesafearea__=1&memberId={memberId}&aHdkaW5n_isCentral=true&aHdkaW5n_isGrayed=false&aHdkaW5n_isUseGray=true',
    factory_level: '金牌制造',
    factory_area_size: '12000',
    location: { city: '汕头' },
    service_tags: ['厂长在线', '深度验厂', '响应及时', '支持外贸订单', 'abs', '包工包料', '世界玩具之都'],
    product_tags: '积木类;大颗粒积木;玩具枪',
    invoice_available: true,
    tp_member: true,
    tp_year: 3,
    is_factory: true,
    super_factory: true,
    shop_repurchase_rate: '0.51',
    response_rate: '0.87',
  },
] as const;

function factory(index: number, keyword: string) {
  const template = cycle(FACTORIES, index);
  const memberId = memberIdFor(index);
  return {
    ...template,
    login_id: `${template.login_id}${index}`,
    member_id: memberId,
    userid: memberId,
    factory_url: template.factory_url.replace('{memberId}', memberId),
    product_tags: `${keyword};${template.product_tags}`,
  };
}

function item(index: number, title: string) {
  const shop = cycle(FACTORIES, index);
  const memberId = memberIdFor(index);
  const price = (12.5 + (index % 7) * 3.1).toFixed(2);
  return {
    item_id: Number(offerIdFor(index)),
    product_url: `https://detail.1688.com/offer/${offerIdFor(index)}.html`,
    title,
    img: `https://cbu01.alicdn.com/img/ibank/O1CN01fake${index}_!!0-0-cib.jpg`,
    price,
    price_info: { sale_price: price, origin_price: price },
    moq: 2 + (index % 5),
    quantity_prices: [
      { begin_num: '2', end_num: '99', price },
      { begin_num: '100', end_num: '', price: (Number(price) * 0.9).toFixed(2) },
    ],
    sale_info: { sale_quantity_int: 1000 + index * 37, orders_count: 40 + index },
    item_repurchase_rate: shop.shop_repurchase_rate,
    shop_info: {
      member_id: memberId,
      company_name: shop.company_name,
      shop_url: `https://shop${1000 + index}.1688.com`,
      is_factory: shop.is_factory,
      is_super_factory: shop.super_factory,
      location: ['广东', shop.location.city],
      service_tags: shop.service_tags,
      shop_years: shop.tp_year,
      score_info: { composite_score: '4.5' },
    },
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
};

export interface TmapiFakeOptions {
  apiToken?: string;
  port?: number;
  total?: number;
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

  return startFakeServer({
    name: 'tmapi',
    port: options.port,
    errors: TMAPI_ERRORS,
    authenticate: ({ query }) =>
      query.apiToken === apiToken ? null : failure(401, 'Invalid apiToken, please check your apiToken.'),
    route: ({ path, method }) => {
      if (method !== 'GET') return undefined;
      if (path === TMAPI_PATHS.factories) return searchFactories;
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
      if (path === TMAPI_PATHS.image)
        return ({ query }) =>
          query.img_url
            ? searchItems((i) => `同款图搜商品${i}`, { img_url: query.img_url }, query)
            : failure(422, 'Parameter error: img_url is required');
      return undefined;
    },
  });
}
