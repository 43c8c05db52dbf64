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
