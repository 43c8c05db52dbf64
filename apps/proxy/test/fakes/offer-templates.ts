import { cycle, memberIdFor, offerIdFor, type PageSlice } from './fake-data.js';

// Seed 004's five offers (PandaPon's example, whose fields are the official platform's own), used as templates
// by the three fakes that serve the `product.search.keywordQuery` family: official 1688, DajiSaaS, PandaPon.

export const SEED_OFFERS = [
  {
    imageUrl: 'https://cbu01.alicdn.com/O1CN01ddr4sG20i0lNyQDzs_!!2207943566882-0-cib.jpg',
    subject: '国潮男装t恤230g重磅短袖男女纯棉体恤宽松圆领团服打底衫衣服潮',
    subjectTrans: "T-shirt men's national tide 230g heavy cotton short sleeve wholesale",
    offerMapId: 'wmNAp5CyEQ2fatKAZGGMWQ',
    isJxhy: true,
    priceInfo: { price: '16.00', jxhyPrice: null, pfJxhyPrice: null },
    repurchaseRate: '5%',
    monthSold: 97822,
  },
  {
    imageUrl: 'https://cbu01.alicdn.com/O1CN01j4fU0a1weZ8pmlCkl_!!2212789706333-0-cib.jpg',
    subject: 'T恤男五分袖夏季潮牌百搭ins宽松情侣圆领体恤上衣打底衫短袖女',
    subjectTrans: "T-shirt Men's Half Sleeve Summer Trendy Brand Loose Couple's Round Neck T-shirt",
    offerMapId: 'faAiBEuMLWM5IscSXkFk4Q',
    isJxhy: true,
    priceInfo: { price: '5.86', jxhyPrice: '5.86', pfJxhyPrice: '5.86' },
    repurchaseRate: '41%',
    monthSold: 6088,
  },
  {
    imageUrl: 'https://cbu01.alicdn.com/O1CN01QsQrF51rMBFD6T05h_!!2214894045616-0-cib.jpg',
    subject: '夏季纯色230g重磅纯棉打底衫男 定制白色休闲百搭圆领短袖t恤女朝',
    subjectTrans: "Summer solid color 230g heavy cotton bottoming shirt men's custom white T-shirt",
    offerMapId: 'OHIf1Eto5Nah_LvqhTevdA',
    isJxhy: false,
    priceInfo: { price: '15.90', jxhyPrice: null, pfJxhyPrice: null },
    repurchaseRate: '23%',
    monthSold: 17312,
  },
  {
    imageUrl: 'https://cbu01.alicdn.com/O1CN01Ojx0py1grovLB7MSu_!!2219212114196-0-cib.jpg',
    subject: '夏季230G纯棉宽松短袖t恤男 代发水云棉纯色男女同款上衣打底衫潮',
    subjectTrans: "Summer 230G Cotton Loose Short-sleeved T-shirt Men's and Women's Same Top",
    offerMapId: 'szc8JpIx46jBL5aCy-KEww',
    isJxhy: false,
    priceInfo: { price: '15.90', jxhyPrice: null, pfJxhyPrice: null },
    repurchaseRate: '8%',
    monthSold: 11094,
  },
  {
    imageUrl: 'https://cbu01.alicdn.com/O1CN01SBAoQV2Leu0KfeRKu_!!2218427659718-0-cib.jpg',
    subject: '白色短袖T恤男士港风夏季宽松韩版中袖纯色体恤五分袖学生大码半',
    subjectTrans: "White Short-sleeved T-shirt Men's Hong Kong-style Summer Loose T-shirt",
    offerMapId: 'FIhjWsBFgrPOJYk-iPjZYw',
    isJxhy: false,
    priceInfo: { price: '5.00', jxhyPrice: null, pfJxhyPrice: null },
    repurchaseRate: '16%',
    monthSold: 567,
  },
] as const;

/** The subject a fake shows for result `index`: the keyword echoed in front, as a real search would match it. */
export function subjectFor(index: number, keyword: string | undefined): string {
  const subject = cycle(SEED_OFFERS, index).subject;
  return keyword ? `${keyword} ${subject}` : subject;
}

/** One offer in the `product.search.keywordQuery` shape (official platform and DajiSaaS, providers.md §3–4). */
export function crossborderOffer(index: number, keyword: string | undefined) {
  const seed = cycle(SEED_OFFERS, index);
  return {
    offerId: Number(offerIdFor(index)),
    subject: subjectFor(index, keyword),
    subjectTrans: seed.subjectTrans,
    imageUrl: seed.imageUrl,
    priceInfo: {
      price: seed.priceInfo.price,
      consignPrice: seed.priceInfo.price,
      jxhyPrice: seed.priceInfo.jxhyPrice,
    },
    monthSold: seed.monthSold,
    // The official API sends rates as fractions in text; PandaPon turns them into "5%".
    repurchaseRate: (Number.parseInt(seed.repurchaseRate, 10) / 100).toFixed(2),
    isOnePsale: index % 2 === 0,
    isJxhy: seed.isJxhy,
    minOrderQuantity: 1 + (index % 3),
    sellerIdentities: index % 3 === 0 ? ['powerful_merchants', 'tp_member'] : ['tp_member'],
    tradeScore: '4.5',
    sellerOpenId: `BBBfake${memberIdFor(index).slice(4)}`,
  };
}

/** The `{totalRecords, totalPage, pageSize, currentPage, data}` page every keywordQuery-family API returns. */
export function offerPage<T>(slice: PageSlice, make: (index: number) => T) {
  return {
    totalRecords: slice.total,
    totalPage: slice.totalPages,
    pageSize: slice.pageSize,
    currentPage: slice.page,
    data: slice.indexes.map(make),
  };
}
