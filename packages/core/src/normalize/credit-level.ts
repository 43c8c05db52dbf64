import { CREDIT_LEVELS, type CreditLevel } from '../models/supplier.js';

/**
 * `AAA`, `aa`, `4A`/`3A` (digit spellings seen on the official platform), and tags such as `AA诚信等级`
 * → a {@link CreditLevel}; anything else → `null`.
 */
export function normalizeCreditLevel(value: unknown): CreditLevel | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim().toUpperCase();
  const digits = /^([1-5])\s*A/.exec(text);
  const letters = digits ? 'A'.repeat(Number(digits[1])) : /^(A{1,5}|B|C)(?![A-Z])/.exec(text)?.[1];
  return letters && (CREDIT_LEVELS as readonly string[]).includes(letters) ? (letters as CreditLevel) : null;
}

/** The first credit level found in tags like `AA诚信等级`. */
export function creditLevelFromTags(tags: readonly string[]): CreditLevel | null {
  for (const tag of tags) {
    if (!tag.includes('诚信')) continue;
    const level = normalizeCreditLevel(tag);
    if (level) return level;
  }
  return null;
}

/**
 * Onebound's `credit_score`, "信用评分(0-100)" (seed 001 §5.3): a number or numeric string in 0–100, else `null`
 * (out-of-range values are not clamped: they mean the field is something else).
 */
export function normalizeCreditScore(value: unknown): number | null {
  const text = typeof value === 'number' ? value : typeof value === 'string' ? value.trim() : Number.NaN;
  const score = text === '' ? Number.NaN : Number(text);
  return Number.isFinite(score) && score >= 0 && score <= 100 ? score : null;
}

/**
 * The trade medal `transaction_level` (seed 001 §7.2: `lv.1` 新手商家 … `lv.5` 顶级商家) as 1–5; `lv4`, `LV.4`,
 * `4` are read too, anything else is `null`.
 */
export function normalizeTradeLevel(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const match = /^(?:lv\.?\s*)?([1-5])$/i.exec(String(value).trim());
  return match ? Number(match[1]) : null;
}
