// Paid placements on 1688 carry these markers (seed 000: `tracelog=p4p&_p_isad=1&cbu_ad_adgroup_id=…`).
const AD_PARAM = /^(_p_isad|cbu_ad_.*|tracelog|spm|clickid|__existtitle__|__removesafearea__)$/i;

export interface CleanLink {
  url: string | null;
  isAd: boolean;
}

/** Removes tracking parameters from a 1688 link and tells whether it was a paid placement. */
export function cleanLink(raw: unknown): CleanLink {
  if (typeof raw !== 'string' || raw.trim() === '') return { url: null, isAd: false };
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^\/\//, 'https://'));
  } catch {
    return { url: null, isAd: false };
  }
  let isAd = false;
  for (const key of [...url.searchParams.keys()]) {
    const value = url.searchParams.get(key) ?? '';
    const lower = key.toLowerCase();
    if (
      (lower === '_p_isad' && value !== '0') ||
      lower.startsWith('cbu_ad_') ||
      (lower === 'tracelog' && /p4p/i.test(value))
    ) {
      isAd = true;
    }
    if (AD_PARAM.test(key)) url.searchParams.delete(key);
  }
  return { url: url.toString(), isAd };
}
