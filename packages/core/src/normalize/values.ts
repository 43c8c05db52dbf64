// Providers send numbers as strings, `"NULL"` for unknown, and empty strings for missing values. These turn
// whatever arrived into a value or `null`, never throwing: a bad field must not cost the whole item.

const NULL_WORDS = new Set(['', 'null', 'none', 'nil', 'undefined', 'n/a', '-', '--']);

export function toText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return NULL_WORDS.has(text.toLowerCase()) || text.includes('\uFFFD') ? null : text;
}

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = toText(value);
  if (text === null) return null;
  const cleaned = text.replace(/[,，\s¥￥]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

export function toNonNegative(value: unknown): number | null {
  const n = toNumber(value);
  return n === null || n < 0 ? null : n;
}

export function toInteger(value: unknown): number | null {
  const n = toNonNegative(value);
  return n === null ? null : Math.round(n);
}

export function toBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  const text = toText(value)?.toLowerCase();
  if (text === undefined || text === null) return null;
  if (['true', '1', 'yes', 'y', '是'].includes(text)) return true;
  if (['false', '0', 'no', 'n', '否'].includes(text)) return false;
  return null;
}

/**
 * A rate as a fraction 0–1 from `"0.3"`, `0.015`, `"5%"`, or a bare percentage such as `41` (values above 1
 * are read as percent). Anything outside 0–100 % is unknown.
 */
export function toRate(value: unknown): number | null {
  const text = typeof value === 'string' ? value.trim() : value;
  const isPercent = typeof text === 'string' && text.endsWith('%');
  const n = toNumber(isPercent ? (text as string).slice(0, -1) : text);
  if (n === null || n < 0) return null;
  const fraction = isPercent || n > 1 ? n / 100 : n;
  return fraction <= 1 ? Math.round(fraction * 10000) / 10000 : null;
}

/** A list of non-empty strings from an array or a string split on `;`, `,`, `、`, `，` or `/`. */
export function toTextList(value: unknown): string[] {
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[;；,，、]/) : [];
  return parts.map(toText).filter((s): s is string => s !== null);
}

/** `value` when it is a plain object, else `{}`, so parsers can read fields of anything safely. */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
