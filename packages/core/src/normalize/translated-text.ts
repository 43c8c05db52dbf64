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
  language: Language | (string & {}) | undefined,
): string | null {
  const text = translated?.trim();
  if (!text || text === original.trim()) return null;
  if (language === 'zh') return text;
  return stillChinese(text, language) ? null : text;
}

/** Chinese text where `language` was asked: Han characters (for Japanese, Han without any kana). */
function stillChinese(text: string, language: string | undefined): boolean {
  if (language === 'ja') return HAN.test(text) && !KANA.test(text);
  return HAN.test(text);
}

/**
 * One text a provider returned in the requested `language` only (TMAPI's detail: "There is no original-title
 * field"), split into the original and the translation: Chinese text is the original (`zh` asked, or the
 * provider left it untranslated), anything else is the translation. `language` undefined means the request is
 * not known, so only the script decides.
 */
export function originalOrTranslation(
  text: string | null,
  language: string | undefined,
): { original: string | null; translated: string | null } {
  const trimmed = text?.trim();
  if (!trimmed) return { original: null, translated: null };
  if (language === 'zh' || stillChinese(trimmed, language)) return { original: trimmed, translated: null };
  return { original: null, translated: trimmed };
}
