import type { Product } from '../../models/product.js';
import { CREDIT_LEVELS, type CreditLevel, emptySupplier, type Supplier } from '../../models/supplier.js';
import { normalizeLocation } from '../../normalize/location.js';
import { BRAND_WORDS, DEMO_CATEGORIES, type DemoCategory, DISTRICTS, GENERIC_TAGS } from './demo-catalog.js';
import { createDice, type Dice, hashText } from './demo-random.js';

// The demo provider's bundled sample data, generated from word lists with a seeded PRNG: the same data set
// on every run, without shipping a large JSON file in the add-in bundle.

export interface DemoSupplierRecord {
  supplier: Supplier;
  /** Lower-cased name, products, tags and trade words, for keyword matching. */
  searchText: string;
  /** The lowest MOQ among its products, so a supplier search can honour `minOrder`. */
  minMoq: number | null;
}

export interface DemoProductRecord {
  product: Product;
  searchText: string;
  /** Index into {@link DEMO_CATEGORIES}; image search picks one trade per image. */
  category: number;
}

export interface DemoDataset {
  suppliers: DemoSupplierRecord[];
  products: DemoProductRecord[];
}

export const DEMO_SEED = 1688;
const SUPPLIERS_PER_CATEGORY = 12;

// Real members from seed 000 (the TMAPI factory search for 玩具厂), so a demo result can merge with a real
// provider's answer by member id.
const SEED_MEMBERS: readonly Partial<Supplier>[] = [
  {
    id: 'b2b-2208087470531de12c',
    name: '汕头市澄海区嘉玩玩具厂',
    nick: '嘉玩玩具厂',
    factoryLevel: null,
    areaM2: 1000,
    yearsOnPlatform: 4,
    creditLevel: 'AA',
    repurchaseRate: 0.3,
    responseRate: 0.44,
    tags: ['AA诚信等级', '塑料/塑胶', '注塑', '清加工', '汕头玩具'],
    invoiceAvailable: false,
  },
  {
    id: 'b2b-22092767183650cbd8',
    name: '汕头市澄海区精精玩具厂',
    nick: '精精玩具168',
    factoryLevel: '无牌工厂',
    invoiceAvailable: true,
  },
];

// Weighted like a real result page: most sellers are AAA/AA, few are AAAAA or C, some have no level.
const CREDIT_DRAW: readonly (CreditLevel | null)[] = [
  ...CREDIT_LEVELS,
  'AAAA',
  'AAA',
  'AAA',
  'AA',
  'AA',
  'A',
  null,
  null,
];
const FACTORY_LEVEL_DRAW: readonly (string | null)[] = [
  '金牌制造',
  '实力工厂',
  '实力工厂',
  '无牌工厂',
  '无牌工厂',
  null,
];

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
/** Log-uniform in [min, max]: prices and areas spread over orders of magnitude. */
const logUniform = (dice: Dice, min: number, max: number) =>
  Math.exp(Math.log(min) + dice.next() * (Math.log(max) - Math.log(min)));
const maybe = <T>(dice: Dice, probability: number, value: () => T): T | null =>
  dice.chance(probability) ? value() : null;
const searchText = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ').toLowerCase();

