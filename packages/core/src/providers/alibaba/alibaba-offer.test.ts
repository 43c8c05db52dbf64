import { createHmac } from 'node:crypto';
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
import seller from '../official/__fixtures__/official-seller-built.json' with { type: 'json' };
import built from './__fixtures__/alibaba-offer-built.json' with { type: 'json' };
import docs from './__fixtures__/alibaba-offer-docs.json' with { type: 'json' };
import { alibabaAdapter } from './alibaba-adapter.js';

// Fixtures: `alibaba-offer-docs.json` is the open.1688.com doc's output sample (DOCS, placeholder values such as
// "价格"); `alibaba-offer-built.json` is BUILT on the same model with live-looking values and the nulls and
// string rates a project's field notes report from real answers.

const credentials = { appKey: '1234567', appSecret: 'sekret', accessToken: 'token-abc' };
const ok = (body: unknown) => ({ status: 200, body: JSON.stringify(body) });
const parse = (body: unknown) => alibabaAdapter.getOffer.parseResponse(ok(body));

describe('alibaba getOffer.buildRequest', () => {
  it('posts offerDetailParam {offerId (a number), country} to queryProductDetail, signed', () => {
    const request = alibabaAdapter.getOffer.buildRequest(
      { id: '769649076522', language: 'ja' },
      credentials,
      {
        now: new Date(1_720_000_000_000),
      },
    );
    const urlPath = 'param2/1/com.alibaba.fenxiao.crossborder/product.search.queryProductDetail/1234567';
    expect(request.url).toBe(`https://gw.open.1688.com/openapi/${urlPath}`);
    const form = Object.fromEntries(new URLSearchParams(request.body));
    expect(JSON.parse(form.offerDetailParam!)).toEqual({ offerId: 769649076522, country: 'ja' });
    expect(form.access_token).toBe('token-abc');
    // Independent check of the `_aop_signature`: HMAC-SHA1 over urlPath + sorted key+value pairs.
    const { _aop_signature: signature, ...signed } = form;
    const pieces = Object.entries(signed)
      .map(([k, v]) => k + v)
      .sort();
    expect(signature).toBe(
      createHmac('sha1', 'sekret')
        .update(urlPath + pieces.join(''))
        .digest('hex')
        .toUpperCase(),
    );
  });

  it('sends country en when no language or zh is asked for (country is required)', () => {
    for (const language of [undefined, 'zh']) {
      const request = alibabaAdapter.getOffer.buildRequest({ id: '769649076522', language }, credentials);
      const form = new URLSearchParams(request.body);
      expect(JSON.parse(form.get('offerDetailParam')!).country).toBe('en');
    }
  });
});

describe('alibaba getOffer.parseResponse', () => {
  it('reads the built model: both titles, tiers with promotion, SKU weights in grams as kg, openId kept', () => {
    const offer = parse(built);
    expect(Offer.parse(offer)).toEqual(offer);
    expect(offer).toMatchObject({
      provider: 'alibaba',
      id: '769649076522',
      title: '便携式榨汁机家用小型充电式果汁杯',
      titleTranslated: 'Portable blender household small rechargeable juice cup',
      priceTiers: [
        { minQuantity: 2, price: 21.5 },
        { minQuantity: 50, price: 19.8 },
        { minQuantity: 500, price: 18, promotionPrice: 17.6 },
      ],
      priceMin: 17.6,
      priceMax: 21.5,
      moq: 2,
      unit: '个',
      stock: 500,
      weightKg: 0.62,
      sizeCm: { length: 12, width: 12, height: 25 },
      shipsFrom: { province: '浙江', city: '金华' },
      mixedBatch: { supported: true, minAmount: 100, minQuantity: 2 },
      soldCount: 805,
      sellerOpenId: 'BBBL9S1tAqXo7bXlV5DqS0dZw',
      supplier: {
        provider: 'alibaba',
        id: 'alibaba:BBBL9S1tAqXo7bXlV5DqS0dZw',
        name: '永康市某某电器有限公司',
        repurchaseRate: 0.6236,
      },
    });
    // `skuShippingInfoList[].weight` is grams (620, 650): never 620 kg.
    expect(offer.skus.map((s) => s.weightKg)).toEqual([0.62, 0.65]);
    expect(offer.skus[0]).toMatchObject({
      id: '5206628331201',
      price: 21.5,
      stock: 320,
      imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01ffff.jpg',
      attributes: [{ name: '颜色', value: '粉色', nameTranslated: 'Color', valueTranslated: 'Pink' }],
    });
    expect(offer.supplier?.id.startsWith('b2b-')).toBe(false);
    expect(priceAt(offer, 600)).toMatchObject({ unitPrice: 17.6, tierMinQuantity: 500 });
  });

  it('reads the docs sample: per-SKU kg details win over gram lists, placeholders become null', () => {
    const offer = parse(docs);
    expect(offer).toMatchObject({
      id: '34513534353434',
      // quoteType 1: priced per SKU, so the range list is not a quantity tier.
      priceTiers: [],
      moq: 1,
      unit: '盒',
      sellerOpenId: '23tsdvcdsjngp3oj4j3i5',
      supplier: { id: 'alibaba:23tsdvcdsjngp3oj4j3i5', name: '杭州宜路发发电子商务有限公司' },
      shipsFrom: { province: null, city: null },
      // `productShippingInfo.weight` 200.0 is kilograms in the model (a doc placeholder).
      weightKg: 200,
    });
    // The SKU's price is the placeholder "价格": unknown, not 0.
    expect(offer.skus[0]).toMatchObject({ id: '123', price: null, stock: 123 });
    expect(offer.images).toEqual([
      'https://cbu01.alicdn.com/img/ibank/O1CN01pEsVS41Bs2uny9oka_!!0-0-cib.jpg',
    ]);
  });

  it('maps failures: gateway errors, success false, and success without a model (not_found)', () => {
    expect(
      providerErrorFrom(() => parse({ result: { success: true, code: '200', result: null } })).kind,
    ).toBe('not_found');
    const declined = providerErrorFrom(() =>
      alibabaAdapter.getOffer.parseResponse({
        status: 401,
        body: JSON.stringify({ error_code: 'gw.AccessDenied', error_message: 'ACL declined' }),
      }),
    );
    expect(declined.provider).toBe('alibaba');
    expect(['auth', 'bad_request', 'upstream']).toContain(declined.kind);
    expect(providerErrorFrom(() => parse({ nothing: true })).kind).toBe('invalid_response');
  });

  it('returns a valid Offer or a ProviderError for mangled bodies', () => {
    const body = fc.record({
      result: fc.oneof(
        fc.record({
          success: fc.oneof(fc.constant(true), awkwardValue),
          code: awkwardValue,
          result: fc.oneof(mutatedItem(built.result.result as Record<string, unknown>), awkwardValue),
        }),
        awkwardValue,
      ),
    });
    fc.assert(
      fc.property(fc.constantFrom(200, 200, 400, 500), responseBodies(body), (status, text) => {
        expectPageOrProviderError(() => alibabaAdapter.getOffer.parseResponse({ status, body: text }), Offer);
      }),
      { numRuns: 300 },
    );
  });
});

