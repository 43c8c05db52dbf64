import { describe, expect, it } from 'vitest';
import type { KeywordTranslation, KeywordTranslator } from '../language/keyword-translator.js';
import { planKeyword } from './localize.js';

// Which provider gets the typed keyword and which the translation is each adapter's `translatesKeyword`: the
// official platform translates a non-Chinese keyword itself (`keywordTranslate`), every other provider is sent
// the Chinese translation. Sending the wrong one searches 1688 for a word it does not index.

function countingTranslator(): KeywordTranslator & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async translate(keyword): Promise<KeywordTranslation> {
      calls.push(keyword);
      return { typed: keyword, searchedAs: '玩具', method: 'glossary', untranslated: [] };
    },
  };
}

describe('planKeyword', () => {
  it('sends the typed keyword to the official platform and the translation to the others', async () => {
    const translator = countingTranslator();
    const plan = await planKeyword(translator, 'toy', ['alibaba', 'tmapi', 'dajisaas', 'pandapon']);
    expect(plan.keywordFor('alibaba')).toBe('toy');
    expect(plan.keywordFor('tmapi')).toBe('玩具');
    expect(plan.keywordFor('dajisaas')).toBe('玩具');
    expect(plan.keywordFor('pandapon')).toBe('玩具');
    expect(plan.translation?.providers).toEqual(['tmapi', 'dajisaas', 'pandapon']);
    expect(translator.calls).toEqual(['toy']);
  });

  it('does not translate at all when every provider asked translates keywords itself', async () => {
    const translator = countingTranslator();
    const plan = await planKeyword(translator, 'toy', ['alibaba']);
    expect(plan.keywordFor('alibaba')).toBe('toy');
    expect(plan.translation).toBeUndefined();
    expect(translator.calls).toEqual([]);
  });
});
