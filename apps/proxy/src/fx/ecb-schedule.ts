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

/** UTC offset of Frankfurt (CET/CEST) at an instant, in ms. */
function frankfurtOffsetMs(instant: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'shortOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
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

/** When the rates published on `rateDate` may have been superseded: the time of the next poll. */
export function nextPoll(rateDate: string, now: number): number {
  let day = nextWeekday(rateDate);
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
