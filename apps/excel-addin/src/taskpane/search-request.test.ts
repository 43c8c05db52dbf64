import { describe, expect, it } from 'vitest';
import { type SearchFormValues, toSearchRequest } from './search-request.js';

const form = (over: Partial<SearchFormValues>): SearchFormValues => ({
  mode: 'suppliers',
  query: '玩具厂',
  providers: [],
  factoryOnly: false,
  city: '',
  priceMin: '',
  priceMax: '',
  minOrder: '',
  pageSize: 20,
  ...over,
});

describe('toSearchRequest', () => {
  it('sends only the keyword and page size when no filter is set', () => {
    expect(toSearchRequest(form({}))).toEqual({ mode: 'suppliers', params: { q: '玩具厂', pageSize: 20 } });
  });

  it('maps every filter', () => {
    const request = toSearchRequest(
      form({
        mode: 'products',
        providers: ['tmapi'],
        factoryOnly: true,
        city: ' 汕头 ',
        priceMin: '1.5',
        priceMax: '20',
        minOrder: '100',
      }),
    );
    expect(request).toEqual({
      mode: 'products',
      params: {
        q: '玩具厂',
        provider: ['tmapi'],
        factoryOnly: true,
        city: '汕头',
        priceMin: 1.5,
        priceMax: 20,
        minOrder: 100,
        pageSize: 20,
      },
    });
  });

  it('posts an image URL in image mode', () => {
    expect(toSearchRequest(form({ mode: 'image', query: 'https://img.example.com/a.jpg' }))).toEqual({
      mode: 'image',
      body: { imageUrl: 'https://img.example.com/a.jpg', pageSize: 20 },
    });
  });

  it.each([
    [{ query: ' ' }, 'query'],
    [{ priceMin: 'abc' }, 'priceMin'],
    [{ minOrder: '2.5' }, 'minOrder'],
    [{ priceMin: '30', priceMax: '10' }, 'priceMin'],
    [{ mode: 'image' as const, query: 'not a link' }, 'query'],
  ])('rejects %j on field %s', (over, field) => {
    expect(() => toSearchRequest(form(over))).toThrow(expect.objectContaining({ field }));
  });
});

describe('the pane language and currency settings', () => {
  it('go with every pane search', () => {
    expect(toSearchRequest(form({ mode: 'products' }), { language: 'en', currency: 'USD' })).toEqual({
      mode: 'products',
      params: { q: '玩具厂', pageSize: 20, language: 'en', currency: 'USD' },
    });
    const image = toSearchRequest(form({ mode: 'image', query: 'https://img.example.com/a.jpg' }), {
      currency: 'EUR',
    });
    expect(image).toMatchObject({ body: { currency: 'EUR' } });
  });
});