export function generateDemoDataset(seed = DEMO_SEED): DemoDataset {
  const dice = createDice(seed);
  const usedNames = new Set<string>();
  const usedIds = new Set<string>(SEED_MEMBERS.map((m) => m.id!));
  const unique = (used: Set<string>, make: () => string) => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  const dataset: DemoDataset = { suppliers: [], products: [] };

  DEMO_CATEGORIES.forEach((category, categoryIndex) => {
    for (let i = 0; i < SUPPLIERS_PER_CATEGORY; i++) {
      const seedMember = categoryIndex === 0 ? SEED_MEMBERS[i] : undefined;
      const city = seedMember ? '汕头' : dice.pick(category.cities);
      const isFactory = seedMember
        ? true
        : dice.pick([true, true, true, true, true, true, true, false, false, null]);
      const name =
        seedMember?.name ?? unique(usedNames, () => companyName(dice, category, city, isFactory !== false));
      usedNames.add(name);
      const id = seedMember?.id ?? unique(usedIds, () => `b2b-22${dice.hex(16)}`);
      const generated = generateSupplier(dice, category, { id, name, city, isFactory });
      const described: Supplier = { ...generated, ...seedMember };
      const supplier: Supplier = { ...described, ...sellerGrades(described), ...seedMember };
      const products = Array.from({ length: dice.int(3, 5) }, () =>
        generateProduct(
          dice,
          category,
          supplier,
          unique(usedIds, () => String(dice.int(6e11, 8e11))),
        ),
      );
      finishFromProducts(dice, category, supplier, products);
      dataset.products.push(
        ...products.map((product) => ({
          product,
          category: categoryIndex,
          searchText: searchText([
            product.title,
            product.titleTranslated,
            supplier.name,
            ...category.keywords,
          ]),
        })),
      );
      const moqs = products.map((p) => p.moq).filter((m): m is number => m !== null);
      dataset.suppliers.push({
        supplier,
        minMoq: moqs.length > 0 ? Math.min(...moqs) : null,
        searchText: searchText([
          supplier.name,
          supplier.nick,
          ...supplier.mainProducts,
          ...supplier.tags,
          ...category.keywords,
        ]),
      });
    }
  });
  return dataset;
}

function companyName(dice: Dice, category: DemoCategory, city: string, factory: boolean): string {
  const district = DISTRICTS[city] && dice.chance(0.6) ? dice.pick(DISTRICTS[city]) : '';
  const suffix = dice.pick(factory ? category.factorySuffixes : category.traderSuffixes);
  return `${city}市${district}${dice.pick(BRAND_WORDS)}${suffix}`;
}

/** A typical Onebound `credit_score` per level (seed 001 shows 98 for AAA, 88 for AA), spread ±4 below. */
const CREDIT_SCORE_BASE: Readonly<Record<CreditLevel, number>> = {
  AAAAA: 97,
  AAAA: 94,
  AAA: 92,
  AA: 86,
  A: 78,
  B: 68,
  C: 58,
};

/**
 * The seller facts added with ranking v2 (credit score, trade medal, enterprise, invoices, 1688 inspection).
 * They come from their own dice, seeded by the member id, so adding them left every earlier value of the
 * data set as it was.
 */
function sellerGrades(supplier: Supplier): Partial<Supplier> {
  const dice = createDice(hashText(`grades:${supplier.id}`));
  const level = supplier.creditLevel;
  const inspected = supplier.isFactory === true && supplier.factoryLevel === '金牌制造' && dice.chance(0.5);
  return {
    creditScore: level
      ? maybe(dice, 0.6, () => Math.min(100, CREDIT_SCORE_BASE[level] + dice.int(-4, 4)))
      : null,
    tradeLevel: maybe(dice, 0.6, () => dice.int(1, 5)),
    isEnterprise: maybe(dice, 0.6, () => dice.chance(0.85)),
    invoiceAvailable: maybe(dice, 0.7, () => dice.chance(supplier.isFactory ? 0.7 : 0.4)),
    tags: inspected ? [...supplier.tags, dice.pick(['深度验厂', '实地验厂'])] : supplier.tags,
  };
}

