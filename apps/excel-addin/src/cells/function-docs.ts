import { InputError } from './input-error.js';
import type { Row } from './rows.js';

// What each Excel function accepts — its arguments, the columns it can show and its options, each with a short
// description — as ONE entry per function. The entries are made by the families from the very tables their
// functions run on (the column tables and the option-name tables), so =FIELDS, the pane's field list and the
// formula builder cannot describe a column or option the function does not have. app/function-catalog.ts
// collects one entry per function; a new family (landed/, supplier/, history/…) adds its entries there.

export interface FieldDoc {
  name: string;
  description: string;
}

export interface FunctionDoc {
  /** The function's name in Excel, without the namespace: `OFFERS`. */
  name: string;
  /** `OFFERS(links, [fields], [options])`. */
  syntax: string;
  summary: string;
  /** The function's section in the add-in README (the metadata's `@helpurl` points there). */
  helpAnchor: string;
  /** In the order Excel takes them; optional ones are `[name]` in `syntax`. */
  arguments: readonly FieldDoc[];
  /** What the function spills, or the names its `fields` argument takes (OFFER, OFFERS). */
  columns: readonly FieldDoc[];
  /** The names its `options` argument takes. */
  options: readonly FieldDoc[];
}

/** `fields` of a function, from its column table: every column must say what it holds. */
export function fieldDocs<T>(
  columns: readonly T[],
  name: (column: T) => string,
  description: (column: T) => string,
): FieldDoc[] {
  return columns.map((column) => ({ name: name(column), description: description(column) }));
}

/** Option names and descriptions, in the order of the (typed, complete) description table. */
export function optionDocs(descriptions: Readonly<Record<string, string>>): FieldDoc[] {
  return Object.entries(descriptions).map(([name, description]) => ({ name, description }));
}

export const FIELDS_HEADER: Row = ['kind', 'name', 'description'];

/** `=YUANTOU.OFFERS(`, `offers`, ` Offers() ` → `OFFERS`: however a buyer writes the function's name. */
export function functionKey(written: string): string {
  return written.trim().replace(/^=/, '').replace(/\(.*$/, '').replace(/^.*\./, '').trim().toUpperCase();
}

/**
 * What `=FIELDS(name)` spills: a header, then the function's arguments, columns and options (kind, name,
 * description). Without a name: every function (its syntax and summary). An unknown name lists the known.
 */
export function fieldsRows(catalog: readonly FunctionDoc[], written?: string | null): Row[] {
  const key = functionKey(String(written ?? ''));
  if (key === '') {
    return [FIELDS_HEADER, ...catalog.map((f): Row => ['function', f.syntax, f.summary])];
  }
  const doc = catalog.find((f) => f.name === key);
  if (!doc) {
    throw new InputError(
      'argument',
      `function: unknown "${written}" (use ${catalog.map((f) => f.name).join(', ')})`,
    );
  }
  const rows = (kind: string, docs: readonly FieldDoc[]) =>
    docs.map((d): Row => [kind, d.name, d.description]);
  return [
    FIELDS_HEADER,
    ...rows('argument', doc.arguments),
    ...rows('column', doc.columns),
    ...rows('option', doc.options),
  ];
}
