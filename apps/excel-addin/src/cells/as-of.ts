import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { numberValue } from '../data-types/cell-values.js';
import type { Cell, Column, RichValue } from './rows.js';

// "When, and how old" (issue 22): every function's rows END with two columns, appended after every other column
// (so formulas indexing the earlier columns keep working):
// - `as of`: when the provider gave the values, as an Excel date-time serial number (a number, so it sorts,
//   filters and subtracts from NOW()), shown as `yyyy-mm-dd hh:mm` where the host takes a number format on a
//   value (a Double with numberFormat, ExcelApi 1.19; else the older FormattedNumber; plain hosts get the bare
//   serial and "Insert as table" formats the column). From the proxy's `fetchedAt` (a cached or archived answer
//   keeps its original time); a search's is its OLDEST provider answer.
// - `stale`: blank while the values are younger than the stale-after setting (default 7 days); else why they are
//   old: `older than 7 days`, or the proxy's own reason when it served an older answer instead of an error
//   ("budget reached — values as of 3 Dec 14:05 UTC"). Text, so `=FILTER(A:Z, Z:Z="")` keeps the fresh rows.

/** Excel's serial for 1970-01-01 00:00 (days since 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25_569;
const DAY_MS = 86_400_000;

/** The number format of an `as of` cell. */
export const AS_OF_FORMAT = 'yyyy-mm-dd hh:mm';

/** How old values may be before their rows say `stale`, unless the settings say otherwise. */
export const DEFAULT_STALE_AFTER_DAYS = 7;

/**
 * An instant as an Excel date-time serial in the computer's own time zone: Excel's dates have no zone, and a
 * buyer reads "as of" in local time, as NOW() gives it.
 */
export function excelDateTime(at: Date): number {
  return (at.getTime() - at.getTimezoneOffset() * 60_000) / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** The inverse of {@link excelDateTime}: a date-time serial read in the computer's time zone → epoch ms. */
export function instantOf(serial: number): number {
  const wall = (serial - UNIX_EPOCH_SERIAL) * DAY_MS;
  return wall + new Date(wall).getTimezoneOffset() * 60_000;
}

/** `fetchedAt` (ISO 8601) → its serial; null when the proxy gave none (an older proxy) or it is not a date. */
export function asOfSerial(fetchedAt: string | null | undefined): number | null {
  if (!fetchedAt) return null;
  const at = new Date(fetchedAt);
  return Number.isNaN(at.getTime()) ? null : excelDateTime(at);
}

/** The oldest of several `fetchedAt` (a search's providers): the age of the answer as a whole. */
export function oldestFetchedAt(times: readonly (string | null | undefined)[]): string | undefined {
  const known = times.filter((t): t is string => !!t && !Number.isNaN(Date.parse(t)));
  if (known.length === 0) return undefined;
  return known.reduce((oldest, t) => (Date.parse(t) < Date.parse(oldest) ? t : oldest));
}

/** When an answer's values were fetched, and why the proxy served an older answer (if it did). */
export interface AnswerAge {
  fetchedAt?: string | undefined;
  staleReason?: string | undefined;
}

/** How the `stale` column decides. */
export interface StalePolicy {
  staleAfterDays: number;
  now?: () => number;
}

/** Blank when fresh; else why the values are old (the proxy's reason first). */
export function staleCell(age: AnswerAge | undefined, policy: StalePolicy): Cell | null {
  if (age?.staleReason) return age.staleReason;
  if (!age?.fetchedAt) return null;
  const fetched = Date.parse(age.fetchedAt);
  const now = (policy.now ?? Date.now)();
  if (Number.isNaN(fetched) || now - fetched <= policy.staleAfterDays * DAY_MS) return null;
  return `older than ${policy.staleAfterDays} day${policy.staleAfterDays === 1 ? '' : 's'}`;
}

/** An `as of` serial as a formatted number where the host can show one. */
export function asOfRich(serial: number | null, capabilities: RichCellCapabilities) {
  return serial === null ? null : numberValue(serial, AS_OF_FORMAT, capabilities);
}

export const AS_OF_DESCRIPTION =
  'When the provider gave these values (an Excel date-time; a cached or stored answer keeps its time).';
export const STALE_DESCRIPTION =
  'Blank when fresh; else why the values are old: "older than 7 days" (the stale-after setting) or the proxy\'s reason for serving an older answer.';

/** The two closing columns of a family whose rows are `Column<T>`, reading each item's age with `age`. */
export function asOfColumns<T>(age: (item: T) => AnswerAge | undefined, policy: StalePolicy): Column<T>[] {
  return [
    {
      header: 'as of',
      description: AS_OF_DESCRIPTION,
      format: 'datetime',
      value: (item) => asOfSerial(age(item)?.fetchedAt),
      rich: (item, capabilities) => asOfRich(asOfSerial(age(item)?.fetchedAt), capabilities),
    },
    {
      header: 'stale',
      description: STALE_DESCRIPTION,
      format: 'text',
      value: (item) => staleCell(age(item), policy),
    },
  ];
}

/**
 * A card with its `As of` (a date-time property, in the card's Source section) and, when the values are old,
 * `Stale` saying why: every card says when its values were fetched; the provider is already on every card
 * (`Provider` / `Providers`).
 */
export function cardWithAsOf(
  card: Excel.EntityCellValue,
  age: AnswerAge | undefined,
  policy: StalePolicy,
  capabilities: RichCellCapabilities,
): Excel.EntityCellValue {
  const serial = asOfSerial(age?.fetchedAt);
  if (serial === null) return card;
  const stale = staleCell(age, policy);
  const added: Record<string, Excel.EntityPropertyType> = {
    'As of': numberValue(serial, AS_OF_FORMAT, capabilities),
    ...(stale ? { Stale: { type: 'String', basicValue: String(stale) } as Excel.StringCellValue } : {}),
  };
  const names = Object.keys(added);
  const sections = card.layouts?.card?.sections ?? [];
  const source = sections.find((s) => s.title === 'Source' || s.title === 'Links');
  const withSource = source
    ? sections.map((s) => (s === source ? { ...s, properties: [...s.properties, ...names] } : s))
    : [...sections, { layout: 'List' as const, title: 'Source', properties: names }];
  return {
    ...card,
    properties: { ...card.properties, ...added },
    layouts: { ...card.layouts, card: { ...card.layouts?.card, sections: withSource } },
  };
}

/** A column's card, if it has one, with its `As of` (see {@link cardWithAsOf}); pictures and numbers as they are. */
export function richWithAsOf<T>(
  rich: ((item: T, capabilities: RichCellCapabilities) => RichValue | null) | undefined,
  age: (item: T) => AnswerAge | undefined,
  policy: StalePolicy,
): ((item: T, capabilities: RichCellCapabilities) => RichValue | null) | undefined {
  if (!rich) return undefined;
  return (item, capabilities) => {
    const value = rich(item, capabilities);
    return value?.type === 'Entity' ? cardWithAsOf(value, age(item), policy, capabilities) : value;
  };
}
