import { type Offer, type OfferSku, offerUrl, type PriceTier } from '../../models/offer.js';
import type { Product } from '../../models/product.js';
import { type DemoDataset, type DemoProductRecord, demoDataset } from './demo-data.js';
import { createDice, type Dice, hashText } from './demo-random.js';
import { englishDemoTitle } from './demo-translations.js';

// Details for every demo product, derived from the product (same price, MOQ, seller) with a PRNG seeded by
// its id: the same offer on every run and in every process, without bundling a detail per product.

interface Variants {
  /** Attribute names, Chinese and English, e.g. 颜色/Color. */
  dimensions: readonly { zh: string; en: string; values: readonly { zh: string; en: string }[] }[];
  /** Weight range of one piece, kg. */
  weightKg: readonly [number, number];
  /** A typical carton side, cm. */
  sizeCm: readonly [number, number];
}

const COLOURS = [
  { zh: '红色', en: 'Red' },
  { zh: '蓝色', en: 'Blue' },
  { zh: '黑色', en: 'Black' },
  { zh: '白色', en: 'White' },
  { zh: '粉色', en: 'Pink' },
];
const SIZES = [
  { zh: 'S', en: 'S' },
  { zh: 'M', en: 'M' },
  { zh: 'L', en: 'L' },
  { zh: 'XL', en: 'XL' },
];
const COLOUR = { zh: '颜色', en: 'Color', values: COLOURS };

// In the order of DEMO_CATEGORIES: toys, T-shirts, silk, dresses, phone cases, packaging.
const VARIANTS_BY_CATEGORY: readonly Variants[] = [
  {
    dimensions: [
      COLOUR,
      {
        zh: '规格',
        en: 'Spec',
        values: [
          { zh: '小号', en: 'Small' },
          { zh: '大号', en: 'Large' },
          { zh: '礼盒装', en: 'Gift box' },
        ],
      },
    ],
    weightKg: [0.05, 1.2],
    sizeCm: [10, 40],
  },
  {
    dimensions: [COLOUR, { zh: '尺码', en: 'Size', values: SIZES }],
    weightKg: [0.15, 0.3],
    sizeCm: [20, 35],
  },
  { dimensions: [COLOUR], weightKg: [0.05, 0.4], sizeCm: [15, 30] },
  { dimensions: [COLOUR, { zh: '尺码', en: 'Size', values: SIZES }], weightKg: [0.2, 0.6], sizeCm: [25, 40] },
  {
    dimensions: [
      COLOUR,
      {
        zh: '适用型号',
        en: 'Model',
        values: [
          { zh: 'iPhone 15', en: 'iPhone 15' },
          { zh: 'iPhone 15 Pro', en: 'iPhone 15 Pro' },
          { zh: 'iPhone 14', en: 'iPhone 14' },
        ],
      },
    ],
    weightKg: [0.02, 0.06],
    sizeCm: [8, 18],
  },
  {
    dimensions: [
      {
        zh: '尺寸',
        en: 'Size',
        values: [
          { zh: '小号', en: 'Small' },
          { zh: '中号', en: 'Medium' },
          { zh: '大号', en: 'Large' },
        ],
      },
    ],
    weightKg: [0.05, 0.8],
    sizeCm: [10, 50],
  },
];

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const between = (dice: Dice, [min, max]: readonly [number, number]) => min + dice.next() * (max - min);

/** 2–3 falling tiers from the MOQ: the dearest at the MOQ, the product's listed (lowest) price at the largest. */
function demoTiers(dice: Dice, product: Product): PriceTier[] {
  if (product.price === null) return [];
  const start = Math.max(1, product.moq ?? 1);
  const count = dice.int(2, 3);
  const top = product.priceMax ?? round(product.price * (1.1 + dice.next() * 0.3), 2);
  return Array.from({ length: count }, (_, i) => ({
    minQuantity: i === 0 ? start : start * [1, 10, 50][i]! + dice.int(0, 3) * 10 * i,
    price: i === count - 1 ? product.price! : round(top - ((top - product.price!) * i) / (count - 1), 2),
  }));
}

