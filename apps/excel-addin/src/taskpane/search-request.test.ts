import { describe, expect, it } from 'vitest';
import { InputError } from '../cells/input-error.js';
import { type FormOption, type SearchFormValues, toSearchRequest } from './search-request.js';

const field = (key: string, value: FormOption['value'], label = key): FormOption => ({ key, label, value });
const blank: FormOption[] = [
  field('provider', []),
  field('factoryOnly', false),
  field('city', ''),
  field('priceMin', '', 'Price from'),
  field('priceMax', ''),
  field('minOrder', '', 'MOQ'),
  field('language', ''),
];
const form = (over: Partial<SearchFormValues>): SearchFormValues => ({
  mode: 'suppliers',
  query: '玩具厂',
  options: blank,
  pageSize: 20,
  ...over,
});

describe('toSearchRequest', () => {
  it('sends only the keyword and page size when no filter is set', () => {
    expect(toSearchRequest(form({}))).toEqual({
      kind: 'suppliers',
      params: { q: '玩具厂', page: 1, pageSize: 20, sort: 'score' },
    });
  });

  it('maps every filter through core`s schema, language included', () => {
    const request = toSearchRequest(
      form({
        mode: 'products',
        options: [
          field('provider', ['tmapi']),
          field('factoryOnly', true),
          field('city', ' 汕头 '),
          field('priceMin', '1.5'),
          field('priceMax', '20'),
          field('minOrder', '100'),
          field('language', 'en'),
        ],
      }),
    );
    expect(request).toEqual({
      kind: 'products',
      params: {
        q: '玩具厂',
        provider: ['tmapi'],
        factoryOnly: true,
        city: '汕头',
        priceMin: 1.5,
        priceMax: 20,
        minOrder: 100,
        language: 'en',
        page: 1,
        pageSize: 20,
        sort: 'score',
      },
    });
  });

  it('posts an image URL in image mode', () => {
    expect(toSearchRequest(form({ mode: 'image', query: 'https://img.example.com/a.jpg' }))).toMatchObject({
      kind: 'image',
      body: { imageUrl: 'https://img.example.com/a.jpg', pageSize: 20 },
    });
  });

  it('posts the buyer’s photo as imageBase64 in image mode, with the picked object and keyword', () => {
    const base64 = btoa('a photo’s bytes, long enough'.replace('’', "'"));
    const request = toSearchRequest(
      form({ mode: 'image', query: '', photo: { base64, region: '10,200,20,220', keyword: '毛绒' } }),
    );
    expect(request).toMatchObject({
      kind: 'image',
      body: { imageBase64: base64, region: '10,200,20,220', keyword: '毛绒' },
    });
    expect(request.kind === 'image' && request.body.imageUrl).toBeUndefined();
    // Not in another mode: a photo left behind does not turn a keyword search into an image search.
    expect(toSearchRequest(form({ mode: 'products', photo: { base64 } })).kind).toBe('products');
  });

  it('names the region option the buyer picked when it is malformed', () => {
    const base64 = btoa('a photo, long enough to pass');
    expect(() =>
      toSearchRequest(form({ mode: 'image', query: '', photo: { base64, region: '1,2,3' } })),
    ).toThrow(expect.objectContaining({ field: 'Object in the photo' }));
  });

  it.each([
    [{ query: ' ' }, 'keyword', 'keyword must not be empty'],
    [{ options: [field('priceMin', 'abc', 'Price from')] }, 'Price from', '"abc" is not a number'],
    [{ options: [field('minOrder', '2.5', 'MOQ')] }, 'MOQ', 'is not a whole number'],
    [{ options: [field('priceMin', '30'), field('priceMax', '10')] }, 'priceMin', 'must not exceed'],
    [{ mode: 'image' as const, query: 'not a link' }, 'image URL', 'image URL must be an http(s) link'],
  ])('rejects %j on the field labelled %s', (over, label, message) => {
    let error: unknown;
    try {
      toSearchRequest(form(over));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(label);
    expect((error as InputError).message).toContain(message);
  });
});

describe('the pane language and currency settings', () => {
  it('go with every pane search', () => {
    expect(toSearchRequest(form({ mode: 'products' }), { language: 'en', currency: 'USD' })).toMatchObject({
      kind: 'products',
      params: { q: '玩具厂', pageSize: 20, language: 'en', currency: 'USD' },
    });
    const image = toSearchRequest(form({ mode: 'image', query: 'https://img.example.com/a.jpg' }), {
      currency: 'EUR',
    });
    expect(image).toMatchObject({ body: { currency: 'EUR' } });
  });
});

describe('workbook quantity in pane searches', () => {
  const form = (mode: 'products' | 'suppliers', options: FormOption[] = []) => ({
    mode,
    query: '毛绒玩具',
    options,
    pageSize: 20,
  });

  it('prices product searches at the workbook quantity, never sends it with a supplier search', () => {
    const products = toSearchRequest(form('products'), { quantity: 500, currency: 'EUR' });
    expect(products.kind === 'products' && products.params).toMatchObject({ quantity: 500, currency: 'EUR' });
    const suppliers = toSearchRequest(form('suppliers'), { quantity: 500 });
    expect(suppliers.kind === 'suppliers' && suppliers.params.quantity).toBeUndefined();
  });

  it('a quantity typed into a supplier search is refused, naming the field', () => {
    expect(() =>
      toSearchRequest(form('suppliers', [{ key: 'quantity', label: 'Quantity', value: '500' }])),
    ).toThrow(/option "Quantity": prices products/);
  });
});
