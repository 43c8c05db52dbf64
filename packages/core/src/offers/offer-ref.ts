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

// 1688 offer ids are 9–13 digits today (e.g. 582896733162, 706627393257); 5–20 leaves room either side.
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
  if (bare) return bare[1]!;

  const candidates = input.match(URL_LIKE) ?? [];
  for (const candidate of candidates) {
    const host = hostOf(candidate);
    if (host === null || !is1688(host)) continue;
    const id = OFFER_PATH.exec(candidate)?.[1] ?? OFFER_ID_PARAM.exec(candidate)?.[1];
    if (id) return id;
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
  if (loose && candidates.every((c) => !hostOf(c) || !c.includes(loose[1]!))) return loose[1]!;
  const shown = input.length > 60 ? `${input.slice(0, 60)}…` : input;
  throw new OfferRefError(
    'no_offer_id',
    `no 1688 offer id in "${shown}": paste a link like https://detail.1688.com/offer/<id>.html or the id`,
  );
}
