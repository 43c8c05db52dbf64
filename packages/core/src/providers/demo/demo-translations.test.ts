import { describe, expect, it } from 'vitest';
import { ProductQuery, SupplierQuery } from '../../models/query.js';
import { demoAdapter } from './demo-adapter.js';
import { DEMO_CATEGORIES } from './demo-catalog.js';
import { demoDataset } from './demo-data.js';
import { englishDemoTitle } from './demo-translations.js';

const HAN = /\p{Script=Han}/u;

async function products(query: object) {
  const op = demoAdapter.searchProducts;
  const request = op.buildRequest(ProductQuery.parse(query), {});
  return { ignored: request.ignored, page: op.parseResponse(demoAdapter.respond(request)) };
}

describe('demo catalogue in English', () => {
  it('translates a title from its parts', () => {
    expect(englishDemoTitle('儿童毛绒玩具 礼盒装')).toBe("children's plush toy, gift-boxed");
    expect(englishDemoTitle('法式真丝连衣裙 显瘦')).toBe('French-style silk dress, slimming');
    expect(englishDemoTitle('未知商品 新款')).toBeNull();
  });

  it('has English, free of Chinese, for every product title in the bundled data', () => {
    const titles = demoDataset().products.map((r) => r.product.title);
    const missing = titles.filter((t) => englishDemoTitle(t) === null);
    expect(missing).toEqual([]);
    for (const title of titles) expect(englishDemoTitle(title), title).not.toMatch(HAN);
    // Every selling point of the catalogue is reachable, not only those the seed happened to draw.
    for (const category of DEMO_CATEGORIES) {
      for (const point of category.titleWords) {
        const product = category.products[0]!.zh;
        expect(englishDemoTitle(`${point}${product} ${point}`), point).not.toBeNull();
      }
    }
  });

  it('answers language=en with the original title and its English translation', async () => {
    const { ignored, page } = await products({ keyword: '玩具', language: 'en', pageSize: 50 });
    expect(ignored).toEqual([]);
    expect(page.items.length).toBeGreaterThan(5);
    for (const item of page.items) {
      expect(item.title).toMatch(HAN);
      expect(item.titleTranslated).toBe(englishDemoTitle(item.title));
    }
  });

  it('reports languages it has no bundle for, and supplier names as untranslated', async () => {
    expect((await products({ keyword: '玩具', language: 'ja' })).ignored).toEqual(['language']);
    const suppliers = demoAdapter.searchSuppliers.buildRequest(
      SupplierQuery.parse({ keyword: '玩具', language: 'en' }),
      {},
    );
    expect(suppliers.ignored).toEqual(['language']);
  });
});
