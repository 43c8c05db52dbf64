import { inputErrorOf } from './cell-error.js';
import { InputError } from './input-error.js';

// The one reader of `options` arguments, for every function family: how people WRITE options in a cell. Text
// such as "provider=tmapi,onebound; factoryOnly; city=汕头" or "language=en; quantity=500; header", or a 2-column
// range of names and values. Names are case-insensitive, ignore `_`, `-` and spaces, and have short aliases,
// because people type them by hand. What an option MEANS (types, ranges, enums) is core's schema for the
// family's proxy route (SearchParams / ImageSearchBody for searches, OfferParams for offers), so nothing drifts.

export type CellValue = string | number | boolean | null | undefined;

/** One option as written: `written` is the user's spelling (for messages), `key` the canonical name. */
export interface WrittenOption {
  written: string;
  key: string;
  value: CellValue;
}

/**
 * Extra spellings, for every family. Core's own names (any case, `_`/`-`/spaces ignored) always work; add an
 * alias here only for a word people actually type. An alias counts only where its target is one of the
 * family's names.
 */
const ALIASES: Readonly<Record<string, string>> = {
  providers: 'provider',
  factory: 'factoryOnly',
  minprice: 'priceMin',
  maxprice: 'priceMax',
  moq: 'minOrder',
  lang: 'language',
  ccy: 'currency',
  qty: 'quantity',
  headers: 'header',
  // =LANDED's rate card and options (landed/): the words on a forwarder's sheet.
  duty: 'dutyPercent',
  vat: 'vatPercent',
  agent: 'agentFeePercent',
  agentfee: 'agentFeePercent',
  min: 'minimum',
  basis: 'dutyBasis',
};

/** A name as people type it, folded: `Factory_Only`, `factory-only` and `factoryonly` are one name. */
export const foldName = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');

/** A family's option names, read as written (folded, or an alias). */
export class OptionNames {
  private readonly byName: ReadonlyMap<string, string>;
  constructor(
    /** The canonical names, in the order the "use …" hint lists them. */
    readonly names: readonly string[],
  ) {
    this.byName = new Map([
      ...names.map((key) => [foldName(key), key] as const),
      ...Object.entries(ALIASES).filter(([, key]) => names.includes(key)),
    ]);
  }

  /** The option as written, with its canonical name; an unknown name is an InputError listing the known. */
  read(rawName: string, value: CellValue): WrittenOption {
    const written = rawName.trim();
    const key = this.byName.get(foldName(written));
    if (!key) throw InputError.option(written, `unknown option (use ${this.names.join(', ')})`);
    return { written, key, value: cellText(value) };
  }
}

/** Chinese yes/no as typed into cells; core and {@link yesNoOption} read yes/no/true/false/1/0. */
const VALUE_WORDS: Readonly<Record<string, string>> = { 是: 'yes', 否: 'no' };

function cellText(value: CellValue): CellValue {
  if (typeof value === 'boolean' || value === null || value === undefined) return value;
  // Numbers go as text, like a query string: core's coercions read both, and booleans read "1"/"0".
  const text = String(value)
    .trim()
    .replace(/[，、]/g, ',')
    .replace(/\s*,\s*/g, ',');
  return VALUE_WORDS[text] ?? text;
}

/** `"a=1; b; c：3"` → name/value pairs as written (a name alone has the value `''`). Empty text → none. */
export function textPairs(text: string): [string, CellValue][] {
  return text
    .split(/[;；\n]/)
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const eq = part.search(/[=:＝：]/);
      return eq === -1 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    });
}

/**
 * An `options` argument as Excel passes it (a matrix, since the parameter is declared `any[][]`) as name/value
 * pairs, as written: one cell of text, or rows of a 2-column range (blank rows skipped). `example` is the text
 * form the error for any other shape shows.
 */
export function optionPairs(argument: CellValue[][] | CellValue, example: string): [string, CellValue][] {
  if (argument === undefined || argument === null) return [];
  // Excel passes error values to `any` arguments (functions.json allows error input for =OFFERS' links).
  const cells: unknown[] = Array.isArray(argument) ? argument.flat() : [argument];
  const failed = cells.map((cell) => inputErrorOf(cell, 'a cell')).find((error) => error !== null);
  if (failed) throw new InputError('options', `options: ${failed.message}`);
  if (!Array.isArray(argument)) return textPairs(String(argument));
  const rows = argument.filter((row) =>
    row.some((cell) => cell !== null && cell !== undefined && cell !== ''),
  );
  if (rows.length === 0) return [];
  const first = rows[0]!;
  if (rows.length === 1 && first.length === 1) return textPairs(String(first[0] ?? ''));
  if (first.length !== 2) {
    throw new InputError('options', `options: give text like "${example}" or a 2-column range`);
  }
  return rows.map(([name, value]) => [String(name ?? ''), value]);
}

const YES = ['', 'yes', 'true', '1'];
const NO = ['no', 'false', '0'];

/**
 * A switch option: a name alone, `yes`/`true`/`1` (`是`) → true; `no`/`false`/`0` (`否`) → false. With
 * `on/off`, `on` and `off` count too, and the error says so.
 */
export function yesNoOption(option: WrittenOption, words: 'yes/no' | 'on/off' = 'yes/no'): boolean {
  const value = String(option.value ?? '')
    .trim()
    .toLowerCase();
  if (YES.includes(value) || (words === 'on/off' && value === 'on')) return true;
  if (NO.includes(value) || (words === 'on/off' && value === 'off')) return false;
  throw InputError.option(option.written, `"${option.value}" is not ${words}`);
}

/**
 * The add-in's own `rich` option, in every family: `rich`, `rich=on`, `rich=yes` → true; `rich=off`, `no`, `0`,
 * `false` → false; absent → true. `rich=off` gives plain values where the host could show pictures and cards.
 */
export function richOption(option: WrittenOption | undefined): boolean {
  return option ? yesNoOption(option, 'on/off') : true;
}