function generateSupplier(
  dice: Dice,
  category: DemoCategory,
  base: { id: string; name: string; city: string; isFactory: boolean | null },
): Supplier {
  const { id, name, city, isFactory } = base;
  const creditLevel = dice.pick(CREDIT_DRAW);
  const factoryLevel = isFactory ? dice.pick(FACTORY_LEVEL_DRAW) : null;
  const isAd = dice.chance(0.12);
  const creditTag = creditLevel && dice.chance(0.7) ? [`${creditLevel}诚信等级`] : [];
  return {
    ...emptySupplier('demo', id),
    name,
    nick: `${name.replace(/^.+?市(.+?区|.+?县)?/, '').slice(0, 4)}${dice.int(1, 999)}`,
    url: maybe(dice, 0.95, () =>
      isFactory
        ? `https://sale.1688.com/factory/card.html?memberId=${id}`
        : `https://shop1${dice.int(1e9, 9e9)}.1688.com/`,
    ),
    isAd,
    isFactory,
    isSuperFactory: isFactory === null ? null : isFactory && factoryLevel === '金牌制造' && dice.chance(0.5),
    creditLevel,
    factoryLevel,
    areaM2: isFactory ? maybe(dice, 0.85, () => round(logUniform(dice, 300, 40000), -2)) : null,
    yearsOnPlatform: maybe(dice, 0.9, () => dice.int(1, 18)),
    repurchaseRate: maybe(dice, 0.85, () => round(0.05 + dice.next() * 0.55, 2)),
    responseRate: maybe(dice, 0.85, () => round(0.3 + dice.next() * 0.7, 2)),
    returnRate: maybe(dice, 0.4, () => round(dice.next() * 0.05, 3)),
    location: dice.chance(0.96) ? normalizeLocation(city) : { province: null, city: null },
    tags: [
      ...creditTag,
      ...dice.sample(category.serviceTags, dice.int(1, 3)),
      ...(isFactory ? dice.sample(GENERIC_TAGS, 1) : []),
    ],
  };
}

function generateProduct(dice: Dice, category: DemoCategory, supplier: Supplier, id: string): Product {
  const word = dice.pick(category.products);
  const [before, after] = dice.sample(category.titleWords, 2);
  const price = maybe(dice, 0.95, () => round(logUniform(dice, category.price[0], category.price[1]), 2));
  return {
    provider: 'demo',
    id,
    title: `${before}${word.zh} ${after}`,
    titleTranslated: maybe(dice, 0.5, () => word.en),
    url: `https://detail.1688.com/offer/${id}.html`,
    imageUrl: maybe(dice, 0.95, () => `https://cbu01.alicdn.com/img/ibank/O1CN01${dice.hex(20)}.jpg`),
    price,
    priceMax: price !== null && dice.chance(0.6) ? round(price * (1.1 + dice.next()), 2) : null,
    moq: maybe(dice, 0.92, () => dice.pick(category.moqs)),
    monthSold: maybe(dice, 0.9, () => Math.floor(10 ** (dice.next() * 4.3)) - 1),
    repurchaseRate: maybe(dice, 0.8, () => round(0.03 + dice.next() * 0.5, 2)),
    isAd: dice.chance(0.1),
    supplier: {
      provider: 'demo',
      id: supplier.id,
      name: supplier.name,
      url: supplier.url,
      isFactory: supplier.isFactory,
      isSuperFactory: supplier.isSuperFactory,
      creditLevel: supplier.creditLevel,
      factoryLevel: supplier.factoryLevel,
      yearsOnPlatform: supplier.yearsOnPlatform,
      location: supplier.location,
    },
  };
}

/** The shop-level figures that summarise its products: main products, price range, sales, offer count. */
function finishFromProducts(
  dice: Dice,
  category: DemoCategory,
  supplier: Supplier,
  products: Product[],
): void {
  supplier.mainProducts = category.products
    .filter((word) => products.some((p) => p.title.includes(word.zh)))
    .map((word) => word.zh);
  const prices = products.flatMap((p) => [p.price, p.priceMax]).filter((n): n is number => n !== null);
  supplier.priceMin = prices.length > 0 ? Math.min(...prices) : null;
  supplier.priceMax = prices.length > 0 ? Math.max(...prices) : null;
  const sold = products.reduce((sum, p) => sum + (p.monthSold ?? 0), 0);
  supplier.salesCount = maybe(dice, 0.85, () => sold * dice.int(3, 12));
  supplier.productsCount = maybe(dice, 0.9, () => products.length + dice.int(10, 400));
}

let cached: DemoDataset | undefined;

/** The demo data set, generated once on first use (not at import: the add-in may never need it). */
export function demoDataset(): DemoDataset {
  cached ??= generateDemoDataset();
  return cached;
}