describe('alibaba getOffer language', () => {
  const map = (language?: string) => alibabaAdapter.getOffer.map({ id: '769649076522', language });
  const countrySent = (language?: string) =>
    JSON.parse((map(language).params as { offerDetailParam: string }).offerDetailParam).country;

  it('sends a documented country, and en (reported in ignored) for a code the platform does not document', () => {
    expect([countrySent('ja'), countrySent('ko'), countrySent('vi')]).toEqual(['ja', 'ko', 'vi']);
    expect(map('ja').ignored).toEqual([]);
    // "an unknown code (kr, korea, KR) succeeds silently with subjectTrans === subject": never sent.
    expect(countrySent('de')).toBe('en');
    expect(map('de').ignored).toEqual(['language']);
    expect(map('zh').ignored).toEqual([]);
  });

  it('keeps original and translation side by side (title, unit, SKU attributes), in the country sent', () => {
    const offer = alibabaAdapter.getOffer.parseResponse(ok(built), map('en').params);
    expect(offer).toMatchObject({
      title: '便携式榨汁机家用小型充电式果汁杯',
      titleTranslated: 'Portable blender household small rechargeable juice cup',
      unit: '个',
      unitTranslated: 'piece',
      translationLanguage: 'en',
    });
    expect(offer.skus[0]!.attributes[0]).toEqual({
      name: '颜色',
      value: '粉色',
      nameTranslated: 'Color',
      valueTranslated: 'Pink',
    });
  });

  it('drops a "translation" that echoes the Chinese or is still Chinese, and then names no language', () => {
    const model = built.result.result;
    const echo = {
      ...built,
      result: {
        ...built.result,
        result: {
          ...model,
          subjectTrans: model.subject,
          productSaleInfo: { ...model.productSaleInfo, unitInfo: { unit: '个', transUnit: '个' } },
          productSkuInfos: model.productSkuInfos.map((sku) => ({
            ...sku,
            skuAttributes: sku.skuAttributes.map((a) => ({
              ...a,
              attributeNameTrans: a.attributeName,
              valueTrans: `${a.value}色`,
            })),
          })),
        },
      },
    };
    const offer = alibabaAdapter.getOffer.parseResponse(ok(echo), map('ko').params);
    expect(offer).toMatchObject({ titleTranslated: null, unitTranslated: null, translationLanguage: null });
    expect(offer.skus[0]!.attributes[0]).toMatchObject({ nameTranslated: null, valueTranslated: null });
  });
});

// The seller facts the official model carries (built from the documented field lists: see
// `../official/__fixtures__/official-seller-built.json`), relayed inside this provider's envelope.
describe('alibaba getOffer: seller facts', () => {
  it('carries the seller card, keyed by the encrypted sellerOpenId and never a member id', () => {
    const offer = parse({
      ...built,
      result: { ...built.result, result: { ...built.result.result, ...seller } },
    });
    expect(Offer.parse(offer)).toEqual(offer);
    expect(offer.sellerOpenId).toBe('BBBL9S1tAq3fRwXy7zK2mQ');
    expect(offer.supplier?.id).toBe('alibaba:BBBL9S1tAq3fRwXy7zK2mQ');
    expect(offer.supplierDetail).toMatchObject({
      provider: 'alibaba',
      memberId: null,
      yearsOnPlatform: 6,
      // `offerIdentities: ["powerful_merchants"]` of the built model and the fixture's `sellerIdentities`, together.
      badges: { superFactory: true, trustPass: true, powerMerchant: true },
      fulfilment: { perfect30d: 0.62, pickup24h30d: 0.35 },
    });
  });

  it('the built model: its sellerDataInfo and offerIdentities, no rates', () => {
    const detail = parse(built).supplierDetail!;
    expect(detail).toMatchObject({
      repurchaseRate: 0.6236,
      badges: { powerMerchant: true, superFactory: false },
      fulfilment: { perfect30d: null, pickup24h30d: null },
    });
    expect(detail.shopRatings.map((r) => r.title)).toContain('compositeServiceScore');
  });
});
