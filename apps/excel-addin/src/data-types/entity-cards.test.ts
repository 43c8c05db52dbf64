import { type Offer, priceAt, RankedProduct, RankedSupplier } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import productsJson from './__fixtures__/ranked-products.json' with { type: 'json' };
import suppliersJson from './__fixtures__/ranked-suppliers.json' with { type: 'json' };
import { httpsImageAddress, type RichCellCapabilities, webImage } from './cell-values.js';
import { offerCard, productCard, supplierCard } from './entity-cards.js';

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

/** What a reader of the card sees first: its text, the property that titles it, its sections in order. */
const outline = (card: Card) => ({
  text: card.text,
  title: card.layouts?.card?.title,
  sections: sectionsOf(card).map((section) => section.title),
});

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
    const card = supplierCard(full, modern);
    expect(outline(card)).toEqual({
      text: '汕头市澄海区乐童玩具厂',
      title: { property: 'Name' },
      sections: ['Company', 'Buyers', 'Why it ranks here', 'Source'],
    });
    expect(sectionsOf(card).at(-1)).toMatchObject({ collapsible: true, collapsed: true });
    expectLayoutConsistent(card);
    expect(card).toMatchSnapshot();
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
    const card = productCard(product, modern);
    expect(outline(card)).toEqual({
      text: '毛绒玩具熊 批发',
      title: { property: 'Title' },
      sections: ['Offer', 'Seller', 'Why it ranks here', 'Source'],
    });
    expect(card.properties?.Title).toEqual({ type: 'String', basicValue: '毛绒玩具熊 批发' });
    expectLayoutConsistent(card);
    expect(card).toMatchSnapshot();
  });
});

