import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Offer } from '../../models/offer.js';
import { priceAt } from '../../offers/price-at.js';
import {
  awkwardValue,
  expectPageOrProviderError,
  mutatedItem,
  providerErrorFrom,
  responseBodies,
} from '../../testing/parser-fuzzing.js';
import built from './__fixtures__/tmapi-offer-built-2024.json' with { type: 'json' };
import docs from './__fixtures__/tmapi-offer-docs.json' with { type: 'json' };
import english from './__fixtures__/tmapi-offer-en-built.json' with { type: 'json' };
import { tmapiAdapter } from './tmapi-adapter.js';

// Fixtures: `tmapi-offer-docs.json` is TMAPI's published example (docs), `tmapi-offer-built-2024.json` is BUILT
// in the layout of the recorded 2024 body (numbers as strings, `props_names` values only, `product_url` "").

const credentials = { apiToken: 'tok-123' };
const ok = (body: unknown) => ({ status: 200, body: JSON.stringify(body) });
const parse = (body: unknown) => tmapiAdapter.getOffer.parseResponse(ok(body));

describe('tmapi getOffer.buildRequest', () => {
  it('calls GET /1688/item_detail with item_id, and language only when asked for', () => {
    expect(tmapiAdapter.getOffer.buildRequest({ id: '859086919394' }, credentials)).toEqual({
      method: 'GET',
      url: 'https://api.tmapi.io/1688/item_detail?apiToken=tok-123&item_id=859086919394',
      headers: { accept: 'application/json' },
      ignored: [],
    });
    const en = tmapiAdapter.getOffer.buildRequest(
      { id: '859086919394', language: 'en' },
      { ...credentials, baseUrl: 'http://api.tmapi.top/' },
    );
    expect(en.url).toBe(
      'http://api.tmapi.top/1688/item_detail?apiToken=tok-123&item_id=859086919394&language=en',
    );
  });
});

