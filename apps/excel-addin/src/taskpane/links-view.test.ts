// @vitest-environment happy-dom
import type { ConversionFailure, RateQuote } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { renderLinks } from './links-view.js';

const price = { quantity: 100, unitPrice: 4.5, subtotal: 450, tierMinQuantity: 100, belowMoq: false };

function factsOf(quote?: RateQuote | ConversionFailure) {
  const container = document.createElement('div');
  renderLinks(
    container,
    [{ link: '612345678901', offer: sampleOffer('612345678901'), price, ...(quote ? { quote } : {}) }],
    100,
  );
  return container.querySelector('.facts')?.textContent ?? '';
}

describe('Links view facts', () => {
  it('shows the unit price in the pane currency beside CNY, with its rate date', () => {
    const facts = factsOf({ currency: 'EUR', rate: 8, rateDate: '2024-03-13', source: 'ecb', stale: true });
    expect(facts).toContain('¥4.50 at 100');
    // 4.5 CNY at 8 CNY per EUR, as the inserted table's `price (EUR)` column computes it.
    expect(facts).toContain('≈ 0.5625 EUR (rate of 2024-03-13, stale)');
  });

  it('says why there is no converted price, never a CNY figure as if converted', () => {
    const facts = factsOf({ currency: 'USD', error: 'rates unavailable' });
    expect(facts).toContain('USD: rates unavailable');
    expect(facts).not.toContain('≈');
  });

  it('shows CNY only when no currency was asked', () => {
    expect(factsOf()).not.toMatch(/≈|EUR|USD/);
  });
});
