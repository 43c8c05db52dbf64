// @vitest-environment happy-dom
import { RankedProduct, RankedSupplier } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import productsJson from './__fixtures__/ranked-products.json' with { type: 'json' };
import suppliersJson from './__fixtures__/ranked-suppliers.json' with { type: 'json' };
import { cardValueText, formatCardNumber, renderCardPreview } from './card-preview.js';
import { productCard, supplierCard } from './entity-cards.js';

const supplier = RankedSupplier.parse(suppliersJson[0]);
const product = RankedProduct.parse(productsJson[0]);
const caps = { doubleNumberFormat: true };

describe('formatCardNumber', () => {
  it.each([
    [0.42, '0.0%', '42.0%'],
    [87.456, '0.0', '87.5'],
    [12000, '#,##0', '12,000'],
    [12.5, '"¥"#,##0.00', '¥12.50'],
    [16, '0.00', '16.00'],
    [1200, '#,##0" 件"', '1,200 件'],
    [2.71, undefined, '2.71'],
  ])('%d as %s → %s', (value, format, expected) => {
    expect(formatCardNumber(value, format)).toBe(expected);
  });
});

describe('renderCardPreview', () => {
  it('shows the supplier card title, its sections in order and each value as Excel formats it', () => {
    const node = renderCardPreview(document, supplierCard(supplier, caps));
    expect(node.querySelector('.card-title')?.textContent).toBe('汕头市澄海区乐童玩具厂');
    const titles = [...node.querySelectorAll('.card-section-title')].map((n) => n.textContent);
    expect(titles).toEqual(['Company', 'Buyers', 'Why it ranks here', 'Source']);
    const pairs = Object.fromEntries(
      [...node.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(pairs).toMatchObject({ Score: '87.5', 'Repurchase rate': '42.0%', Credit: 'AAAA', Years: '8' });
  });

  it('shows the product picture from its https address and never turns text into markup', () => {
    const hostile = { ...product, title: '<img src=x onerror=alert(1)>', titleTranslated: null };
    const node = renderCardPreview(document, productCard(hostile, caps));
    const img = node.querySelector('img.card-image') as HTMLImageElement;
    expect(img.getAttribute('src')).toBe('https://cbu01.alicdn.com/img/ibank/O1CN01.jpg');
    expect(node.querySelector('.card-title')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(node.querySelectorAll('img')).toHaveLength(1);
  });

  it('reads booleans and nested entities as Excel shows them', () => {
    expect(cardValueText({ type: 'Boolean', basicValue: true })).toBe('TRUE');
    expect(cardValueText({ type: 'Entity', text: 'x', properties: {} })).toBe('x');
    expect(cardValueText({ type: 'String', basicValue: '=1+1' })).toBe('=1+1');
  });
});
