// How well an item matches the buyer's keyword, and the provider's own order as a weak prior.
//
// Chinese has no spaces between words, so matching on words fails: "丝绸连衣裙", "丝绸 连衣裙" and "连衣裙 丝绸"
// are one request. We match on characters and character pairs (bigrams) instead, after NFKC normalisation
// (full-width "ＡＢＣ１２３" → "abc123", full-width spaces and punctuation → ASCII), lower case, and with
// spaces and punctuation removed inside each field. Each keyword part is matched on its own, so word order
// does not matter, and no bigram is made across a space the buyer typed.

/**
 * Words a buyer adds to say what kind of seller they want ("玩具厂", "T恤批发", "源头工厂"). They are not the
 * goods: whether a seller is a factory is the `factory` factor's job, so relevance ignores them — otherwise
 * "玩具厂" would favour any company called "…厂" whatever it makes.
 */
const SELLER_WORDS = /(源头|工厂|厂家|厂|有限公司|公司|批发|供应商|货源|定制|生产|加工)+$/u;

const CJK = /\p{Script=Han}/u;

/** NFKC, lower case, no whitespace or punctuation: the form both keyword and texts are compared in. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The keyword's parts (split on spaces and punctuation), each without trailing seller words. */
export function keywordParts(keyword: string): string[] {
  const parts = keyword
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .map((part) => normalizeForMatch(part))
    .filter(Boolean);
  const goods = parts.map((part) => part.replace(SELLER_WORDS, '')).filter(Boolean);
  // A keyword that is only seller words ("工厂") is matched as typed.
  return [...new Set(goods.length > 0 ? goods : parts)];
}

const bigrams = (part: string): string[] => {
  const chars = [...part];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => `${chars[i]}${c}`);
};

/** Scores how well a result's texts match a keyword (what was searched, and the buyer's own words). */
export interface KeywordMatcher {
  /** 0–1: how much of the keyword the texts contain; `null` when there is no usable keyword. */
  match(texts: readonly (string | null | undefined)[]): { fraction: number; matched: string[] } | null;
}

/**
 * Builds the matcher once per ranking. The fraction is the share of the keyword's bigrams found in the item's
 * texts; when the keyword contains Chinese, averaged with the share of its Chinese characters found, so a
 * near miss ("真丝连衣裙" for "丝绸连衣裙") still earns part of the credit while an unrelated trade earns none.
 * Texts are matched field by field, so no pair is made across two fields.
 */
export function keywordMatcher(keyword: string | null | undefined): KeywordMatcher {
  return singleKeywordMatcher(keyword);
}

/**
 * Matches the buyer's search in each form it took: the keyword providers were sent (`searchedAs`, e.g. 毛绒玩具)
 * and the words typed (`plush toys`). Relevance is the match of `searchedAs`, as if the buyer had typed it, so
 * an English search scores exactly like its Chinese translation. The typed words still count where they match
 * whole — every typed word found as a word in some text (`plush toys` in "Plush toy bear 30cm", plurals read
 * as singular) — which only an English title or translation can do; such an item gets full relevance.
 * Half-matches of English are not counted: letter pairs of English words match too loosely across unrelated
 * titles ("toys" in "remote control toys") and would make the English and Chinese searches rank differently.
 */
export function searchMatcher(
  keyword: string | null | undefined,
  searchedAs?: string | null,
): KeywordMatcher {
  const sent = searchedAs?.trim() ? searchedAs : keyword;
  const primary = singleKeywordMatcher(sent);
  const typedWords = keyword && sent !== keyword ? wordStems(keyword) : [];
  if (typedWords.length === 0) return primary;
  const patterns = typedWords.map((stem) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(stem)}`, 'u'));
  return {
    match(texts) {
      const result = primary.match(texts);
      const fields = texts
        .filter((t): t is string => Boolean(t))
        .map((t) => t.normalize('NFKC').toLowerCase());
      const whole = patterns.every((pattern) => fields.some((field) => pattern.test(field)));
      if (!whole) return result;
      return { fraction: 1, matched: [...new Set([...(result?.matched ?? []), ...typedWords])] };
    },
  };
}

/** The typed words without a regular plural ending (toys → toy, boxes → box, accessories → accessor). */
function wordStems(keyword: string): string[] {
  const stem = (w: string) => {
    if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3);
    if (/(s|x|z|ch|sh)es$/u.test(w)) return w.slice(0, -2);
    if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
    return w;
  };
  const words = keyword
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !CJK.test(w));
  return [...new Set(words.map(stem))];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function singleKeywordMatcher(keyword: string | null | undefined): KeywordMatcher {
  const parts = keyword ? keywordParts(keyword) : [];
  const grams = [...new Set(parts.flatMap(bigrams))];
  const chars = [...new Set(parts.flatMap((part) => [...part]).filter((c) => CJK.test(c)))];
  return {
    match(texts) {
      if (grams.length === 0) return null;
      const fields = texts.filter((t): t is string => Boolean(t)).map(normalizeForMatch);
      const found = (piece: string) => fields.some((field) => field.includes(piece));
      const gramShare = grams.filter(found).length / grams.length;
      const charShare = chars.length > 0 ? chars.filter(found).length / chars.length : null;
      const fraction = charShare === null ? gramShare : (gramShare + charShare) / 2;
      return { fraction, matched: parts.filter(found) };
    },
  };
}

/**
 * The provider's own order as a prior: position 1 → 1, 10 → 0.5, 100 and beyond → 0 (log scale: the
 * difference between #1 and #5 means more than between #60 and #65).
 */
export function positionPrior(position: number): number {
  return Math.min(1, Math.max(0, 1 - Math.log10(Math.max(1, position)) / 2));
}

/**
 * The provider's rank is a weak prior: it mixes in at {@link POSITION_SHARE} of the relevance fraction.
 * Providers sort by their own mix of relevance, sales and paid placement, so their order says something
 * about relevance, but only a little.
 */
export const POSITION_SHARE = 0.1;

/**
 * 1-based positions of suppliers in their provider's own order, by supplier id (a `Map` or a plain object),
 * as {@link providerPositions} builds them.
 */
export type Positions = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** The 1-based position of an id; 1688 member ids (`b2b-…`) are compared case-insensitively. */
export function positionOf(positions: Positions | undefined, id: string): number | null {
  if (!positions) return null;
  const get = (key: string) =>
    positions instanceof Map ? positions.get(key) : (positions as Record<string, number>)[key];
  const position = get(id) ?? (/^b2b-/i.test(id) ? get(id.toLowerCase()) : undefined);
  return typeof position === 'number' && Number.isFinite(position) && position >= 1 ? position : null;
}

/**
 * The best (smallest) 1-based position of each id across several providers' lists, for
 * `rankSuppliers(…, { positions })`. Member ids are lower-cased, as when suppliers are merged. `offset` is the
 * number of results on earlier pages (`(page − 1) × pageSize`), so #1 of page 2 is not taken for a top hit.
 */
export function providerPositions(
  lists: readonly (readonly { id: string }[])[],
  offset = 0,
): Map<string, number> {
  const positions = new Map<string, number>();
  for (const list of lists) {
    list.forEach((item, index) => {
      const id = /^b2b-/i.test(item.id) ? item.id.toLowerCase() : item.id;
      positions.set(id, Math.min(positions.get(id) ?? Number.POSITIVE_INFINITY, offset + index + 1));
    });
  }
  return positions;
}
