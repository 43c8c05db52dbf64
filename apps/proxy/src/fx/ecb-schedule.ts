// When to ask the ECB again. Its page says: "The reference rates are usually updated around 16:00 CET on every
// working day, except on TARGET closing days" (older copies: "by 3 p.m. C.E.T."). A set published on day D is
// therefore good until the next working day's publication; we poll at 16:30 Frankfurt time, keep the last good
// set over weekends and holidays, and if the expected set has not appeared (a TARGET holiday, a late day) retry
// every half hour until 18:00 before moving on to the next working day. TARGET holidays are not hard-coded: the
// one wasted poll on a holiday costs nothing (the feed is free) and needs no yearly calendar upkeep.

const POLL_AT = { hour: 16, minute: 30 };
const GIVE_UP_AT = { hour: 18, minute: 0 };
export const LATE_RETRY_MS = 30 * 60_000;
const DAY_MS = 86_400_000;

const FRANKFURT = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Berlin',
  timeZoneName: 'shortOffset',
});

/** UTC offset of Frankfurt (CET/CEST) at an instant, in ms. */
function frankfurtOffsetMs(instant: number): number {
  const name = FRANKFURT.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name ?? '');
  if (!match) return 3_600_000;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 3_600_000 + Number(match[3] ?? 0) * 60_000);
}

/** The instant of a Frankfurt wall-clock time on `day` (YYYY-MM-DD). */
export function frankfurtTime(day: string, hour: number, minute: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  // The offset at the wall time read as UTC is right except within an hour of a DST switch (at night).
  return wall - frankfurtOffsetMs(wall - frankfurtOffsetMs(wall));
}

function nextWeekday(day: string): string {
  let t = Date.parse(`${day}T00:00:00Z`) + DAY_MS;
  while ([0, 6].includes(new Date(t).getUTCDay())) t += DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

// A feed date is believed only inside this window (issue 23: 1000-01-01 froze the proxy for over 60 s walking
// the days to "now", 2099-12-31 was kept as fresh until restart). The longest real gap is a TARGET holiday
// stretch (Easter: 5 days); a month covers any outage worth serving through.
export const MAX_FEED_AGE_DAYS = 31;
export const MAX_FEED_LEAD_DAYS = 1;

/** Why `rateDate` (YYYY-MM-DD) cannot be a current publication, or undefined when it can. Constant time. */
export function implausibleFeedDate(rateDate: string, now: number): string | undefined {
  const at = Date.parse(`${rateDate}T00:00:00Z`);
  // Date.parse takes 2024-02-30 as 1 March: a real date reads back the same.
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(rateDate) ||
    Number.isNaN(at) ||
    new Date(at).toISOString().slice(0, 10) !== rateDate
  )
    return `not a date: ${rateDate.slice(0, 12)}`;
  if (at > now + MAX_FEED_LEAD_DAYS * DAY_MS) return `dated ${rateDate}, in the future`;
  if (at < now - MAX_FEED_AGE_DAYS * DAY_MS)
    return `dated ${rateDate}, more than ${MAX_FEED_AGE_DAYS} days ago`;
  return undefined;
}

/** When the rates published on `rateDate` may have been superseded: the time of the next poll. */
export function nextPoll(rateDate: string, now: number): number {
  // Never walk more than a week of days, whatever date is given (a date far back cost one loop per day).
  const weekAgo = new Date(now - 7 * DAY_MS).toISOString().slice(0, 10);
  let day = nextWeekday(rateDate < weekAgo ? weekAgo : rateDate);
  for (;;) {
    const poll = frankfurtTime(day, POLL_AT.hour, POLL_AT.minute);
    if (poll > now) return poll;
    const giveUp = frankfurtTime(day, GIVE_UP_AT.hour, GIVE_UP_AT.minute);
    if (now < giveUp) return Math.min(now + LATE_RETRY_MS, giveUp);
    day = nextWeekday(day);
  }
}

/** Whole days between a rate's publication date and now (UTC calendar days). */
export function ageInDays(rateDate: string, now: number): number {
  return Math.floor((now - Date.parse(`${rateDate}T00:00:00Z`)) / DAY_MS);
}
