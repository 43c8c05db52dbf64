import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../test/fakes/fake-server.js';
import {
  LIBRETRANSLATE_FAKE_KEY,
  LIBRETRANSLATE_PATH,
  startLibreTranslateFake,
} from '../../test/fakes/libretranslate-fake.js';
import { createKeywordTranslator, needsTranslation } from './keyword-translator.js';
import { createLibreTranslateClient } from './libretranslate-client.js';

describe('needsTranslation', () => {
  it('leaves Chinese and letterless keywords alone', () => {
    expect(needsTranslation('玩具厂')).toBe(false);
    expect(needsTranslation('LED 灯')).toBe(false);
    expect(needsTranslation('12345')).toBe(false);
    expect(needsTranslation('toy factory')).toBe(true);
    expect(needsTranslation('игрушки')).toBe(true);
  });
});

describe('keyword translator without a server (glossary)', () => {
  const translator = createKeywordTranslator({ ttlMs: 60_000 });

  it('says what was searched', async () => {
    expect(await translator.translate('toy factory')).toEqual({
      typed: 'toy factory',
      searchedAs: '玩具厂',
      method: 'glossary',
      untranslated: [],
    });
  });

  it('searches an untranslatable keyword as typed and says so', async () => {
    const result = await translator.translate('zyxxy');
    expect(result.searchedAs).toBe('zyxxy');
    expect(result.method).toBe('untranslated');
    expect(result.note).toContain('searched as typed');
  });

  it('names the words it kept as typed', async () => {
    const result = await translator.translate('anker power bank');
    expect(result.searchedAs).toBe('anker 充电宝');
    expect(result.note).toContain('anker');
  });

  it('passes Chinese through untouched', async () => {
    expect(await translator.translate(' 玩具厂 ')).toMatchObject({ searchedAs: '玩具厂', method: 'none' });
  });
});

describe('keyword translator with LibreTranslate', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startLibreTranslateFake({ requireKey: true });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const make = (apiKey = LIBRETRANSLATE_FAKE_KEY, errors: unknown[] = []) =>
    createKeywordTranslator({
      machine: createLibreTranslateClient({ url: fake.url, apiKey, target: 'zh', timeoutMs: 2_000 }),
      ttlMs: 86_400_000,
      onMachineError: (error) => errors.push(error),
    });

  it('sends the documented request and uses the translation', async () => {
    const result = await make().translate('Silk Dress');
    expect(result).toEqual({
      typed: 'Silk Dress',
      searchedAs: '真丝连衣裙',
      method: 'machine',
      untranslated: [],
    });
    const sent = JSON.parse(fake.calls.last(LIBRETRANSLATE_PATH)!.body);
    expect(sent).toEqual({
      q: 'Silk Dress',
      source: 'auto',
      target: 'zh',
      format: 'text',
      api_key: LIBRETRANSLATE_FAKE_KEY,
    });
  });

  it('translates each keyword once per day and coalesces concurrent requests', async () => {
    const translator = make();
    const burst = await Promise.all(Array.from({ length: 8 }, () => translator.translate('toy factory')));
    expect(new Set(burst.map((r) => r.searchedAs))).toEqual(new Set(['玩具工厂']));
    await translator.translate('TOY  factory');
    expect(fake.calls.count(LIBRETRANSLATE_PATH)).toBe(1);
    await translator.translate('plush toy');
    expect(fake.calls.count(LIBRETRANSLATE_PATH)).toBe(2);
  });

  it('never calls the server for a Chinese keyword', async () => {
    await make().translate('玩具厂');
    expect(fake.calls.count()).toBe(0);
  });

  it('falls back to the glossary when the server refuses, without leaking the key', async () => {
    const errors: unknown[] = [];
    const result = await make('wrong-key-123456', errors).translate('toy factory');
    expect(result).toMatchObject({ searchedAs: '玩具厂', method: 'glossary' });
    expect(result.note).toContain('translation server refused');
    expect(JSON.stringify(result)).not.toContain('wrong-key-123456');
    expect(errors).toHaveLength(1);
  });

  it('falls back on 429 and 5xx and remembers the failure briefly', async () => {
    const translator = make();
    fake.setMode({ kind: 'error', code: 'slowdown' });
    const first = await translator.translate('phone case');
    expect(first).toMatchObject({ searchedAs: '手机壳', method: 'glossary' });
    expect(first.note).toContain('Slowdown');
    await translator.translate('phone case');
    expect(fake.calls.count(LIBRETRANSLATE_PATH)).toBe(1);

    fake.setMode({ kind: 'error', code: 'serverError' });
    expect(await translator.translate('zyxxy')).toMatchObject({
      searchedAs: 'zyxxy',
      method: 'untranslated',
    });
  });

  it('falls back when the server is too slow or sends garbage', async () => {
    const slow = createKeywordTranslator({
      machine: createLibreTranslateClient({
        url: fake.url,
        apiKey: LIBRETRANSLATE_FAKE_KEY,
        target: 'zh',
        timeoutMs: 100,
      }),
      ttlMs: 1_000,
    });
    fake.behave({ kind: 'delay', ms: 1_000 });
    const late = await slow.translate('silk dress');
    expect(late.method).toBe('glossary');
    expect(late.note).toContain('did not answer within 100 ms');

    fake.behave({ kind: 'html', status: 200 });
    expect((await make().translate('toy')).note).toContain('unexpected body');
  });

  it('treats an unchanged answer as no translation', async () => {
    const result = await make().translate('zyxxy');
    expect(result).toMatchObject({ searchedAs: 'zyxxy', method: 'untranslated' });
    expect(result.note).toContain('returned the keyword unchanged');
  });
});
