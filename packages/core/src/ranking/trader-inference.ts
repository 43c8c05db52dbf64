// Hidden traders: finding the real factory (源头工厂) is what yuantou is for, and many 1688 sellers do not say
// whether they make what they sell. When `isFactory` is unknown we infer it from what the seller does show —
// the structured business type first, then the company name — and say so ("inferred") in the breakdown.

/**
 * `biz_type` as TMAPI's recorded item format sends it (`shop_info.biz_type`: "生产加工" manufacturer |
 * "经销批发" distributor, providers.md), kept by the adapter as a tag. 1688's own inspection tags
 * (深度验厂, 实地验厂, 验厂报告) are only given to a factory, so they count as factory evidence too.
 */
const FACTORY_TAGS = ['生产加工', '源头工厂', '深度验厂', '实地验厂', '验厂报告'];
const TRADER_TAGS = ['经销批发', '贸易商', '代理经销'];

/**
 * Company-name words of a trading business (贸易 trade, 商贸, 商行 shop, 经营部 sales office, 电子商务/电商
 * e-commerce, 进出口 import–export, 供应链 supply chain, 百货 general goods). They win over factory words:
 * "…玩具厂贸易部" is the factory's sales arm at best, and a factory rarely names itself a trading company.
 */
const TRADER_NAME = /(贸易|商贸|商行|经营部|电子商务|电商|进出口|供应链|百货|批发部|商店)/u;

/**
 * Company-name words of a manufacturer: …厂 (factory), 制造 (manufacturing), 实业 (industry — in 1688 practice
 * mostly producers), 工业, 加工 (processing), 工厂.
 */
const FACTORY_NAME = /(厂|制造|实业|工业|加工)/u;

/** Whether a seller is a factory or a trader, how sure we are, and why: what {@link inferFactory} returns. */
export interface TraderInference {
  /** What we believe: a factory (`true`) or a trader (`false`); `null` when nothing points either way. */
  isFactory: boolean | null;
  /** 0–1 for the `factory` factor: declared values are certain (1 / 0); inferred ones stay short of that. */
  fraction: number | null;
  /** `declared` (the provider said so), `inferred` (from tags or name) or `unknown`. */
  basis: 'declared' | 'inferred' | 'unknown';
  /** Why, for the breakdown: the tag or name word the inference rests on. */
  evidence: string | null;
}

/**
 * Inferred fractions: a structured business-type tag is the seller's own declaration to 1688 (0.85 / 0.1); a
 * company name is weaker evidence (0.75 / 0.15) — some factories trade under a 贸易 name for export licences
 * and some traders call themselves 实业. Both stay short of a declared value, so a verified factory still
 * ranks above one we only believe is a factory.
 */
export const INFERRED_FRACTIONS = {
  factoryByTag: 0.85,
  traderByTag: 0.1,
  factoryByName: 0.75,
  traderByName: 0.15,
} as const;

/**
 * Factory or trader: the declared `isFactory` when known, else inferred from a business-type or inspection tag,
 * else from words in the company name (贸易, 商贸… → trader; …厂, 制造… → factory; trader words win).
 */
export function inferFactory(seller: {
  isFactory?: boolean | null;
  name?: string | null;
  tags?: readonly string[];
}): TraderInference {
  if (seller.isFactory === true) return { isFactory: true, fraction: 1, basis: 'declared', evidence: null };
  if (seller.isFactory === false) return { isFactory: false, fraction: 0, basis: 'declared', evidence: null };
  const tags = (seller.tags ?? []).map((t) => t.trim());
  const traderTag = tags.find((t) => TRADER_TAGS.includes(t));
  if (traderTag)
    return {
      isFactory: false,
      fraction: INFERRED_FRACTIONS.traderByTag,
      basis: 'inferred',
      evidence: traderTag,
    };
  const factoryTag = tags.find((t) => FACTORY_TAGS.includes(t));
  if (factoryTag)
    return {
      isFactory: true,
      fraction: INFERRED_FRACTIONS.factoryByTag,
      basis: 'inferred',
      evidence: factoryTag,
    };
  const name = seller.name?.normalize('NFKC') ?? '';
  const traderWord = TRADER_NAME.exec(name)?.[1];
  if (traderWord)
    return {
      isFactory: false,
      fraction: INFERRED_FRACTIONS.traderByName,
      basis: 'inferred',
      evidence: traderWord,
    };
  const factoryWord = FACTORY_NAME.exec(name)?.[1];
  if (factoryWord)
    return {
      isFactory: true,
      fraction: INFERRED_FRACTIONS.factoryByName,
      basis: 'inferred',
      evidence: factoryWord,
    };
  return { isFactory: null, fraction: null, basis: 'unknown', evidence: null };
}

/** The breakdown value: `true`/`false` when declared, `"factory (inferred: 厂)"` when inferred. */
export function inferenceValue(inference: TraderInference): boolean | string | null {
  if (inference.basis === 'declared') return inference.isFactory;
  if (inference.basis === 'unknown') return null;
  return `${inference.isFactory ? 'factory' : 'trader'} (inferred: ${inference.evidence})`;
}
