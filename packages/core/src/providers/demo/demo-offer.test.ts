import { describe, expect, it } from 'vitest';
import { Offer } from '../../models/offer.js';
import { ProviderError } from '../../models/provider-error.js';
import { priceAt } from '../../offers/price-at.js';
import { demoAdapter } from './demo-adapter.js';
import { demoDataset } from './demo-data.js';
import { findDemoOffer } from './demo-offer.js';

function fetchOffer(id: string, language?: string): Offer {
  const request = demoAdapter.getOffer.buildRequest({ id, ...(language ? { language } : {}) }, {});
  return demoAdapter.getOffer.parseResponse(demoAdapter.respond(request));
}

describe('demo getOffer', () => {
  const products = demoDataset().products.map((r) => r.product);

  it('has a valid detail for every demo product, matching its listing', () => {
    for (const product of products) {
      const offer = fetchOffer(product.id);
      expect(Offer.parse(offer)).toEqual(offer);
      expect(offer).toMatchObject({
        id: product.id,
        title: product.title,
        moq: product.moq,
        url: product.url,
      });
      expect(offer.supplier?.id).toBe(product.supplier?.id);
      expect(offer.skus.length).toBeGreaterThan(0);
      for (const sku of offer.skus) {
        expect(sku.stock).not.toBeNull();
        expect(sku.weightKg).toBeGreaterThan(0);
      }
      if (product.price !== null) expect(offer.priceMin).toBe(product.price);
    }
  });

  it('gives tiers ascending from the MOQ, falling in price, on most offers', () => {
    const offers = products.map((p) => fetchOffer(p.id));
    const tiered = offers.filter((o) => o.priceTiers.length > 0);
    expect(tiered.length).toBeGreaterThan(offers.length / 2);
    expect(tiered.length).toBeLessThan(offers.length);
    for (const offer of tiered) {
      expect(offer.priceTiers[0]!.minQuantity).toBe(Math.max(1, offer.moq ?? 1));
      offer.priceTiers.slice(1).forEach((tier, i) => {
        expect(tier.minQuantity).toBeGreaterThan(offer.priceTiers[i]!.minQuantity);
        expect(tier.price).toBeLessThanOrEqual(offer.priceTiers[i]!.price);
      });
    }
  });

  it('prices every priced demo offer at its MOQ and above', () => {
    for (const product of products.filter((p) => p.price !== null)) {
      const offer = fetchOffer(product.id);
      const atMoq = priceAt(offer, offer.moq ?? 1);
      expect(atMoq.belowMoq).toBe(false);
      expect(atMoq.unitPrice).toBeGreaterThanOrEqual(product.price!);
    }
  });

  it('is the same offer on every call', () => {
    const id = products[7]!.id;
    expect(fetchOffer(id)).toEqual(fetchOffer(id));
    expect(findDemoOffer(id)).toEqual(fetchOffer(id));
  });

  it('adds English translations, labelled en, when English is asked for', () => {
    const id = products[3]!.id;
    const zh = fetchOffer(id);
    const en = fetchOffer(id, 'en');
    expect(zh.skus[0]!.attributes[0]!.nameTranslated).toBeUndefined();
    expect(zh.translationLanguage).toBeNull();
    expect(en.skus[0]!.attributes[0]!.nameTranslated).toMatch(/^[A-Za-z]/);
    expect(en).toMatchObject({ unit: '件', unitTranslated: 'Piece(s)', translationLanguage: 'en' });
    expect(en.titleTranslated).toMatch(/^[A-Za-z]/);
    expect(en.priceTiers).toEqual(zh.priceTiers);
  });

  it('reports a language it has no translations for, and answers it in Chinese (never English as Russian)', () => {
    const id = products[3]!.id;
    expect(demoAdapter.getOffer.buildRequest({ id, language: 'ru' }, {}).ignored).toEqual(['language']);
    const ru = fetchOffer(id, 'ru');
    expect(ru).toEqual(fetchOffer(id));
    expect(ru.titleTranslated).toBeNull();
  });

  it('answers an unknown id with not_found', () => {
    try {
      fetchOffer('999999999999');
      expect.unreachable();
    } catch (error) {
      expect(ProviderError.isInstance(error) && error.kind).toBe('not_found');
    }
  });

  it('puts the id and language in the request URL, so the proxy can cache per offer and language', () => {
    const a = demoAdapter.getOffer.buildRequest({ id: '612345678901', language: 'en' }, {});
    const b = demoAdapter.getOffer.buildRequest({ id: '612345678901' }, {});
    expect(a.url).toBe('demo://offer?id=612345678901&language=en');
    expect(b.url).toBe('demo://offer?id=612345678901');
  });
});
