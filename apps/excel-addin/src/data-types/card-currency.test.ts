import { ProductResult, priceAt, type RateQuote } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import productsJson from './__fixtures__/ranked-products.json' with { type: 'json' };
import { offerCard, productCard } from './entity-cards.js';

// Cards in the buyer's currency and at their quantity: converted amounts are numbers with the currency's number
// format, the CNY figures stay, and the rate date is on the card.

const EUR: RateQuote = { currency: 'EUR', rate: 7.7, rateDate: '2026-12-04', source: 'ecb', stale: false };
const caps = { doubleNumberFormat: true };

const product = ProductResult.parse({
  ...productsJson[0],
  priceConverted: { ...EUR, amount: 1.623377 },
  priceAtQuantity: {
    quantity: 500,
    basis: 'tiers',
    unitPrice: 17.2,
    subtotal: 8600,
    tierMinQuantity: 100,
    belowMoq: false,
    cheaperTotalAt: { quantity: 610, subtotal: 7917.8 },
  },
  priceAtQuantityConverted: {
    unitPrice: { ...EUR, amount: 2.233766 },
    subtotal: { ...EUR, amount: 1116.883117 },
  },
});

describe('product card at the buyer quantity and currency', () => {
  it('keeps the CNY price and adds the price at 500 and the EUR figures, each a formatted number', () => {
    const card = productCard(product, caps);
    expect(card.properties!.Price).toMatchObject({ basicValue: 12.5, numberFormat: '"¥"#,##0.00' });
    expect(card.properties!['Unit price']).toMatchObject({ basicValue: 17.2, numberFormat: '"¥"#,##0.00' });
    expect(card.properties!['Price (EUR)']).toEqual({
      type: 'Double',
      basicValue: 1.62,
      numberFormat: '"€"#,##0.00',
    });
    expect(card.properties!['Subtotal (EUR)']).toMatchObject({ basicValue: 1116.88 });
    expect(card.properties!['Quantity note']).toEqual({
      type: 'String',
      basicValue: 'cheaper at 610: ¥7,917.80 in total',
    });
    expect(card.properties!['Rate date']).toEqual({ type: 'String', basicValue: '2026-12-04' });
    const sections = card.layouts?.card?.sections ?? [];
    expect(sections.find((s) => s.title === 'Price at 500')?.properties).toEqual([
      'Quantity',
      'Unit price',
      'Subtotal',
      'Quantity note',
      'Price (EUR)',
      'Unit price (EUR)',
      'Subtotal (EUR)',
      'Rate date',
    ]);
  });

  it('a ranked product without quantity or currency gets no such properties', () => {
    const plain = productCard(ProductResult.parse(productsJson[0]), caps);
    expect(Object.keys(plain.properties ?? {})).not.toContain('Rate date');
    expect(Object.keys(plain.properties ?? {})).not.toContain('Unit price');
  });
});

describe('offer card in the buyer currency', () => {
  it('each tier and the price at the quantity also in EUR (formatted numbers), the CNY tiers kept, a rate date', () => {
    const offer = sampleOffer('612345678901', 'demo');
    const priced = { quantity: 150, ...priceAt(offer, 150) };
    const card = offerCard(offer, caps, priced, EUR);
    expect(card.properties!['From 100']).toMatchObject({ basicValue: 4.5, numberFormat: '"¥"#,##0.00' });
    expect(card.properties!['From 100 (EUR)']).toEqual({
      type: 'Double',
      basicValue: 0.58,
      numberFormat: '"€"#,##0.00',
    });
    expect(card.properties!['Subtotal (EUR)']).toMatchObject({ basicValue: 87.66 });
    expect(card.properties!['Rate date']).toEqual({ type: 'String', basicValue: '2026-12-04' });
    expect(card.layouts?.card?.sections?.map((s) => s.title)).toContain('Prices in EUR');
  });

  it('a rate the proxy could not get is said on the card, never a CNY figure in its place', () => {
    const offer = sampleOffer('612345678901', 'demo');
    const card = offerCard(offer, caps, undefined, { currency: 'XXX', error: 'no rate for XXX' });
    expect(card.properties!['From 100 (XXX)']).toEqual({
      type: 'String',
      basicValue: 'no XXX rate: no rate for XXX',
    });
  });
});
