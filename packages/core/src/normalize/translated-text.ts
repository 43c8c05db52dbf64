import type { Language } from '../models/query.js';

// Providers hand back "translations" that are not: the official platform answers an unknown language code with
// `subjectTrans === subject` ("an unknown code succeeds silently", measured), some products have no translation
// at all, and engines leave Chinese in place. A translated column must never show Chinese text to a buyer who
// asked for another language, so such values are dropped here rather than displayed.

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The provider's translation when it is one, else null: empty, identical to the original, or still Chinese
 * (for Japanese, Han characters without any kana) when the requested language is not Chinese.
 */
export function trustedTranslation(
  original: string,
  translated: string | null | undefined,
  language: Language | undefined,
): string | null {
  const text = translated?.trim();
  if (!text || text === original.trim()) return null;
  if (language === 'zh') return text;
  if (language === 'ja') return HAN.test(text) && !KANA.test(text) ? null : text;
  return HAN.test(text) ? null : text;
}
