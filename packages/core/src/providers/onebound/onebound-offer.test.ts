import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Offer } from '../../models/offer.js';
import {
  awkwardValue,
  expectPageOrProviderError,
  mutatedItem,
  providerErrorFrom,
  responseBodies,
} from '../../testing/parser-fuzzing.js';
import built2021 from './__fixtures__/onebound-offer-built-2021.json' with { type: 'json' };
import reseller from './__fixtures__/onebound-offer-reseller.json' with { type: 'json' };
import { oneboundAdapter } from './onebound-adapter.js';

// Fixtures: `onebound-offer-reseller.json` is a RECORDED-LOOKING body of the newer item_get shape kept by a
// developer (served by a reseller gateway; provenance is the developer's word); `onebound-offer-built-2021.json`
// is BUILT in the layout of the recorded 2021 `lang=ko` body (member id in `seller_info.sid`, no `priceRange`).

const ok = (body: unknown) => ({ status: 200, body: JSON.stringify(body) });
const parse = (body: unknown) => oneboundAdapter.getOffer.parseResponse(ok(body));

describe('onebound getOffer.buildRequest', () => {
  it('calls GET /1688/item_get/ with num_iid, lang when asked for (zh → cn), key and secret', () => {
    const request = oneboundAdapter.getOffer.buildRequest(
      { id: '582896733162', language: 'zh' },
      { key: 'k1', secret: 's1' },
    );
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe('https://api-gw.onebound.cn/1688/item_get/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      api_name: 'item_get',
      key: 'k1',
      lang: 'cn',
      num_iid: '582896733162',
      result_type: 'json',
      secret: 's1',
    });
    const plain = new URL(
      oneboundAdapter.getOffer.buildRequest({ id: '582896733162' }, { key: 'k1', secret: 's1' }).url,
    );
    expect(plain.searchParams.has('lang')).toBe(false);
  });

  it('signs instead of sending the secret when asked to (MD5 of the sorted query + secret)', () => {
    const request = oneboundAdapter.getOffer.buildRequest(
      { id: '582896733162', language: 'ru' },
      { key: 'k1', secret: 's1', sign: true },
      { now: new Date(1_700_000_000_000) },
    );
    const query = request.url.split('?')[1]!;
    const [signed, sign] = query.split('&sign=');
    expect(query).not.toContain('s1');
    expect(new URLSearchParams(signed).get('lang')).toBe('ru');
    expect(sign).toBe(createHash('md5').update(`${signed}s1`).digest('hex').toUpperCase());
  });
});

