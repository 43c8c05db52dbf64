import { describe, expect, it } from 'vitest';
import { Offer } from '../../models/offer.js';
import { providerErrorFrom } from '../../testing/parser-fuzzing.js';
import seller from '../official/__fixtures__/official-seller-built.json' with { type: 'json' };
import built from './__fixtures__/pandapon-offer-built.json' with { type: 'json' };
import { createPandaponAdapter, pandaponAdapter } from './pandapon-adapter.js';

// Fixture: `pandapon-offer-built.json` is BUILT: its head (requestId, code, developId, msg, offerId, subject…)
// is the v1 docs page's example, the rest of `data` follows the official model it documents (the stored page is
// truncated after `description`).

const credentials = { accessKey: 'ak-1', secret: 'sk-1', userId: 'u-1' };
const parse = (body: unknown) =>
  pandaponAdapter.getOffer.parseResponse({ status: 200, body: JSON.stringify(body) });

describe('pandapon getOffer (v1, unverified)', () => {
  it('POSTs {offerId, country: en, outMemberId} to /alibaba/product/detail/get with the signed headers', () => {
    const seen: unknown[] = [];
    const adapter = createPandaponAdapter({
      sign: (input) => {
        seen.push(input);
        return { signature: 'SIG', stringToSign: '' };
      },
    });
    const request = adapter.getOffer.buildRequest({ id: '706627393257', language: 'ru' }, credentials, {
      now: new Date(1_720_000_000_000),
      nonce: 'n0nce',
    });
    expect(request).toMatchObject({
      method: 'POST',
      url: 'https://api.pandapon.com/alibaba/product/detail/get',
      headers: {
        'access-key': 'ak-1',
        timestamp: '1720000000000',
        'nonce-str': 'n0nce',
        'user-id': 'u-1',
        signature: 'SIG',
      },
      // v1 is fixed to English: Russian cannot be honoured and is reported.
      ignored: ['language'],
    });
    expect(JSON.parse(request.body!)).toEqual({ offerId: 706627393257, country: 'en', outMemberId: '' });
    expect(seen).toEqual([{ accessKey: 'ak-1', timestamp: '1720000000000', nonce: 'n0nce', secret: 'sk-1' }]);
    expect(
      adapter.getOffer.buildRequest({ id: '706627393257', language: 'en' }, credentials).ignored,
    ).toEqual([]);
  });

  it('reads the envelope and the official model, grams to kg', () => {
    const offer = parse(built);
    expect(Offer.parse(offer)).toEqual(offer);
    expect(offer).toMatchObject({
      provider: 'pandapon',
      id: '706627393257',
      title: 'PVC插页文件夹A4加厚活页本文件夹防水外壳学生试卷收纳档案夹',
      moq: 10,
      priceTiers: [
        { minQuantity: 10, price: 2.8 },
        { minQuantity: 200, price: 2.5 },
      ],
      weightKg: 0.15,
      shipsFrom: { province: '浙江', city: '温州' },
      sellerOpenId: 'BBBcUe0sRkZ3vN2mXW1yZ7p8A',
      supplier: { id: 'pandapon:BBBcUe0sRkZ3vN2mXW1yZ7p8A', name: '苍南县某某文具厂' },
    });
    expect(offer.skus[0]).toMatchObject({
      weightKg: 0.15,
      stock: 3000,
      attributes: [{ valueTranslated: 'Transparent' }],
    });
  });

  it('maps a failing code and a missing model', () => {
    expect(providerErrorFrom(() => parse({ code: 200, msg: '成功', data: null })).kind).toBe('not_found');
    expect(providerErrorFrom(() => parse({ code: 500, msg: 'error' })).provider).toBe('pandapon');
  });
});

describe('pandapon getOffer language', () => {
  it('says the translated fields are English (country is fixed to en) and keeps the Chinese originals', () => {
    expect(parse(built)).toMatchObject({
      title: 'PVC插页文件夹A4加厚活页本文件夹防水外壳学生试卷收纳档案夹',
      titleTranslated: expect.stringMatching(/^PVC insert folder/),
      unit: '个',
      unitTranslated: 'piece',
      translationLanguage: 'en',
    });
  });
});

// The seller facts the official model carries (built from the documented field lists: see
// `../official/__fixtures__/official-seller-built.json`), relayed inside this provider's envelope.
describe('pandapon getOffer: seller facts', () => {
  it('carries the seller card, keyed by the encrypted sellerOpenId and never a member id', () => {
    const offer = parse({ ...built, data: { ...built.data, ...seller } });
    expect(Offer.parse(offer)).toEqual(offer);
    expect(offer.sellerOpenId).toBe('BBBL9S1tAq3fRwXy7zK2mQ');
    expect(offer.supplier?.id).toBe('pandapon:BBBL9S1tAq3fRwXy7zK2mQ');
    expect(offer.supplierDetail).toMatchObject({
      provider: 'pandapon',
      memberId: null,
      yearsOnPlatform: 6,
      badges: { superFactory: true, trustPass: true, powerMerchant: false },
      fulfilment: { perfect30d: 0.62, pickup24h30d: 0.35 },
    });
  });

  it('a model without seller facts: no card', () => {
    expect(parse(built).supplierDetail).toBeNull();
  });
});
