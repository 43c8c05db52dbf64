import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Offer } from '../../models/offer.js';
import { providerErrorFrom } from '../../testing/parser-fuzzing.js';
import seller from '../official/__fixtures__/official-seller-built.json' with { type: 'json' };
import constructed from './__fixtures__/dajisaas-offer-constructed.json' with { type: 'json' };
import { dajisaasAdapter } from './dajisaas-adapter.js';

// Fixture: `dajisaas-offer-constructed.json` was CONSTRUCTED by a third-party developer's contract test (values
// invented, `soldOut` a number); it is the only public example of DajiSaaS' envelope around the detail model.

const credentials = { appKey: 'app-1', appSecret: 'sec-1' };
const parse = (body: unknown, status = 200) =>
  dajisaasAdapter.getOffer.parseResponse({ status, body: JSON.stringify(body) });

describe('dajisaas getOffer', () => {
  it('GETs queryProductDetail with appKey, offerId, country and the MD5 sign', () => {
    const request = dajisaasAdapter.getOffer.buildRequest(
      { id: '769649076522', language: 'ru' },
      credentials,
    );
    const url = new URL(request.url);
    expect(request.method).toBe('GET');
    expect(url.origin + url.pathname).toBe('https://openapi.dajisaas.com/alibaba/product/queryProductDetail');
    const { sign, ...params } = Object.fromEntries(url.searchParams);
    expect(params).toEqual({ appKey: 'app-1', offerId: '769649076522', country: 'ru' });
    // Independent check: sorted `k=v&` pairs, then `secret=<secret>`, MD5 upper.
    const text = `${Object.keys(params)
      .sort()
      .map((k) => `${k}=${params[k as keyof typeof params]}&`)
      .join('')}secret=sec-1`;
    expect(sign).toBe(createHash('md5').update(text).digest('hex').toUpperCase());
    expect(request.url).not.toContain('sec-1');
  });

  it('reads the envelope and the official model inside', () => {
    const offer = parse(constructed);
    expect(Offer.parse(offer)).toEqual(offer);
    expect(offer).toMatchObject({
      provider: 'dajisaas',
      id: '769649076522',
      title: '便携式榨汁机厂家直供',
      titleTranslated: 'Portable blender factory supply',
      moq: 2,
      stock: 500,
      soldCount: 5000,
      priceTiers: [
        { minQuantity: 2, price: 20, promotionPrice: 19 },
        { minQuantity: 100, price: 18, promotionPrice: 17 },
      ],
      priceMin: 17,
      shipsFrom: { province: '广东', city: '深圳' },
      sellerOpenId: 'seller-open-id',
      supplier: { id: 'dajisaas:seller-open-id' },
    });
  });

  it('maps its codes and an empty data to errors', () => {
    expect(providerErrorFrom(() => parse({ code: 200, message: '操作成功', data: null })).kind).toBe(
      'not_found',
    );
    expect(providerErrorFrom(() => parse({ code: 401, message: 'sign error' })).kind).toBe('auth');
    expect(providerErrorFrom(() => parse({ code: 402, message: '余额不足' })).kind).toBe('quota');
    expect(providerErrorFrom(() => parse({ message: 'no code' })).kind).toBe('invalid_response');
  });
});

describe('dajisaas getOffer language', () => {
  it('labels the translated fields with the country sent, and reports undocumented languages', () => {
    const { params, ignored } = dajisaasAdapter.getOffer.map({ id: '769649076522', language: 'ru' });
    expect(ignored).toEqual([]);
    const offer = dajisaasAdapter.getOffer.parseResponse(
      { status: 200, body: JSON.stringify(constructed) },
      params,
    );
    expect(offer).toMatchObject({
      title: '便携式榨汁机厂家直供',
      titleTranslated: 'Portable blender factory supply',
      translationLanguage: 'ru',
    });
    expect(dajisaasAdapter.getOffer.map({ id: '769649076522', language: 'de' })).toEqual({
      params: { offerId: '769649076522', country: 'en' },
      ignored: ['language'],
    });
  });
});

// The seller facts the official model carries (built from the documented field lists: see
// `../official/__fixtures__/official-seller-built.json`), relayed inside this provider's envelope.
describe('dajisaas getOffer: seller facts', () => {
  it('carries the seller card, keyed by the encrypted sellerOpenId and never a member id', () => {
    const offer = parse({ ...constructed, data: { ...constructed.data, ...seller } });
    expect(Offer.parse(offer)).toEqual(offer);
    expect(offer.sellerOpenId).toBe('BBBL9S1tAq3fRwXy7zK2mQ');
    expect(offer.supplier?.id).toBe('dajisaas:BBBL9S1tAq3fRwXy7zK2mQ');
    expect(offer.supplierDetail).toMatchObject({
      provider: 'dajisaas',
      memberId: null,
      yearsOnPlatform: 6,
      badges: { superFactory: true, trustPass: true, powerMerchant: false },
      fulfilment: { perfect30d: 0.62, pickup24h30d: 0.35 },
    });
  });

  it('a model without seller facts: no card', () => {
    expect(parse(constructed).supplierDetail).toBeNull();
  });
});
