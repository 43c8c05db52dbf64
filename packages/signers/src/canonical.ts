import type { Params, ParamValue } from './types.js';

/** `true`/`false` and plain decimal numbers, as they appear on the wire; empty values yield `undefined`. */
export function paramToString(value: ParamValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`cannot sign a non-finite number (${value})`);
  }
  return String(value);
}

/** The parameters that carry a value, as `[key, text]` pairs, minus the excluded keys. */
export function presentEntries(params: Params, exclude: readonly string[] = []): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(params)) {
    if (exclude.includes(key)) continue;
    const text = paramToString(value);
    if (text !== undefined) entries.push([key, text]);
  }
  return entries;
}

/**
 * Orders strings by UTF-16 code units, as Java's `String.compareTo` and Python's sort agree on for every
 * character outside the astral planes. Locale-aware sorting would break signatures.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortByKey(entries: Array<[string, string]>): Array<[string, string]> {
  return [...entries].sort(([a], [b]) => compareCodeUnits(a, b));
}
