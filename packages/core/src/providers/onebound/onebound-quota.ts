import type { Quota } from '../../models/page.js';
import type { ProviderResponse } from '../provider-contract.js';

// Recorded Onebound answers carry the account's daily quota in every body:
// `"api_info": "today:12 max:10000 all[15=12+0+3];expires:2030-01-01"` — `today` calls made today, `max` the
// daily allowance (providers.md §2, "api_info … is the daily quota"). `expires` is the account's end date,
// not the quota window, so it is not `resetsAt`.
const TODAY = /\btoday:(\d+)/;
const MAX = /\bmax:(\d+)/;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When today's counter starts again: the next midnight in China Standard Time (UTC+8, no daylight saving)
 * after the answer's `Date` header. UNVERIFIED: Onebound does not document its reset hour; midnight in
 * China is assumed because `today` counts calendar days of a Chinese service. `null` without a `Date` header.
 */
export function oneboundQuotaResetsAt(response: ProviderResponse): string | null {
  const raw = response.headers?.date ?? response.headers?.Date;
  const text = Array.isArray(raw) ? raw[0] : raw;
  const sent = text === undefined ? Number.NaN : Date.parse(text);
  if (Number.isNaN(sent)) return null;
  const chinaDay = Math.floor((sent + CHINA_OFFSET_MS) / DAY_MS);
  return new Date((chinaDay + 1) * DAY_MS - CHINA_OFFSET_MS).toISOString();
}

/** `api_info` as a {@link Quota}, or `null` when it is missing or does not name both numbers. */
export function oneboundQuota(apiInfo: unknown, response: ProviderResponse): Quota | null {
  if (typeof apiInfo !== 'string') return null;
  const used = TODAY.exec(apiInfo)?.[1];
  const limit = MAX.exec(apiInfo)?.[1];
  if (used === undefined || limit === undefined) return null;
  const [u, l] = [Number(used), Number(limit)];
  if (!Number.isSafeInteger(u) || !Number.isSafeInteger(l)) return null;
  return { used: u, limit: l, resetsAt: oneboundQuotaResetsAt(response) };
}