describe('tmapi getOffer.parseResponse', () => {
  it('reads the docs example: tiers, MOQ, SKUs named from sku_props, seller, mixed batch', () => {
    const offer = parse(docs);
    expect(Offer.parse(offer)).toEqual(offer);
    expect(offer).toMatchObject({
      provider: 'tmapi',
      id: '859086919394',
      url: 'https://detail.1688.com/offer/859086919394.html',
      title: '跨境速卖通女式长款睡衣家居服豹纹款开衫法式浴袍长袖秋冬睡袍',
      titleTranslated: null,
      priceTiers: [
        { minQuantity: 1, price: 29.89 },
        { minQuantity: 100, price: 27.6 },
        { minQuantity: 300, price: 25.9 },
      ],
      priceMin: 25.9,
      priceMax: 29.89,
      moq: 1,
      unit: '件',
      stock: 44732,
      soldCount: 175,
      shipsFrom: { province: '江苏', city: '连云港' },
      mixedBatch: { supported: true, minAmount: 10000, minQuantity: 1000 },
      supplier: {
        provider: 'tmapi',
        id: 'b2b-22146365959302bc20',
        name: '灌云县伊山镇春霞服装厂',
        nick: '灌云县伊山镇春霞服装厂',
      },
      sellerOpenId: null,
    });
    expect(offer.images).toHaveLength(8);
    expect(offer.skus[0]).toEqual({
      id: '5674557541674',
      attributes: [
        { name: '颜色', value: '白色豹纹' },
        { name: '尺码', value: 'L' },
      ],
      price: 29.89,
      stock: 4975,
      imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01zTDmhr1tfzgairTNV_!!2214636595930-0-cib.jpg',
      weightKg: 0.12,
    });
    // `delivery_info.unit_weight` is 0 (not given): the weight both SKUs share stands in.
    expect(offer.weightKg).toBe(0.12);
    // Package sides of 0 are "not measured".
    expect(offer.sizeCm).toBeNull();
  });

  it('reads the 2024 layout: numbers as strings, SKU names rebuilt from props_ids, empty product_url', () => {
    const offer = parse(built);
    expect(offer).toMatchObject({
      id: '706627393257',
      url: 'https://detail.1688.com/offer/706627393257.html',
      moq: 2,
      stock: 872,
      soldCount: 2031,
      weightKg: 0.25,
      priceTiers: [{ minQuantity: 2, price: 16.5 }],
      shipsFrom: { province: '广东', city: '揭阳' },
      mixedBatch: null,
    });
    expect(offer.skus.map((s) => s.attributes)).toEqual([
      [
        { name: '颜色', value: '肤色' },
        { name: '尺码', value: 'M 【建议96-115斤】' },
      ],
      [
        { name: '颜色', value: '黑色' },
        { name: '尺码', value: 'L 【建议116-130斤】' },
      ],
    ]);
    expect(offer.skus.map((s) => [s.stock, s.weightKg])).toEqual([
      [500, null],
      [372, null],
    ]);
    expect(offer.supplier?.url).toBe(
      'https://winport.m.1688.com/page/index.html?memberId=b2b-2206619673102e9470',
    );
    expect(priceAt(offer, 1).belowMoq).toBe(true);
  });

  it('takes a title without Chinese as the translation (TMAPI returns one title, in the asked language)', () => {
    const english = { ...docs, data: { ...docs.data, title: 'Leopard print long nightgown' } };
    expect(parse(english)).toMatchObject({ title: null, titleTranslated: 'Leopard print long nightgown' });
  });

  it('says not_found when the answer holds no offer, and maps TMAPI codes', () => {
    expect(providerErrorFrom(() => parse({ code: 200, msg: 'success', data: null })).kind).toBe('not_found');
    expect(providerErrorFrom(() => parse({ code: 200, msg: 'success', data: {} })).kind).toBe('not_found');
    const quota = providerErrorFrom(() =>
      tmapiAdapter.getOffer.parseResponse({ status: 439, body: '{"code":439,"msg":"balance insufficient"}' }),
    );
    expect(quota.kind).toBe('quota');
    const auth = providerErrorFrom(() =>
      tmapiAdapter.getOffer.parseResponse({
        status: 401,
        body: '{"code":4011,"message":"no API key found in request"}',
      }),
    );
    expect(auth.kind).toBe('auth');
    expect(
      providerErrorFrom(() => tmapiAdapter.getOffer.parseResponse({ status: 200, body: '<html>' })).kind,
    ).toBe('invalid_response');
  });

  it('returns a valid Offer or a ProviderError for mangled bodies', () => {
    const envelope = fc.record({
      code: fc.oneof(fc.constant(200), awkwardValue),
      msg: awkwardValue,
      data: fc.oneof(
        mutatedItem(docs.data as Record<string, unknown>),
        mutatedItem(built.data as Record<string, unknown>),
        awkwardValue,
      ),
    });
    fc.assert(
      fc.property(fc.constantFrom(200, 200, 417, 439, 500), responseBodies(envelope), (status, body) => {
        expectPageOrProviderError(() => tmapiAdapter.getOffer.parseResponse({ status, body }), Offer);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tmapi getOffer language', () => {
  // `tmapi-offer-en-built.json`: BUILT from the docs example as a `language=en` answer (see README.md).
  const asked = (language?: string) => tmapiAdapter.getOffer.map({ id: '859086919394', language });
  const parseAs = (body: unknown, language?: string) =>
    tmapiAdapter.getOffer.parseResponse(ok(body), asked(language).params);

  it('sends documented languages and reports the others in ignored, without sending them', () => {
    expect(asked('ru')).toEqual({ params: { item_id: '859086919394', language: 'ru' }, ignored: [] });
    expect(asked('fr')).toEqual({ params: { item_id: '859086919394' }, ignored: ['language'] });
    // An ignored language costs the same call as none: one cache entry, one paid call.
    expect(asked('fr').params).toEqual(asked(undefined).params);
  });

  it('with language=en, puts the English title and unit in the translated fields and says they are en', () => {
    const offer = parseAs(english, 'en');
    expect(Offer.parse(offer)).toEqual(offer);
    expect(offer).toMatchObject({
      title: null,
      titleTranslated: english.data.title,
      unit: null,
      unitTranslated: 'Piece(s)',
      translationLanguage: 'en',
    });
    // prop_name is translated, the values stay Chinese: never Chinese in a translated field.
    expect(offer.skus[0]!.attributes).toEqual([
      { name: 'Color', nameTranslated: 'Color', value: '白色豹纹' },
      { name: 'Size', nameTranslated: 'Size', value: 'L', valueTranslated: 'L' },
    ]);
  });

  it('keeps a title TMAPI left Chinese as the original, never as the translation', () => {
    const untranslated = { ...english, data: { ...english.data, title: docs.data.title } };
    const offer = parseAs(untranslated, 'en');
    expect(offer.title).toBe(docs.data.title);
    expect(offer.titleTranslated).toBeNull();
    expect(offer.translationLanguage).toBe('en');
  });

  it('with zh (TMAPI default) or no language, has no translation at all', () => {
    for (const language of ['zh', undefined]) {
      const offer = parseAs(docs, language);
      expect(offer).toMatchObject({ title: docs.data.title, titleTranslated: null, unit: '件' });
      expect(offer.unitTranslated).toBeNull();
      expect(offer.translationLanguage).toBeNull();
      expect(offer.skus.flatMap((s) => s.attributes).some((a) => 'valueTranslated' in a)).toBe(false);
    }
  });
});
