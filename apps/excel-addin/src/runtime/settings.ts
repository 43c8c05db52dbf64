import { CurrencyCode, LANGUAGES } from '@yuantou/core';

// The add-in's settings: two tables, each ONE stored JSON value — this machine's way to the proxy
// (MACHINE_SETTINGS, OfficeRuntime.storage) and the defaults that change an answer (WORKBOOK_SETTINGS, kept in the
// workbook). To add a setting, add a field to the right table — loading, saving, defaults and the pane's "saved"
// state pick it up. Each field parses what
// was stored or typed and throws a readable message when it is wrong; a stored value that no longer parses
// falls back to that field's default alone (the others are kept).

export interface SettingField<T> {
  default: T;
  /** Stored or typed value → the setting; throws an Error whose message the pane shows. */
  parse(value: unknown): T;
}

export const DEFAULT_PROXY_URL = 'http://127.0.0.1:8787';

/**
 * 40 s: a little above the proxy's own 30 s deadline for a search, so a slow provider is reported by the proxy
 * (which knows which one) and only a proxy that never answers ends on this timer.
 */
export const DEFAULT_TIMEOUT_SECONDS = 40;

/** `http://host:8787/` → `http://host:8787`; anything that is not an http(s) URL is rejected. */
export function normalizeProxyUrl(value: unknown): string {
  const trimmed = String(value ?? '').trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`"${trimmed}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error('the proxy URL must start with http(s)://');
  return url.href.replace(/\/+$/, '');
}

function timeoutSeconds(value: unknown): number {
  const seconds = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  if (!Number.isInteger(seconds) || seconds < 5 || seconds > 300)
    throw new Error('the timeout must be a whole number of seconds from 5 to 300');
  return seconds;
}

/** Most days the stale-after setting takes: a year, as long as the proxy keeps snapshots by default. */
export const MAX_STALE_AFTER_DAYS = 365;

function staleAfterDays(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
  const days = Number(text);
  if (text === '' || !Number.isInteger(days) || days < 1 || days > MAX_STALE_AFTER_DAYS)
    throw new Error(
      `"${text}" is not a number of days for "stale after": a whole number from 1 to ${MAX_STALE_AFTER_DAYS}`,
    );
  return days;
}

/** Blank → none (Chinese titles); else one of the languages the proxy knows. */
function languageSetting(value: unknown): string {
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (text === '') return '';
  if (!(LANGUAGES as readonly string[]).includes(text))
    throw new Error(`"${text}" is not one of ${LANGUAGES.join(', ')}`);
  return text;
}

/** Blank → none (prices in CNY only); else an ISO 4217 code such as USD. */
function currencySetting(value: unknown): string {
  const text = String(value ?? '').trim();
  if (text === '') return '';
  const parsed = CurrencyCode.safeParse(text);
  if (!parsed.success) throw new Error(`"${text}" is not a currency code such as USD, EUR or GBP`);
  return parsed.data;
}

/** Blank → none (the offer's minimum order / lowest price); else the pieces the buyer means to order. */
function quantitySetting(value: unknown): number | '' {
  const text = String(value ?? '').trim();
  if (text === '') return '';
  const pieces = Number(text);
  if (!Number.isInteger(pieces) || pieces < 1 || pieces > 100_000_000)
    throw new Error(`"${text}" is not a whole number of pieces from 1 to 100000000`);
  return pieces;
}

/**
 * Settings of THIS MACHINE (OfficeRuntime.storage): where the proxy is and how to reach it. None of them changes
 * what a formula answers, only whether it can ask.
 */
export const MACHINE_SETTINGS = {
  proxyUrl: { default: DEFAULT_PROXY_URL, parse: normalizeProxyUrl },
  /** Sent only to the proxy, as `Authorization: Bearer`. */
  token: { default: '', parse: (value: unknown) => String(value ?? '').trim() },
  timeoutSeconds: { default: DEFAULT_TIMEOUT_SECONDS, parse: timeoutSeconds },
  /** The pane's three-step start was finished or dismissed; until then it opens first. */
  startDone: { default: false, parse: (value: unknown) => value === true || value === 'true' },
} satisfies Record<string, SettingField<unknown>>;

/**
 * Defaults kept IN THE WORKBOOK (Office.context.document.settings), because they change what a formula answers:
 * "`Office.context.document.settings` are saved in the workbook (travel with the file); `OfficeRuntime.storage`
 * is per machine and per add-in origin" (Microsoft's docs, collected in our sourcing notes). Kept per machine,
 * the same =PRODUCTS gave a different table on a colleague's machine (issue 21). They apply to every function
 * whose options do not set them; the pane says which ones this workbook carries.
 */
export const WORKBOOK_SETTINGS = {
  /** Output language for pane searches and for functions whose options do not set one; blank = Chinese. */
  language: { default: '', parse: languageSetting },
  /** Prices also in this currency (ISO 4217) for pane searches and functions without `currency=`. */
  currency: { default: '', parse: currencySetting },
  /** Pieces to price products at (=PRODUCTS, =PRODUCTSBYIMAGE, the pane) when `quantity=` is not written. */
  quantity: { default: '' as number | '', parse: quantitySetting },
  /**
   * Rows and cards whose values are older than this many days say so (their `stale` column, cells/as-of.ts; the
   * runtime's one stalePolicy reads it). In the workbook (issue 22: "values older than a workbook setting
   * (default 7 days) are marked stale"): a shared workbook marks the same rows stale on every machine.
   */
  staleAfterDays: { default: 7, parse: staleAfterDays },
} satisfies Record<string, SettingField<unknown>>;

export const SETTINGS = { ...MACHINE_SETTINGS, ...WORKBOOK_SETTINGS };

export type SettingName = keyof typeof SETTINGS;
export type AddinSettings = { [K in SettingName]: ReturnType<(typeof SETTINGS)[K]['parse']> };

const NAMES = Object.keys(SETTINGS) as SettingName[];
export type MachineSettingName = keyof typeof MACHINE_SETTINGS;
export type WorkbookSettingName = keyof typeof WORKBOOK_SETTINGS;
export const MACHINE_NAMES = Object.keys(MACHINE_SETTINGS) as MachineSettingName[];
export const WORKBOOK_NAMES = Object.keys(WORKBOOK_SETTINGS) as WorkbookSettingName[];
export type WorkbookDefaults = Pick<AddinSettings, WorkbookSettingName>;

export function defaultSettings(): AddinSettings {
  return Object.fromEntries(NAMES.map((name) => [name, SETTINGS[name].default])) as AddinSettings;
}

/**
 * The stored JSON → the `names` fields it holds (machine fields by default); unreadable JSON or a bad field gives
 * that field's default, never an error. Fields of the other table are ignored: a language or currency an older
 * build kept on this machine no longer changes any formula.
 */
export function settingsFromStored(
  raw: string | null,
  names: readonly SettingName[] = MACHINE_NAMES,
): Partial<AddinSettings> {
  const settings: Partial<Record<SettingName, unknown>> = {};
  for (const name of names) settings[name] = SETTINGS[name].default;
  let saved: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object') saved = parsed as Record<string, unknown>;
  } catch {
    return settings as Partial<AddinSettings>;
  }
  for (const name of names) {
    if (saved[name] === undefined) continue;
    try {
      settings[name] = SETTINGS[name].parse(saved[name]);
    } catch {
      // keep the default for this field only
    }
  }
  return settings as Partial<AddinSettings>;
}

/**
 * Workbook settings an older build kept on this machine. While the workbook has no value of its own, the one
 * stored on this computer is still read (a buyer's chosen days are not lost on update); the next save of the
 * workbook's defaults writes it into the workbook. Language, currency and quantity are NOT read from the machine:
 * they change what a formula answers (issue 21).
 */
export const MOVED_TO_WORKBOOK: readonly WorkbookSettingName[] = ['staleAfterDays'];

/**
 * The workbook's fields from its stored JSON (`book`), each field the workbook lacks of {@link MOVED_TO_WORKBOOK}
 * from the machine's stored JSON (`machine`), then the defaults.
 */
export function workbookSettingsFromStored(
  book: string | null,
  machine: string | null,
): Partial<AddinSettings> {
  const fromMachine = settingsFromStored(machine, MOVED_TO_WORKBOOK);
  const stored = storedNames(book);
  const settings = settingsFromStored(book, WORKBOOK_NAMES) as Record<SettingName, unknown>;
  for (const name of MOVED_TO_WORKBOOK) {
    if (!stored.has(name)) settings[name] = fromMachine[name];
  }
  return settings as Partial<AddinSettings>;
}

/** The names a stored JSON object holds a value for (none when it is not JSON). */
function storedNames(raw: string | null): Set<string> {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== 'object') return new Set();
    return new Set(Object.entries(parsed).flatMap(([k, v]) => (v === undefined ? [] : [k])));
  } catch {
    return new Set();
  }
}

/** The fields of `names` only, as stored (JSON). */
export function storedSettings(settings: AddinSettings, names: readonly SettingName[]): string {
  return JSON.stringify(Object.fromEntries(names.map((name) => [name, settings[name]])));
}

/**
 * This machine's settings as stored (JSON), keeping what `previous` (the machine's stored JSON) held of
 * {@link MOVED_TO_WORKBOOK}: saving the proxy URL must not drop the older value other workbooks still fall back to.
 */
export function storedMachineSettings(settings: AddinSettings, previous: string | null): string {
  const kept = settingsFromStored(previous, MOVED_TO_WORKBOOK);
  const stored = storedNames(previous);
  const moved = MOVED_TO_WORKBOOK.filter((name) => stored.has(name)).map((name) => [name, kept[name]]);
  return JSON.stringify({
    ...JSON.parse(storedSettings(settings, MACHINE_NAMES)),
    ...Object.fromEntries(moved),
  });
}

/** `current` with the changed fields parsed; throws the first bad field's message. */
export function mergeSettings(
  current: AddinSettings,
  changes: Partial<Record<SettingName, unknown>>,
): AddinSettings {
  const next = { ...current } as Record<SettingName, unknown>;
  for (const name of NAMES) {
    if (changes[name] !== undefined) next[name] = SETTINGS[name].parse(changes[name]);
  }
  return next as AddinSettings;
}