function skuPrice(dice: Dice, product: Product, atListedPrice: boolean): number | null {
  if (product.price === null || atListedPrice) return product.price;
  return round(product.price + ((product.priceMax ?? product.price) - product.price) * dice.next(), 2);
}

function demoSkus(
  dice: Dice,
  product: Product,
  variants: Variants,
  tiered: boolean,
  english: boolean,
): OfferSku[] {
  const dims = variants.dimensions.map((d) => ({
    ...d,
    values: dice.sample(d.values, dice.int(1, Math.min(3, d.values.length))),
  }));
  const combos = dims.reduce<{ zh: string; en: string; value: { zh: string; en: string } }[][]>(
    (acc, dim) =>
      acc.flatMap((combo) => dim.values.map((value) => [...combo, { zh: dim.zh, en: dim.en, value }])),
    [[]],
  );
  return combos.map((combo, i) => ({
    id: String(4_000_000_000_000 + (hashText(`${product.id}:${i}`) % 1_000_000_000)),
    attributes: combo.map((a) => ({
      name: a.zh,
      value: a.value.zh,
      ...(english ? { nameTranslated: a.en, valueTranslated: a.value.en } : {}),
    })),
    // Priced by variant when the offer has no tiers: the first at the listed (lowest) price, the others spread
    // up to the listed high price.
    price: skuPrice(dice, product, tiered || i === 0),
    stock: dice.chance(0.1) ? 0 : dice.int(20, 20_000),
    imageUrl: dice.chance(0.7) ? `https://cbu01.alicdn.com/img/ibank/O1CN01${dice.hex(20)}.jpg` : null,
    weightKg: round(between(dice, variants.weightKg), 3),
  }));
}

/** The detail of one demo product. `language` `en` adds English translations (the demo's only one). */
export function demoOffer(record: DemoProductRecord, language?: string): Offer {
  const { product } = record;
  const dice = createDice(hashText(`offer:${product.id}`));
  const variants = VARIANTS_BY_CATEGORY[record.category % VARIANTS_BY_CATEGORY.length]!;
  const english = language === 'en';
  // About a third of 1688 offers price by variant (按规格报价) instead of by quantity.
  const tiers = dice.chance(0.65) ? demoTiers(dice, product) : [];
  const skus = demoSkus(dice, product, variants, tiers.length > 0, english);
  const prices = [...tiers.map((t) => t.price), ...skus.map((s) => s.price)].filter(
    (p): p is number => p !== null,
  );
  const side = () => round(between(dice, variants.sizeCm), 1);
  const supplier = product.supplier;
  return {
    provider: 'demo',
    id: product.id,
    url: offerUrl(product.id),
    title: product.title,
    titleTranslated: english ? englishDemoTitle(product.title) : null,
    images: product.imageUrl
      ? [product.imageUrl, `https://cbu01.alicdn.com/img/ibank/O1CN01${dice.hex(20)}.jpg`]
      : [],
    priceTiers: tiers,
    priceMin: prices.length > 0 ? Math.min(...prices) : null,
    priceMax: prices.length > 0 ? Math.max(...prices) : null,
    moq: product.moq,
    unit: '件',
    unitTranslated: english ? 'Piece(s)' : null,
    translationLanguage: english ? 'en' : null,
    stock: skus.reduce((sum, s) => sum + (s.stock ?? 0), 0),
    skus,
    weightKg: skus[0]?.weightKg ?? null,
    sizeCm: dice.chance(0.8) ? { length: side(), width: side(), height: side() } : null,
    shipsFrom: supplier?.location ?? { province: null, city: null },
    mixedBatch: dice.chance(0.5)
      ? { supported: true, minAmount: dice.pick([100, 200, 500]), minQuantity: dice.pick([2, 3, 10]) }
      : null,
    soldCount: product.monthSold === null ? null : product.monthSold * dice.int(3, 12),
    supplier,
    sellerOpenId: null,
  };
}

/** The demo offer with that id, or `undefined` when no demo product has it. */
export function findDemoOffer(
  id: string,
  language?: string,
  dataset: DemoDataset = demoDataset(),
): Offer | undefined {
  const record = dataset.products.find((r) => r.product.id === id);
  return record && demoOffer(record, language);
}