describe('offerCard', () => {
  const offer: Offer = sampleOffer('612345678901', 'tmapi', {
    titleTranslated: 'Plush bear',
    images: ['//cbu01.alicdn.com/img/ibank/O1CN01bear.jpg', 'https://cbu01.alicdn.com/img/ibank/2.jpg'],
    priceTiers: [
      { minQuantity: 10, price: 5 },
      { minQuantity: 100, price: 4.5, promotionPrice: 4.2 },
      { minQuantity: 1000, price: 3.9, promotionPrice: 4 },
    ],
    soldCount: 2300,
    skus: [
      {
        id: 'red',
        attributes: [{ name: '颜色', value: '红' }],
        price: 5,
        stock: 3,
        imageUrl: null,
        weightKg: null,
      },
      {
        id: 'blue',
        attributes: [{ name: '颜色', value: '蓝' }],
        price: 5,
        stock: 0,
        imageUrl: null,
        weightKg: null,
      },
    ],
    supplier: { id: 'b2b-2208', name: '义乌乐童玩具厂', url: 'https://shop1.1688.com/' },
  });
  /** The price at a quantity as the functions compute it (core's priceAt), in the shape they pass it. */
  const pricedAt = (quantity: number) => ({ quantity, ...priceAt(offer, quantity) });

  it('lists each price tier as a number named by the quantity it starts from (promotion price when lower)', () => {
    const card = offerCard(offer, modern);
    expect(card).toMatchObject({ type: 'Entity', text: 'Plush bear' });
    const tiers = sectionsOf(card).find((s) => s.title === 'Price tiers');
    expect(tiers?.properties).toEqual(['From 10', 'From 100', 'From 1000']);
    const price = (basicValue: number) => ({ type: 'Double', basicValue, numberFormat: '"¥"#,##0.00' });
    expect(card.properties?.['From 10']).toEqual(price(5));
    expect(card.properties?.['From 100']).toEqual(price(4.2));
    expect(card.properties?.['From 1000']).toEqual(price(3.9));
    expect(card.properties).not.toHaveProperty('Price min');
    expectLayoutConsistent(card);
  });

  it('shows the picture, MOQ and stock in the offer unit, sold, variants, ships from, supplier and link', () => {
    const card = offerCard(offer, modern);
    expect(card.properties?.Image).toEqual({
      type: 'WebImage',
      address: 'https://cbu01.alicdn.com/img/ibank/O1CN01bear.jpg',
      altText: 'Plush bear',
    });
    expect(card.layouts?.card?.mainImage).toEqual({ property: 'Image' });
    expect(card.properties?.MOQ).toEqual({ type: 'Double', basicValue: 10, numberFormat: '#,##0" 件"' });
    expect(card.properties?.Stock).toEqual({ type: 'Double', basicValue: 1000, numberFormat: '#,##0" 件"' });
    expect(card.properties?.Sold).toEqual({ type: 'Double', basicValue: 2300, numberFormat: '#,##0' });
    expect(card.properties?.Variants).toEqual({ type: 'Double', basicValue: 2, numberFormat: '#,##0' });
    expect(card.properties?.['Ships from']).toEqual({ type: 'String', basicValue: '浙江 义乌' });
    expect(card.properties?.['Chinese title']).toEqual({ type: 'String', basicValue: '样品 612345678901' });
    expect(card.properties?.Supplier).toEqual({ type: 'String', basicValue: '义乌乐童玩具厂' });
    expect(card.properties?.['Supplier link']).toEqual({
      type: 'String',
      basicValue: 'https://shop1.1688.com/',
    });
    expect(card.properties?.Link).toEqual({
      type: 'String',
      basicValue: 'https://detail.1688.com/offer/612345678901.html',
    });
    expectLayoutConsistent(card);
  });

  it('adds the unit price and subtotal at the asked quantity, marked when below the minimum order', () => {
    const card = offerCard(offer, modern, pricedAt(500));
    expect(card.properties?.Quantity).toMatchObject({ basicValue: 500 });
    expect(card.properties?.['Unit price']).toEqual({
      type: 'Double',
      basicValue: 4.2,
      numberFormat: '"¥"#,##0.00',
    });
    expect(card.properties?.Subtotal).toMatchObject({ basicValue: 2100 });
    expect(sectionsOf(card).map((s) => s.title)).toContain('Price at 500');
    expect(offerCard(offer, modern, pricedAt(5)).properties?.['Unit price']).toMatchObject({
      basicValue: 5,
      propertyMetadata: { sublabel: 'below the minimum order' },
    });
    expect(offerCard(offer, modern).properties).not.toHaveProperty('Unit price');
    expectLayoutConsistent(card);
  });

  it('shows the price range without tiers and leaves unknown values out', () => {
    const bare = sampleOffer('598765432109', 'demo', {
      priceTiers: [],
      priceMin: 2.5,
      priceMax: 7,
      unit: null,
      stock: null,
      images: ['http://127.0.0.1:8787/img.jpg'],
      shipsFrom: { province: null, city: null },
    });
    const card = offerCard(bare, older);
    expect(card.text).toBe('样品 598765432109');
    expect(card.properties?.['Price min']).toEqual({
      type: 'FormattedNumber',
      basicValue: 2.5,
      numberFormat: '"¥"#,##0.00',
    });
    expect(card.properties?.MOQ).toMatchObject({ basicValue: 10, numberFormat: '#,##0' });
    for (const missing of ['Image', 'Stock', 'Sold', 'Variants', 'Ships from', 'Supplier', 'Chinese title'])
      expect(card.properties).not.toHaveProperty(missing);
    expect(card.layouts?.card).not.toHaveProperty('mainImage');
    expectLayoutConsistent(card);
  });

  it('names each tier once, in ascending order, should a provider repeat or shuffle them', () => {
    const messy = sampleOffer('612345678901', 'demo', {
      priceTiers: [
        { minQuantity: 100, price: 4.5 },
        { minQuantity: 10, price: 5 },
        { minQuantity: 100, price: 4.4 },
      ],
    });
    const card = offerCard(messy, modern);
    const tiers = sectionsOf(card).find((s) => s.title === 'Price tiers');
    expect(tiers?.properties).toEqual(['From 10', 'From 100']);
    expect(card.properties?.['From 100']).toMatchObject({ basicValue: 4.4 });
  });

  it('keeps a unit Excel could misread out of the number format', () => {
    const card = offerCard({ ...offer, unit: '"inch"' }, modern);
    expect(card.properties?.MOQ).toMatchObject({ numberFormat: '#,##0' });
  });

  it('holds nothing but the offer: every text and address in the card comes from the offer itself', () => {
    const card = offerCard(offer, modern, pricedAt(500));
    const source = JSON.stringify(offer);
    for (const value of Object.values(card.properties ?? {})) {
      const v = value as { type: string; basicValue?: unknown; address?: string };
      // Ships from is province and city joined by a space: each word must be the offer's.
      if (v.type === 'String')
        for (const word of String(v.basicValue).split(' ')) expect(source).toContain(word);
      if (v.type === 'WebImage') expect(source).toContain(v.address!.replace(/^https:/, ''));
    }
  });

  it('keeps its shape (snapshot)', () => {
    const card = offerCard(offer, modern, pricedAt(500));
    expect(outline(card)).toEqual({
      text: 'Plush bear',
      title: { property: 'Title' },
      sections: ['Offer', 'Price at 500', 'Price tiers', 'Seller', 'Source'],
    });
    const value = (name: string) =>
      (card.properties?.[name] as { basicValue?: unknown } | undefined)?.basicValue;
    // 500 falls in the 100+ tier, whose promotion (4.2) is below its list price (4.5).
    expect([value('Quantity'), value('Unit price'), value('Subtotal')]).toEqual([500, 4.2, 2100]);
    // A tier's effective price is the lower of list and promotion: 4.2 at 100+, 3.9 (not 4) at 1000+.
    expect([value('From 10'), value('From 100'), value('From 1000')]).toEqual([5, 4.2, 3.9]);
    expect(card.properties?.Image).toMatchObject({
      address: 'https://cbu01.alicdn.com/img/ibank/O1CN01bear.jpg',
    });
    expect(value('Variants')).toBe(2);
    expectLayoutConsistent(card);
    expect(card).toMatchSnapshot();
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
