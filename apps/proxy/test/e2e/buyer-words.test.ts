import { ProductSearchResponse, SupplierSearchResponse } from '@yuantou/core';
import type { FakeServer } from '@yuantou/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibreTranslateFake } from '../fakes/libretranslate-fake.js';
import { useTestApp } from '../support/test-app.js';

// Issue 21: a search in the buyer's words ranks exactly like the Chinese it was searched as. Before the fix,
// `plush toys` was searched as 毛绒玩具 but scored against the English, so every factory was "likely not what
// you asked for" (scores 18–26 against 24–82 for 毛绒玩具).

const start = useTestApp();
const q = (text: string) => encodeURIComponent(text);
type Ranked = { id: string; score: number; flags: { flag: string }[] };
const view = (items: Ranked[]) =>
  items.map((i) => ({ id: i.id, score: i.score, flags: i.flags.map((f) => f.flag) }));

async function both(
  current: Awaited<ReturnType<typeof start>>,
  route: string,
  typed: string,
  chinese: string,
) {
  const get = async (keyword: string) => {
    const response = await current.inject(`${route}?q=${q(keyword)}&pageSize=20`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  return { typed: await get(typed), chinese: await get(chinese) };
}

describe('an English search (glossary) ranks like its Chinese equivalent', () => {
  it('suppliers: same results, scores and flags for `plush toys` and 毛绒玩具', async () => {
    const current = await start();
    const { typed, chinese } = await both(current, '/v1/suppliers', 'plush toys', '毛绒玩具');
    const english = SupplierSearchResponse.parse(typed);
    const reference = SupplierSearchResponse.parse(chinese);
    expect(english.searchedAs).toBe('毛绒玩具');
    expect(english.items.length).toBeGreaterThan(0);
    expect(view(english.items)).toEqual(view(reference.items));
    expect(english.items[0]!.flags.map((f) => f.flag)).not.toContain('offTopic');
    expect(english.translation?.paths).toEqual([{ provider: 'demo', path: 'glossary', keyword: '毛绒玩具' }]);
  });

  it('products: same results, scores and flags for `building blocks` and 积木', async () => {
    const current = await start();
    const { typed, chinese } = await both(current, '/v1/products', 'building blocks', '积木');
    const english = ProductSearchResponse.parse(typed);
    expect(english.searchedAs).toBe('积木');
    expect(view(english.items)).toEqual(view(ProductSearchResponse.parse(chinese).items));
  });
});

describe('a German search through a configured LibreTranslate ranks like its Chinese equivalent', () => {
  let libre: FakeServer;
  beforeAll(async () => {
    libre = await startLibreTranslateFake();
  });
  afterAll(async () => {
    await libre.close();
  });

  it('`Plüschtiere` searched as 毛绒玩具 by the server: same suppliers, scores and flags', async () => {
    const current = await start({ YUANTOU_TRANSLATE_URL: libre.url });
    const { typed, chinese } = await both(current, '/v1/suppliers', 'Plüschtiere', '毛绒玩具');
    const german = SupplierSearchResponse.parse(typed);
    expect(german.translation).toMatchObject({ method: 'machine', searchedAs: '毛绒玩具', untranslated: [] });
    expect(german.translation?.paths).toEqual([{ provider: 'demo', path: 'machine', keyword: '毛绒玩具' }]);
    expect(view(german.items)).toEqual(view(SupplierSearchResponse.parse(chinese).items));
  });
});

describe('words the glossary could not translate', () => {
  it('are named in the answer', async () => {
    const current = await start();
    const body = ProductSearchResponse.parse(
      (await current.inject(`/v1/products?q=${q('zorbly plush toys')}`)).json(),
    );
    expect(body.translation).toMatchObject({ method: 'glossary', untranslated: ['zorbly'] });
    expect(body.translation?.note).toContain('zorbly');
  });
});
