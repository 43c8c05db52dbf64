import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEndlessServer } from '../../test/fakes/endless-body.js';
import {
  LIBRETRANSLATE_PATH,
  type LibreTranslateFake,
  startLibreTranslateFake,
} from '../../test/fakes/libretranslate-fake.js';
import { createKeywordTranslator } from './keyword-translator.js';
import { createLibreTranslateClient } from './libretranslate-client.js';

// Issue 23: the translator is an upstream too. Its answer becomes the paid keyword, so it is held to the rules
// of a client's keyword (no control characters, at most 200 characters); an endless answer fails the call, not
// the process. Either way the keyword falls back to the bundled glossary.

describe('a hostile translation server', () => {
  let fake: LibreTranslateFake;
  beforeAll(async () => {
    fake = await startLibreTranslateFake();
  });
  afterAll(() => fake.close());

  const translator = () =>
    createKeywordTranslator({
      ttlMs: 60_000,
      machine: createLibreTranslateClient({ url: fake.url, target: 'zh', timeoutMs: 2_000 }),
    });

  it.each([
    ['a control character', '玩具\u0000厂'],
    ['an escape sequence', '玩具\u001b[31m厂'],
    ['201 characters', '玩'.repeat(201)],
    ['100,000 characters', '具'.repeat(100_000)],
    ['only spaces', '   '],
  ])('an answer with %s is not searched: the glossary translates instead', async (_name, answer) => {
    fake.answerWith(answer);
    const before = fake.calls.count(LIBRETRANSLATE_PATH);
    const result = await translator().translate('toy factory');
    expect(fake.calls.count(LIBRETRANSLATE_PATH)).toBe(before + 1);
    expect(result).toMatchObject({ searchedAs: '玩具厂', method: 'glossary' });
    // 100,000 characters are 300 kB of UTF-8: past the body cap before they are ever read as a keyword.
    expect(result.note).toMatch(/unusable keyword|more than \d+ bytes/);
  });

  it('a sane answer is used as the keyword', async () => {
    fake.answerWith('毛绒玩具');
    expect(await translator().translate('plush toy')).toMatchObject({
      searchedAs: '毛绒玩具',
      method: 'machine',
    });
    fake.answerWith(undefined);
  });

  it('an endless answer fails the call, not the process (RSS measured)', async () => {
    const endless = await startEndlessServer();
    try {
      const before = process.memoryUsage().rss;
      const result = await createKeywordTranslator({
        ttlMs: 60_000,
        machine: createLibreTranslateClient({ url: endless.url, target: 'zh', timeoutMs: 10_000 }),
      }).translate('toy factory');
      expect(result).toMatchObject({ method: 'glossary' });
      expect(result.note).toContain('more than');
      expect((process.memoryUsage().rss - before) / 1024 / 1024).toBeLessThan(64);
    } finally {
      await endless.close();
    }
  });
});
