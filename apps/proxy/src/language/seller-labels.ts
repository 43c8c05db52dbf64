import type { Language, Location, RedFlag, SellerLabels } from '@yuantou/core';
import { pinyin } from 'pinyin-pro';

// Seller places and 1688's labels for a buyer who does not read Chinese (issue 21: cities, factory levels and
// badges stayed Chinese with `language=en`). Places are romanised with pinyin-pro (a maintained pinyin library
// with a phrase dictionary, so 厦门 is Xiamen and 重庆 Chongqing), with the few official spellings pinyin cannot
// give (陕西 is Shaanxi to tell it from 山西 Shanxi, 内蒙古 Inner Mongolia). Labels are our English for 1688's
// terms; a tag we have no English for stays as given. The Chinese always stays in its own field.

/** Official English names that plain pinyin gets wrong or that are not pinyin at all. */
const PLACE_NAMES: Readonly<Record<string, string>> = {
  陕西: 'Shaanxi',
  内蒙古: 'Inner Mongolia',
  西藏: 'Tibet',
  香港: 'Hong Kong',
  澳门: 'Macau',
  台湾: 'Taiwan',
  六安: "Lu'an",
  乐清: 'Yueqing',
};

const ADMIN_SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|省|市|地区|区|县)$/u;
const HAN = /\p{Script=Han}/u;

/** `汕头市` → `Shantou`, `广东省` → `Guangdong`; a name without Chinese is returned as given. */
export function placeInEnglish(place: string | null | undefined): string | null {
  if (!place) return null;
  const name = place.trim();
  if (!HAN.test(name)) return name;
  const bare = name.length > 2 ? name.replace(ADMIN_SUFFIX, '') : name;
  const known = PLACE_NAMES[bare];
  if (known) return known;
  const syllables = pinyin(bare, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  return syllables.charAt(0).toUpperCase() + syllables.slice(1);
}

/** 1688's factory tiers (seed 000 `factory_level`) and seller programmes, in English. */
const FACTORY_LEVELS: Readonly<Record<string, string>> = {
  金牌制造: 'Gold manufacturer',
  实力工厂: 'Certified strong factory',
  无牌工厂: 'Factory without a tier',
  超级工厂: 'Super factory',
};

/** Badges and service tags seen in provider answers (seeds 000/001, demo catalogue). */
const TAGS: Readonly<Record<string, string>> = {
  源头工厂: 'Source factory',
  '48小时发货': 'Ships within 48 hours',
  '24小时发货': 'Ships within 24 hours',
  '7天无理由': '7-day no-reason returns',
  支持混批: 'Mixed batches accepted',
  深度验厂: 'In-depth factory inspection',
  验厂: 'Factory inspected',
  实力商家: 'Power merchant',
  超级工厂: 'Super factory',
  一件代发: 'Dropshipping',
  来图定制: 'Made to your design',
  来样加工: 'Made to your sample',
  支持定制: 'Customisation',
  清加工: 'Contract processing',
  注塑: 'Injection moulding',
  '塑料/塑胶': 'Plastics',
  '3C认证': 'CCC certified',
  FSC认证: 'FSC certified',
  跨境专供: 'Made for cross-border sale',
  诚信通: 'TrustPass member',
  金牌供应商: 'Gold supplier',
  印刷: 'Printing',
  模切: 'Die cutting',
  针织: 'Knitting',
  织造: 'Weaving',
  数码印花: 'Digital printing',
  快反: 'Quick response',
  小单快返: 'Small orders, fast reorders',
};

const CREDIT_TAG = /^(A{1,5}|B|C)诚信等级$/u;

/** A tag in English where we know it (`AA诚信等级` → `Integrity level AA`), else as given. */
export function tagInEnglish(tag: string): string {
  const credit = CREDIT_TAG.exec(tag);
  if (credit) return `Integrity level ${credit[1]}`;
  return TAGS[tag] ?? tag;
}

/** The seller's places and labels in English; `undefined` for `zh` or no language (nothing to translate). */
export function sellerLabels(
  seller: {
    location?: Location | null;
    factoryLevel?: string | null;
    isSuperFactory?: boolean | null;
    creditLevel?: string | null;
    tags?: readonly string[];
  },
  language: Language | undefined,
): SellerLabels | undefined {
  if (language === undefined || language === 'zh') return undefined;
  const level = seller.factoryLevel ?? (seller.isSuperFactory ? '超级工厂' : null);
  return {
    provinceTranslated: placeInEnglish(seller.location?.province),
    cityTranslated: placeInEnglish(seller.location?.city),
    factoryLevelTranslated: level === null ? null : (FACTORY_LEVELS[level] ?? null),
    creditLevelTranslated: seller.creditLevel ? `Integrity level ${seller.creditLevel} (诚信等级)` : null,
    tagsTranslated: (seller.tags ?? []).map(tagInEnglish),
  };
}

const FLAG_LABELS: Readonly<Record<string, string>> = {
  creditC: 'Integrity level C: check this seller before buying',
  creditB: 'Integrity level B: check this seller before buying',
  returnRate: 'High return rate',
  offTopic: 'Likely not what you asked for',
  moqAboveQuantity: 'Minimum order above your quantity',
};

/** English labels of red flags (the `reason` beside them stays as ranking wrote it). */
export function flagLabels(flags: readonly RedFlag[], language: Language | undefined) {
  if (language === undefined || language === 'zh' || flags.length === 0) return undefined;
  return flags.map((f) => ({ flag: f.flag, label: FLAG_LABELS[f.flag] ?? f.flag }));
}
