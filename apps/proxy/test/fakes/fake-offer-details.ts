import officialBuilt from '../../../../packages/core/src/providers/alibaba/__fixtures__/alibaba-offer-built.json' with {
  type: 'json',
};
import oneboundReseller from '../../../../packages/core/src/providers/onebound/__fixtures__/onebound-offer-reseller.json' with {
  type: 'json',
};
import tmapiBuilt from '../../../../packages/core/src/providers/tmapi/__fixtures__/tmapi-offer-built-2024.json' with {
  type: 'json',
};
import { memberIdFor, offerIdFor } from './fake-data.js';

// Detail bodies for the fakes' offers, built from the adapters' own detail fixtures with the id, the seller and
// the prices varied per offer, so a test can tell two offers apart. The fakes know exactly the offers their
// searches list (`offerIdFor(0…total-1)`); any other id gets the provider's "no such offer" answer.

/** The index of a fake offer id, or `null` when no search of a fake with `total` results lists it. */
export function fakeOfferIndex(id: unknown, total: number): number | null {
  const index = Number(id) - Number(offerIdFor(0));
  return Number.isInteger(index) && index >= 0 && index < total ? index : null;
}

const clone = <T>(value: T): T => structuredClone(value);
/** The first tier's price of offer `index`: 10.00, 10.50, 11.00… */
export const fakeOfferPrice = (index: number) => 10 + index * 0.5;
const money = (n: number) => n.toFixed(2);

/** TMAPI `data` (2024 layout, numbers as strings); `language` other than zh gives an English title, as TMAPI does. */
export function tmapiOfferData(index: number, language: string | undefined): Record<string, unknown> {
  const data = clone(tmapiBuilt.data) as Record<string, unknown> & typeof tmapiBuilt.data;
  const id = offerIdFor(index);
  const price = fakeOfferPrice(index);
  data.item_id = id;
  if (language && language !== 'zh') data.title = `Ice silk pajamas set ${index}`;
  else data.title = `${data.title}${index}`;
  data.tiered_price_info = {
    begin_num: '2',
    prices: [
      { beginAmount: '2', price: money(price) },
      { beginAmount: '100', price: money(price * 0.9) },
    ],
  } as never;
  data.skus = data.skus.map((sku) => ({ ...sku, sale_price: money(price) }));
  data.shop_info = { ...data.shop_info, seller_member_id: memberIdFor(index) };
  return data;
}

/** Onebound `item` (newer shape); `lang` other than cn translates the title and keeps the original in cn_source. */
export function oneboundOfferItem(index: number, lang: string | undefined): Record<string, unknown> {
  const item = clone(oneboundReseller.item) as Record<string, unknown> & typeof oneboundReseller.item;
  const id = offerIdFor(index);
  const price = fakeOfferPrice(index);
  item.num_iid = Number(id);
  item.title = !lang || lang === 'cn' ? item.cn_source.item.cn_title : `${item.title} ${index}`;
  item.priceRange = [
    [3, price],
    [50, Number(money(price * 0.9))],
  ];
  item.seller_info = { ...item.seller_info, sid: memberIdFor(index) };
  return item;
}

/** The official `ProductDetailModel` (also DajiSaaS' and PandaPon's `data`). */
export function officialOfferModel(index: number, country: string | undefined): Record<string, unknown> {
  const model = clone(officialBuilt.result.result) as Record<string, unknown> &
    typeof officialBuilt.result.result;
  const price = fakeOfferPrice(index);
  model.offerId = Number(offerIdFor(index));
  model.subjectTrans =
    country === 'en' || !country ? model.subjectTrans : `[${country}] ${model.subjectTrans}`;
  model.productSaleInfo = {
    ...model.productSaleInfo,
    priceRangeList: [
      { startQuantity: 2, price: money(price), promotionPrice: null },
      { startQuantity: 50, price: money(price * 0.9), promotionPrice: null },
    ],
  };
  model.productSkuInfos = model.productSkuInfos.map((sku) => ({ ...sku, price: money(price) }));
  return model;
}
