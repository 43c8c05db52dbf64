import { RankedProduct, RankedSupplier } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import productsJson from '../functions/__fixtures__/ranked-products.json' with { type: 'json' };
import suppliersJson from '../functions/__fixtures__/ranked-suppliers.json' with { type: 'json' };
import { httpsImageAddress, type RichCellCapabilities, webImage } from './cell-values.js';
import { productCard, supplierCard } from './entity-cards.js';

const suppliers = suppliersJson.map((s) => RankedSupplier.parse(s));
const products = productsJson.map((p) => RankedProduct.parse(p));
const modern: RichCellCapabilities = { doubleNumberFormat: true };
const older: RichCellCapabilities = { doubleNumberFormat: false };

type Card = Excel.EntityCellValue;
const sectionsOf = (card: Card) => card.layouts?.card?.sections ?? [];

/** Every name a card layout refers to must be a property of the card (Excel rejects the value otherwise). */
function expectLayoutConsistent(card: Card) {
  const names = Object.keys(card.properties ?? {});
  for (const s of sectionsOf(card)) {
    expect(s.properties.length).toBeGreaterThan(0);
    for (const p of s.properties) expect(names).toContain(p);
  }
  const title = card.layouts?.card?.title;
  if (typeof title === 'object') expect(names).toContain(title.property);
  const image = card.layouts?.card?.mainImage;
  if (image) expect(card.properties?.[image.property]).toMatchObject({ type: 'WebImage' });
}

describe('supplierCard', () => {
  const [full, sparse] = suppliers as [RankedSupplier, RankedSupplier];

  it('shows the company, keeps numbers numeric with a number format, and lists the score breakdown', () => {
    const card = supplierCard(full, modern);
    expect(card).toMatchObject({ type: 'Entity', text: '汕头市澄海区乐童玩具厂' });
    expect(card.properties?.Score).toEqual({ type: 'Double', basicValue: 87.456, numberFormat: '0.0' });
    expect(card.properties?.['Repurchase rate']).toEqual({
      type: 'Double',
      basicValue: 0.42,
      numberFormat: '0.0%',
    });
    expect(card.properties?.Location).toEqual({ type: 'String', basicValue: '广东 汕头' });
    expect(card.properties?.['Factory or trader']).toEqual({ type: 'String', basicValue: 'Factory' });
    expect(card.properties?.Providers).toEqual({ type: 'String', basicValue: 'tmapi, onebound' });
    const why = sectionsOf(card).find((s) => s.title === 'Why it ranks here');
    expect(why?.properties).toEqual(full.breakdown.map((f) => `Why: ${f.label}`));
    expect(card.properties?.['Why: Credit level']).toMatchObject({ basicValue: 16 });
    expectLayoutConsistent(card);
  });

  it('uses the FormattedNumber fallback where Double has no numberFormat (before ExcelApi 1.19)', () => {
    const card = supplierCard(full, older);
    expect(card.properties?.Score).toEqual({
      type: 'FormattedNumber',
      basicValue: 87.456,
      numberFormat: '0.0',
    });
  });

  it('leaves unknown values out instead of showing 0 or an empty text, and drops empty sections', () => {
    const card = supplierCard(sparse, modern);
    expect(card.text).toBe('义乌小商品');
    for (const missing of ['Credit', 'Years', 'Repurchase rate', 'Factory or trader', 'Link', 'Red flags'])
      expect(card.properties).not.toHaveProperty(missing);
    expect(sectionsOf(card).map((s) => s.title)).not.toContain('Red flags');
    expectLayoutConsistent(card);
  });

  it('marks a factory verdict that ranking inferred from the name, and lists red flags when given', () => {
    const inferred = {
      ...full,
      isFactory: null,
      breakdown: [
        { factor: 'factory', label: 'Factory', value: 'trader (inferred: 贸易)', weight: 25, points: 0 },
      ],
      flags: [{ flag: 'credit', reason: 'credit level C: be careful, visit first', cap: 30 }],
    };
    const card = supplierCard(inferred, modern);
    expect(card.properties?.['Factory or trader']).toEqual({
      type: 'String',
      basicValue: 'Trader (inferred)',
    });
    expect(card.properties?.['Red flags']).toEqual({
      type: 'String',
      basicValue: 'credit level C: be careful, visit first',
    });
    expectLayoutConsistent(card);
  });

  it('keeps its shape (snapshot)', () => {
    expect(supplierCard(full, modern)).toMatchSnapshot();
  });
});

describe('productCard', () => {
  const [product] = products as [RankedProduct];

  it('shows the picture as the main image and the price in CNY', () => {
    const card = productCard(product, modern);
    expect(card.properties?.Image).toEqual({
      type: 'WebImage',
      address: 'https://cbu01.alicdn.com/img/ibank/O1CN01.jpg',
      altText: '毛绒玩具熊 批发',
    });
    expect(card.layouts?.card?.mainImage).toEqual({ property: 'Image' });
    expect(card.properties?.Price).toEqual({ type: 'Double', basicValue: 12.5, numberFormat: '"¥"#,##0.00' });
    expect(card.properties?.MOQ).toMatchObject({ basicValue: 100 });
    expectLayoutConsistent(card);
  });

  it('titles a translated product in English and keeps the Chinese title as a property', () => {
    const card = productCard({ ...product, titleTranslated: 'Plush teddy bear' }, modern);
    expect(card.text).toBe('Plush teddy bear');
    expect(card.properties?.['Chinese title']).toEqual({ type: 'String', basicValue: '毛绒玩具熊 批发' });
  });

  it('has no main image when the product has no https-loadable picture', () => {
    const card = productCard({ ...product, imageUrl: 'http://127.0.0.1:8787/img.jpg' }, modern);
    expect(card.properties).not.toHaveProperty('Image');
    expect(card.layouts?.card).not.toHaveProperty('mainImage');
    expectLayoutConsistent(card);
  });

  it('keeps its shape (snapshot)', () => {
    expect(productCard(product, modern)).toMatchSnapshot();
  });
});

describe('image addresses Excel can load', () => {
  it.each([
    ['//cbu01.alicdn.com/img/a.jpg', 'https://cbu01.alicdn.com/img/a.jpg'],
    ['http://cbu01.alicdn.com/img/a.jpg', 'https://cbu01.alicdn.com/img/a.jpg'],
    [' https://cbu01.alicdn.com/img/a b.jpg ', 'https://cbu01.alicdn.com/img/a%20b.jpg'],
    ['https://127.0.0.1:8787/x.jpg', null],
    ['https://localhost/x.jpg', null],
    ['https://user:pw@cbu01.alicdn.com/x.jpg', null],
    ['ftp://cbu01.alicdn.com/x.jpg', null],
    ['data:image/png;base64,AAAA', null],
    ['not a url', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(httpsImageAddress(input)).toBe(expected);
  });

  it('cuts alt text to 255 characters', () => {
    expect(webImage('https://cbu01.alicdn.com/a.jpg', 'x'.repeat(400))?.altText).toHaveLength(255);
  });
});