describe('onebound getOffer.parseResponse', () => {
  it('reads the newer shape: priceRange tiers, the Chinese originals from cn_source, the encrypted seller', () => {
    const offer = parse(reseller);
    expect(Offer.parse(offer)).toEqual(offer);
    expect(offer).toMatchObject({
      provider: 'onebound',
      id: '582896733162',
      title: 'FOR尼康Nikon D7500单反相机硅胶套d7500 D7000硅胶保护套相机包',
      titleTranslated:
        'FOR Nikon Nikon D7500 SLR Camera Silicone Case d7500 D7000 Silicone Protective Case Camera Bag',
      priceTiers: [
        { minQuantity: 3, price: 35 },
        { minQuantity: 50, price: 30 },
        { minQuantity: 1000, price: 25 },
      ],
      priceMin: 25,
      priceMax: 35,
      moq: 3,
      unit: '个',
      stock: 7288,
      soldCount: 7288,
      // `item_weight` "1000" has no unit: unknown rather than guessed.
      weightKg: null,
      shipsFrom: { province: '广东', city: '深圳' },
      mixedBatch: null,
      sellerOpenId: 'BBBZN7gpraGZX_6szb3-TE5tA',
      supplier: { provider: 'onebound', id: 'onebound:BBBZN7gpraGZX_6szb3-TE5tA', nick: null, url: null },
    });
    expect(offer.skus).toEqual([
      {
        id: '4531173224811',
        attributes: [
          {
            name: '颜色',
            value: 'D7500迷彩/camouflage',
            nameTranslated: 'Color',
            valueTranslated: 'D7500 camouflage/camouflage',
          },
        ],
        price: 35,
        stock: 866,
        imageUrl: 'https://img.dev.1buyo.com/img/ibank/9820705794_529504497.jpg',
        weightKg: null,
      },
    ]);
  });

  it('reads the 2021 shape: member id from seller_info.sid, no tiers, mixed batch, protocol-relative images', () => {
    const offer = parse(built2021);
    expect(offer).toMatchObject({
      id: '610947572360',
      // The body says `translate_status:"error"`: its Korean is not shown as a translation.
      title: null,
      titleTranslated: null,
      translationLanguage: null,
      priceTiers: [],
      priceMin: 12.8,
      priceMax: 13.5,
      moq: null,
      unit: null,
      stock: 10000,
      soldCount: 356,
      shipsFrom: { province: '广东', city: '汕头' },
      mixedBatch: { supported: true, minAmount: 200, minQuantity: 3 },
      sellerOpenId: null,
      supplier: {
        id: 'b2b-2208087470531de12c',
        name: '汕头市澄海区某某玩具厂',
        nick: '澄海区某某玩具厂',
        url: 'https://shop1234567.1688.com/',
      },
    });
    expect(offer.images[0]).toBe('https://cbu01.alicdn.com/img/ibank/O1CN01gggg.jpg');
    expect(offer.skus[0]).toMatchObject({
      attributes: [{ name: '색상', value: '갈색' }],
      imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01iiii.jpg',
    });
  });

  it('says not_found for "no result" (2000) and an empty item, and maps error codes', () => {
    expect(providerErrorFrom(() => parse({ error_code: '2000', reason: '无数据' })).kind).toBe('not_found');
    expect(providerErrorFrom(() => parse({ error_code: '0000', item: {} })).kind).toBe('not_found');
    expect(providerErrorFrom(() => parse({ error_code: '4013', reason: 'quota' })).kind).toBe('quota');
    expect(providerErrorFrom(() => parse({ error_code: '4005', reason: 'bad key' })).kind).toBe('auth');
  });

  it('returns a valid Offer or a ProviderError for mangled bodies', () => {
    const body = fc.record({
      error_code: fc.oneof(fc.constant('0000'), awkwardValue),
      item: fc.oneof(
        mutatedItem(reseller.item as Record<string, unknown>),
        mutatedItem(built2021.item as Record<string, unknown>),
        awkwardValue,
      ),
    });
    fc.assert(
      fc.property(fc.constantFrom(200, 200, 500), responseBodies(body), (status, text) => {
        expectPageOrProviderError(
          () => oneboundAdapter.getOffer.parseResponse({ status, body: text }),
          Offer,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('onebound getOffer language', () => {
  // `onebound-offer-reseller.json` (recorded-looking, envelope stripped by the reseller) given Onebound's
  // documented envelope fields: `translate_status`, `language{current_lang, source_lang}`.
  const withEnvelope = (status: string) => ({
    error_code: '0000',
    reason: 'ok',
    translate_status: status,
    translate_engine: 'baidu',
    language: { current_lang: 'en', source_lang: 'cn' },
    item: reseller.item,
  });

  it('sends lang cn, en, ru as documented and reports any other language in ignored', () => {
    const map = (language?: string) => oneboundAdapter.getOffer.map({ id: '582896733162', language });
    expect(map('en')).toMatchObject({ params: { lang: 'en' }, ignored: [] });
    expect(map('zh')).toMatchObject({ params: { lang: 'cn' }, ignored: [] });
    for (const language of ['ko', 'ja', 'vi']) {
      expect(map(language).ignored).toEqual(['language']);
      expect(map(language).params).toEqual(map(undefined).params);
    }
  });

  it('trusts the translation when translate_status is ok, and says its language', () => {
    const offer = oneboundAdapter.getOffer.parseResponse(ok(withEnvelope('ok')));
    expect(offer).toMatchObject({
      title: 'FOR尼康Nikon D7500单反相机硅胶套d7500 D7000硅胶保护套相机包',
      titleTranslated:
        'FOR Nikon Nikon D7500 SLR Camera Silicone Case d7500 D7000 Silicone Protective Case Camera Bag',
      translationLanguage: 'en',
    });
    expect(offer.skus[0]!.attributes[0]).toMatchObject({ nameTranslated: 'Color' });
  });

  it('drops every translated field when translate_status is not ok, keeping the Chinese originals', () => {
    const offer = oneboundAdapter.getOffer.parseResponse(ok(withEnvelope('error')));
    expect(offer).toMatchObject({
      title: 'FOR尼康Nikon D7500单反相机硅胶套d7500 D7000硅胶保护套相机包',
      titleTranslated: null,
      translationLanguage: null,
    });
    expect(offer.skus[0]!.attributes).toEqual([{ name: '颜色', value: 'D7500迷彩/camouflage' }]);
  });

  it('takes the language from the lang sent when the body does not say', () => {
    const { params } = oneboundAdapter.getOffer.map({ id: '582896733162', language: 'en' });
    expect(oneboundAdapter.getOffer.parseResponse(ok(reseller), params).translationLanguage).toBe('en');
  });
});
