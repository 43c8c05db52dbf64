import { LRUCache } from 'lru-cache';
import { createSingleFlight } from '../upstream/single-flight.js';
import { translateWithGlossary } from './glossary-translator.js';
import type { LibreTranslateClient } from './libretranslate-client.js';

/** How a keyword became the text sent to providers that search in Chinese only. */
export type TranslationMethod =
  /** Already Chinese: searched as typed. */
  | 'none'
  /** Translated by the configured LibreTranslate server. */
  | 'machine'
  /** Translated word by word with the bundled glossary (some words may be left as typed). */
  | 'glossary'
  /** Nothing could be translated: searched as typed. */
  | 'untranslated';

export interface KeywordTranslation {
  /** The keyword as the buyer typed it. */
  typed: string;
  /** What providers that need Chinese are asked for, e.g. `玩具厂`. */
  searchedAs: string;
  method: TranslationMethod;
  /** Words left as typed (glossary only). */
  untranslated: string[];
  /** A sentence for the buyer when the search is not a full translation (or the server failed). */
  note?: string;
}

export interface KeywordTranslator {
  translate(keyword: string, signal?: AbortSignal): Promise<KeywordTranslation>;
}

export interface KeywordTranslatorOptions {
  /** The machine-translation server; without it only the glossary is used. */
  machine?: LibreTranslateClient;
  /** How long a machine translation is reused (ms); a day by default in config. */
  ttlMs: number;
  /** How long a glossary fallback after a server failure is reused before the server is asked again (ms). */
  failureTtlMs?: number;
  maxEntries?: number;
  /** Called when the server fails; the keyword is then translated with the glossary. */
  onMachineError?: (error: unknown) => void;
}

const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;

/** Chinese already, or nothing to translate (a model number): search as typed. */
export function needsTranslation(keyword: string): boolean {
  return !HAN.test(keyword) && LETTER.test(keyword);
}

function fromGlossary(typed: string, failure?: string): KeywordTranslation {
  const result = translateWithGlossary(typed);
  const prefix = failure ? `${failure}; ` : '';
  if (result.translatedWords === 0) {
    return {
      typed,
      searchedAs: typed,
      method: 'untranslated',
      untranslated: result.unknown,
      note: `${prefix}no translation found for "${typed}": searched as typed`,
    };
  }
  return {
    typed,
    searchedAs: result.text,
    method: 'glossary',
    untranslated: result.unknown,
    note:
      result.unknown.length > 0
        ? `${prefix}translated with the built-in glossary; kept as typed: ${result.unknown.join(', ')}`
        : failure
          ? `${prefix}translated with the built-in glossary`
          : undefined,
  };
}

/**
 * Turns a non-Chinese keyword into Chinese before it reaches providers that search in Chinese only. With a
 * LibreTranslate server, each distinct keyword is translated once per `ttlMs` (concurrent identical requests
 * share one call); without one, or when it fails, the bundled glossary translates word by word.
 */
export function createKeywordTranslator(options: KeywordTranslatorOptions): KeywordTranslator {
  const { machine } = options;
  const cache = new LRUCache<string, KeywordTranslation>({ max: options.maxEntries ?? 10_000 });
  const flights = createSingleFlight();
  const failureTtlMs = options.failureTtlMs ?? 60_000;

  async function viaMachine(typed: string, key: string, signal: AbortSignal): Promise<KeywordTranslation> {
    try {
      const result = await machine!.translate(typed, signal);
      const usable = result.text !== '' && result.text.toLowerCase() !== typed.toLowerCase();
      const translation: KeywordTranslation = usable
        ? { typed, searchedAs: result.text, method: 'machine', untranslated: [] }
        : fromGlossary(typed, 'the translation server returned the keyword unchanged');
      cache.set(key, translation, { ttl: options.ttlMs });
      return translation;
    } catch (error) {
      signal.throwIfAborted();
      options.onMachineError?.(error);
      // Remember the fallback briefly so a burst of searches does not hammer a server that is down.
      const fallback = fromGlossary(typed, (error as Error).message);
      cache.set(key, fallback, { ttl: failureTtlMs });
      return fallback;
    }
  }

  return {
    async translate(keyword, signal) {
      const typed = keyword.trim();
      if (!needsTranslation(typed)) return { typed, searchedAs: typed, method: 'none', untranslated: [] };
      if (!machine) return fromGlossary(typed);
      const key = typed.toLowerCase().replace(/\s+/g, ' ');
      const cached = cache.get(key);
      if (cached) return { ...cached, typed };
      const shared = await flights.run(key, (flightSignal) => viaMachine(typed, key, flightSignal), {
        signal,
      });
      return { ...shared, typed };
    },
  };
}
