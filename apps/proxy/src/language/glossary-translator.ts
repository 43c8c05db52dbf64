import { BRAND_WORDS, GLOSSARY, LONGEST_PHRASE_WORDS } from './glossary-terms.js';

export interface GlossaryResult {
  /** The keyword with every known phrase replaced by its Chinese term; unknown words kept as typed. */
  text: string;
  /** Words the glossary does not know, as typed (lower case); brand names are known and kept as typed. */
  unknown: string[];
  /** How many words the glossary translated. */
  translatedWords: number;
}

/** Regular English plurals, tried when the word itself is not in the glossary: boxes → box, toys → toy. */
function singulars(word: string): string[] {
  const forms: string[] = [];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (/(s|x|z|ch|sh)es$/.test(word)) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  return forms;
}

function lookup(phrase: string): string | undefined {
  const direct = GLOSSARY.get(phrase);
  if (direct !== undefined) return direct;
  const words = phrase.split(' ');
  const last = words.pop()!;
  for (const form of singulars(last)) {
    const hit = GLOSSARY.get([...words, form].join(' '));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * Word-by-word translation with our bundled glossary: at each position the longest known phrase wins
 * (`silk dress factory` → 真丝连衣裙 + 厂). Chinese terms are joined without spaces, as 1688 keywords are
 * written (玩具厂); an unknown word (a brand, a model number) stays as typed, separated by spaces.
 */
export function translateWithGlossary(keyword: string): GlossaryResult {
  const words = keyword
    .toLowerCase()
    .replace(/[-_/]+/g, ' ')
    .replace(/[^\p{L}\p{N}\s.+#]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const pieces: { text: string; known: boolean }[] = [];
  const unknown: string[] = [];
  let translatedWords = 0;
  for (let i = 0; i < words.length; ) {
    let matched = false;
    for (let n = Math.min(LONGEST_PHRASE_WORDS, words.length - i); n >= 1; n--) {
      const chinese = lookup(words.slice(i, i + n).join(' '));
      if (chinese === undefined) continue;
      pieces.push({ text: chinese, known: true });
      translatedWords += n;
      i += n;
      matched = true;
      break;
    }
    if (!matched && BRAND_WORDS.has(words[i]!)) {
      // A brand is searched as typed on purpose (sellers list `LEGO`, `iPhone` in Latin letters): known, kept.
      pieces.push({ text: words[i]!, known: true });
      translatedWords++;
      i++;
      continue;
    }
    if (!matched) {
      pieces.push({ text: words[i]!, known: false });
      unknown.push(words[i]!);
      i++;
    }
  }
  let text = '';
  pieces.forEach((piece, index) => {
    const previous = pieces[index - 1];
    if (previous && (!piece.known || !previous.known)) text += ' ';
    text += piece.text;
  });
  return { text, unknown, translatedWords };
}
