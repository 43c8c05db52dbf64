import type { Product } from '../../models/product.js';
import type { Language } from '../../models/query.js';
import { DEMO_CATEGORIES } from './demo-catalog.js';

// English for the demo catalogue, so `language=en` can be tried without a provider account. Demo titles are
// built as `<selling point><product word> <selling point>` (demo-data.ts); the product words carry their own
// English in demo-catalog.ts and the selling points are translated here. Written by the yuantou team.

const SELLING_POINTS_EN: Readonly<Record<string, string>> = {
  儿童: "children's",
  新款: 'new',
  跨境热销: 'cross-border bestseller',
  地摊: 'street-stall',
  早教: 'early-learning',
  男孩女孩: 'for boys and girls',
  礼盒装: 'gift-boxed',
  夏季新款: 'new summer',
  男女同款: 'unisex',
  宽松: 'loose-fit',
  可定制logo: 'custom logo',
  重磅: 'heavyweight',
  批发: 'wholesale',
  '19姆米': '19 momme',
  '100%桑蚕丝': '100% mulberry silk',
  高端: 'premium',
  礼品: 'gift',
  双面: 'double-sided',
  印花: 'printed',
  法式: 'French-style',
  '2024春夏新款': 'new spring/summer 2024',
  收腰: 'fitted-waist',
  气质: 'elegant',
  显瘦: 'slimming',
  长款: 'long',
  适用苹果15: 'for iPhone 15',
  全包: 'full-cover',
  跨境: 'cross-border',
  液态: 'liquid silicone',
  卡通: 'cartoon',
  定制: 'custom',
  印刷logo: 'printed logo',
  环保: 'eco-friendly',
  加厚: 'thickened',
  天地盖: 'lid-and-base',
  烫金: 'gold-foil',
  北欧风: 'Nordic-style',
  家用: 'household',
  桌面: 'desktop',
  ins风: 'Instagram-style',
  大容量: 'large-capacity',
  '304不锈钢': '304 stainless steel',
  食品级: 'food-grade',
  耐高温: 'heat-resistant',
  防水: 'waterproof',
  韩版: 'Korean-style',
  时尚: 'fashionable',
  旅行: 'travel',
  耐咬: 'chew-proof',
  四季通用: 'all-season',
  可调节: 'adjustable',
};

/** Languages the demo catalogue is bundled in besides Chinese. */
export const DEMO_LANGUAGES: readonly Language[] = ['zh', 'en'];

const PRODUCT_WORDS = DEMO_CATEGORIES.flatMap((category) => category.products);

/** The English title of a demo product, or null when any part of it has no bundled English. */
export function englishDemoTitle(title: string): string | null {
  const [head = '', ...rest] = title.split(' ');
  const after = rest.join(' ');
  const word = PRODUCT_WORDS.filter((w) => head.endsWith(w.zh)).sort((a, b) => b.zh.length - a.zh.length)[0];
  if (!word) return null;
  const before = head.slice(0, head.length - word.zh.length);
  const beforeEn = before === '' ? '' : SELLING_POINTS_EN[before];
  const afterEn = after === '' ? '' : SELLING_POINTS_EN[after];
  if (beforeEn === undefined || afterEn === undefined) return null;
  return [beforeEn, word.en].filter(Boolean).join(' ') + (afterEn ? `, ${afterEn}` : '');
}

/** A demo product as the provider would answer in `language`: English titles in `titleTranslated` for `en`. */
export function demoProductIn(product: Product, language: Language | undefined): Product {
  if (language !== 'en') return product;
  return { ...product, titleTranslated: englishDemoTitle(product.title) };
}
