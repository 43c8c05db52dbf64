import { ProductResult, type RateQuote } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import productsJson from '../data-types/__fixtures__/ranked-products.json' with { type: 'json' };
import { convertedText, priceAtQuantityText, searchedAsText } from './buyer-facts.js';
import { workbookDefaultsText } from './workbook-defaults.js';

const EUR: RateQuote = { currency: 'EUR', rate: 7.7, rateDate: '2026-12-04', source: 'ecb', stale: false };

describe('the pane in the buyer terms', () => {
  it('a converted price is rounded text, never 0.364778', () => {
    expect(convertedText({ ...EUR, amount: 0.364778 })).toBe('≈ €0.36');
    expect(convertedText({ currency: 'RUB', error: 'no RUB rate' })).toBe('no RUB price: no RUB rate');
  });

  it('the price at 500 with its total, the EUR figures and the cheaper-at-more hint', () => {
    const p = ProductResult.parse({
      ...productsJson[0],
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
        cheaperTotalAt: { ...EUR, amount: 1028.285714 },
      },
    });
    expect(priceAtQuantityText(p)).toBe(
      'at 500: ¥17.20 each (≈ €2.23), ¥8,600.00 in total (≈ €1,116.88) · cheaper at 610: ¥7,917.80 in total (≈ €1,028.29)',
    );
    expect(priceAtQuantityText(ProductResult.parse(productsJson[0]))).toBeNull();
  });

  it('names the words that could not be translated and each provider path', () => {
    expect(
      searchedAsText('毛绒玩具', {
        typed: 'kawaii plush toys',
        searchedAs: '毛绒玩具',
        method: 'glossary',
        untranslated: ['kawaii'],
        providers: ['demo'],
        paths: [
          { provider: 'demo', path: 'glossary', keyword: '毛绒玩具' },
          { provider: 'alibaba', path: 'provider', keyword: 'kawaii plush toys' },
        ],
      }),
    ).toBe(
      "Searched as “毛绒玩具” — not translated: kawaii (sent as typed) — demo: the glossary; alibaba: the provider's own translation",
    );
    expect(searchedAsText(undefined, undefined)).toBeNull();
  });

  it('says which defaults this workbook carries', () => {
    expect(
      workbookDefaultsText(
        { language: 'en', currency: 'EUR', quantity: 500, staleAfterDays: 7 },
        'this workbook',
      ),
    ).toBe(
      'This workbook carries: language en, currency EUR, quantity 500 — every formula in it uses them where its options do not say otherwise, on any machine.',
    );
    expect(
      workbookDefaultsText({ language: '', currency: '', quantity: '', staleAfterDays: 7 }, 'this page only'),
    ).toMatch(/^This workbook carries no defaults: .*older than 7 days stale.*kept in this page only/);
    // Issue 22: the stale-after days are the workbook's own, named when they are not the default.
    expect(
      workbookDefaultsText({ language: '', currency: '', quantity: '', staleAfterDays: 30 }, 'this workbook'),
    ).toBe(
      'This workbook carries: stale after 30 days — every formula in it uses them where its options do not say otherwise, on any machine.',
    );
  });
});
