import type { Supplier } from '../../models/supplier.js';
import { emptySupplierDetail, type SupplierDetail, type SupplierRef } from '../../models/supplier-detail.js';
import { INSPECTION_TAGS } from '../../ranking/supplier-signals.js';
import { demoDataset } from './demo-data.js';
import { hashText, mulberry32 } from './demo-random.js';

// A demo supplier's detail, built from its search record and a PRNG seeded by its member id: the same detail on
// every run. Traders (by the record's `isFactory`, or a trade word in the name) get a sole proprietorship or a
// trading company, a broad catalogue and no manufacture type, as the sourcing facts describe traders
// (sourcing-facts §2: "sole proprietorship with a very broad catalogue; company name differs from shop name;
// empty manufactureType; is_factory false"), so the card's signals have something to show.

const TRADE_WORDS = /贸易|商贸|商行|经营部|电子商务|百货/;
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A shop link for a demo supplier: its own when it has a shop link, else one derived from its member id. */
export function demoShopUrl(supplier: Supplier): string {
  const own = /^https:\/\/shop\d+\.1688\.com/.exec(supplier.url ?? '')?.[0];
  return own ?? `https://shop${1_000_000_000 + (hashText(supplier.id) % 9_000_000_000)}.1688.com`;
}

function findRecord(ref: SupplierRef): Supplier | undefined {
  const suppliers = demoDataset().suppliers.map((r) => r.supplier);
  if (ref.kind === 'memberId') return suppliers.find((s) => s.id === ref.value);
  if (ref.kind === 'loginId') return suppliers.find((s) => s.nick === ref.value);
  return suppliers.find((s) => demoShopUrl(s) === ref.value);
}

function creditCode(random: () => number, soleProprietor: boolean): string {
  // 92 = individual business (个体工商户), 91 = enterprise; then a 6-digit region code (440500: 汕头).
  const tail = Array.from({ length: 10 }, () => CREDIT_CHARS[Math.floor(random() * CREDIT_CHARS.length)]);
  return `${soleProprietor ? '92' : '91'}440${String(100 + Math.floor(random() * 800))}${tail.join('')}`;
}

/** The demo supplier a reference names, as a detail; `null` when the demo data set has none. */
export function findDemoSupplierDetail(ref: SupplierRef): SupplierDetail | null {
  const supplier = findRecord(ref);
  if (!supplier) return null;
  const random = mulberry32(hashText(supplier.id));
  const trader = supplier.isFactory === false || TRADE_WORDS.test(supplier.name ?? '');
  const soleProprietor = trader && /商行|经营部|百货/.test(supplier.name ?? '');
  const rate = (low: number, high: number) => Math.round((low + random() * (high - low)) * 100) / 100;
  const empty = emptySupplierDetail('demo');
  const inspected = supplier.tags.some((t) => (INSPECTION_TAGS as readonly string[]).includes(t));
  return {
    ...empty,
    memberId: supplier.id,
    companyName: supplier.name,
    shopName: trader ? `${supplier.location.city ?? ''}精选百货批发` : supplier.nick,
    loginId: supplier.nick,
    shopUrl: demoShopUrl(supplier),
    // The classic 旺旺 web link by login id.
    chatUrl: supplier.nick
      ? `https://amos.alicdn.com/msg.aw?v=2&uid=${encodeURIComponent(supplier.nick)}&site=cnalichn&s=10`
      : null,
    location: supplier.location,
    yearsOnPlatform: supplier.yearsOnPlatform,
    badges: {
      factory: supplier.isFactory,
      superFactory: supplier.isSuperFactory,
      powerMerchant: trader ? false : random() < 0.4,
      flagship: false,
      industryBrand: !trader && random() < 0.2,
      inspected: inspected ? true : null,
      trustPass: supplier.yearsOnPlatform === null ? null : true,
    },
    shopRatings: [
      { title: '商品体验', type: 'goods', score: rate(3.5, 5) },
      { title: '物流时效', type: 'logistics', score: rate(3, 5) },
      { title: '售后体验', type: 'after_sale', score: rate(3, 5) },
    ],
    fulfilment: {
      perfect7d: rate(trader ? 0.6 : 0.85, 1),
      perfect30d: rate(trader ? 0.6 : 0.85, 1),
      pickup24h7d: rate(trader ? 0.4 : 0.7, 1),
      pickup24h30d: rate(trader ? 0.4 : 0.7, 1),
    },
    repurchaseRate: supplier.repurchaseRate,
    responseRate: supplier.responseRate,
    catalogueSize: trader ? 1200 + Math.floor(random() * 4000) : 40 + Math.floor(random() * 260),
    followers: Math.floor(random() * 5000),
    registration: {
      creditCode: creditCode(random, soleProprietor),
      authority: `${supplier.location.city ?? ''}市市场监督管理局`,
      term: `${2008 + Math.floor(random() * 12)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)} 至 长期`,
      businessType: soleProprietor ? '个体经营' : '有限责任公司',
      address: `${supplier.location.province ?? ''}${supplier.location.city ?? ''}市工业区`,
      selfDeclared: true,
    },
    capacity: trader
      ? empty.capacity
      : {
          factorySize: supplier.areaM2 === null ? null : `${supplier.areaM2}平方米`,
          manufactureType: '自主生产',
          productionCapacity: null,
          annualRevenue: null,
        },
  };
}
