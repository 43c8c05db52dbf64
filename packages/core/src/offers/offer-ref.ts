// Turning whatever a buyer pastes into a 1688 offer id. Links come from agents' spreadsheets, chat apps and
// browsers, so they carry tracking (`?spm=…&tracelog=…`), mobile hosts, `offerId=` parameters, or surrounding
// text ("看这个 https://detail.1688.com/offer/6….html 谢谢").

/** Sites buyers confuse with 1688: their ids are not 1688 offer ids, so they get an error naming the site. */
const OTHER_SITES: readonly { site: string; host: RegExp }[] = [
  { site: 'Tmall', host: /(^|\.)tmall\.(com|hk)$/ },
  { site: 'Taobao', host: /(^|\.)(taobao\.com|tb\.cn)$/ },
  { site: 'AliExpress', host: /(^|\.)aliexpress\.(com|us|ru)$|(^|\.)aliexpress\.[a-z]{2,3}$/ },
  { site: 'Alibaba.com', host: /(^|\.)alibaba\.com$/ },
];

/**
 * Why {@link parseOfferRef} found no offer id: `empty` input, a link to an `other_site` (Taobao, Tmall,
 * AliExpress, Alibaba.com), or `no_offer_id` in the text.
 */
export type OfferRefProblem = 'empty' | 'other_site' | 'no_offer_id';

/** A pasted reference that names no 1688 offer. `message` is written for the buyer. */
export class OfferRefError extends Error {
  /** Always `OfferRefError`. */
  override readonly name = 'OfferRefError';
  /** Which problem it is: `empty`, `other_site` or `no_offer_id`. */
  readonly problem: OfferRefProblem;
  /** The site the link belongs to, when it is a known non-1688 site (`Taobao`, `Tmall`, `AliExpress`, `Alibaba.com`). */
  readonly site: string | null;

  constructor(problem: OfferRefProblem, message: string, site: string | null = null) {
    super(message);
    this.problem = problem;
    this.site = site;
  }
}

// What a 1688 offer id looks like (issue 23: any 5–20-digit number used to be taken as one, so `12345` or a
// phone number cost one paid call per provider on every recalculation). Every real id in the providers'
// documents and recorded answers is 12 digits without a leading zero: 582896733162 (Onebound item_get),
// 706627393257 (PandaPon queryProductDetail response `data:{offerId:706627393257,…}`), 769649076522,
// 859086919394 (TMAPI `item_id`); the official doc's `34513534353434` is marked there as a placeholder value.
// Older offers have shorter ids and ids grow over time, so the rule leaves room both ways: 9 to 13 digits,
// the first not 0. A bare 11-digit number shaped like a mainland mobile number (1, then 3–9, then 9 digits) is
// refused unless a 1688 link carries it: pasted next to a product it is far more often the supplier's phone.
const OFFER_ID = /^[1-9]\d{8,12}$/;
const MOBILE_NUMBER = /^1[3-9]\d{9}$/;

/**
 * Whether `id` has the shape of a 1688 offer id: 9 to 13 digits, the first not 0 (real ids today are 12 digits,
 * e.g. `582896733162`). {@link parseOfferRef} returns only such ids.
 */
export function isOfferId(id: string): boolean {
  return OFFER_ID.test(id);
}

/** A bare number (no 1688 link around it) read as an offer id: offer-shaped and not a mobile number. */
const isBareOfferId = (id: string) => isOfferId(id) && !MOBILE_NUMBER.test(id);

// Wide enough to take the whole digit run out of a link; isOfferId then decides.
const ID = '(\\d{5,20})';
const BARE_ID = new RegExp(`^${ID}$`);
const OFFER_PATH = new RegExp(`/offer/${ID}\\.html?`, 'i');
const OFFER_ID_PARAM = new RegExp(`[?&#](?:offerId|offer_id|itemId|item_id|id)=${ID}(?:[&#]|$)`, 'i');
// Anything that looks like a URL or a bare host inside the pasted text.
const URL_LIKE = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#][^\s"'<>，。；]*)?/gi;

function hostOf(candidate: string): string | null {
  try {
    return new URL(
      /^https?:\/\//i.test(candidate) ? candidate : `https://${candidate}`,
    ).hostname.toLowerCase();
  } catch {
    return null;
  }
}

const is1688 = (host: string) => host === '1688.com' || host.endsWith('.1688.com');

/**
 * The 1688 offer id in `text`: a detail link (`https://detail.1688.com/offer/<id>.html` with any query,
 * `m.1688.com/offer/<id>.html`, any `…1688.com…?offerId=<id>`), or a bare id, with surrounding spaces or text.
 * Throws {@link OfferRefError} for empty input, a Taobao/Tmall/AliExpress/Alibaba.com link (naming the site),
 * or text without an offer id.
 */
export function parseOfferRef(text: string): string {
  const input = String(text ?? '').trim();
  if (input === '') throw new OfferRefError('empty', 'no link or offer id given');
  const bare = BARE_ID.exec(input);
  if (bare && isBareOfferId(bare[1]!)) return bare[1]!;

  const candidates = input.match(URL_LIKE) ?? [];
  for (const candidate of candidates) {
    const host = hostOf(candidate);
    if (host === null || !is1688(host)) continue;
    const id = OFFER_PATH.exec(candidate)?.[1] ?? OFFER_ID_PARAM.exec(candidate)?.[1];
    if (id && isOfferId(id)) return id;
  }
  for (const candidate of candidates) {
    const host = hostOf(candidate);
    const other = host === null ? undefined : OTHER_SITES.find((s) => s.host.test(host));
    if (other) {
      throw new OfferRefError(
        'other_site',
        `this is a ${other.site} link, not a 1688 offer: look the product up on 1688.com and paste its detail link`,
        other.site,
      );
    }
  }
  // Text around a bare id ("货号 612345678901 见图").
  const loose = /(?:^|[^\d.])(\d{9,20})(?![\d.])/.exec(input);
  if (loose && isBareOfferId(loose[1]!) && candidates.every((c) => !hostOf(c) || !c.includes(loose[1]!)))
    return loose[1]!;
  const shown = input.length > 60 ? `${input.slice(0, 60)}…` : input;
  throw new OfferRefError(
    'no_offer_id',
    `no 1688 offer id in "${shown}": paste a link like https://detail.1688.com/offer/<id>.html or the id (9–13 digits)`,
  );
}
