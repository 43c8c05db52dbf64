import { describe, expect, it } from 'vitest';
import { ImageQuery, ProductQuery } from '../../models/query.js';
import { offerSearchParams, requireImageUrl } from './official-search.js';

const query = (input: Record<string, unknown>) => ProductQuery.parse({ keyword: 'T恤', ...input });

describe('offerSearchParams', () => {
  it('sends the platform defaults for a bare keyword', () => {
    expect(offerSearchParams(query({}), { maxPageSize: 50 })).toEqual({
      params: { keyword: 'T恤', beginPage: 1, pageSize: 20, country: 'en' },
      ignored: [],
    });
  });

  it.each([
    ['price_asc', '{"price":"asc"}'],
    ['price_desc', '{"price":"desc"}'],
    ['sales', '{"monthSold":"desc"}'],
    ['repurchase', '{"rePurchaseRate":"desc"}'],
  ])('maps sort %s to %s', (sort, expected) => {
    expect(offerSearchParams(query({ sort }), { maxPageSize: 50 }).params.sort).toBe(expected);
  });

  it.each(['credit', 'newest'])('reports sort %s as ignored and sends no sort', (sort) => {
    const { params, ignored } = offerSearchParams(query({ sort }), { maxPageSize: 50 });
    expect(params.sort).toBeUndefined();
    expect(ignored).toEqual([`sort=${sort}`]);
  });

  it('maps factoryOnly, prices and language, and reports the filters it cannot send', () => {
    const q = query({
      page: 3,
      pageSize: 100,
      factoryOnly: true,
      priceMin: 0,
      priceMax: 12.5,
      language: 'ru',
      minOrder: 10,
      province: '浙江',
      city: '义乌',
    });
    expect(offerSearchParams(q, { maxPageSize: 50 })).toEqual({
      params: {
        keyword: 'T恤',
        beginPage: 3,
        pageSize: 50,
        country: 'ru',
        filter: 'certifiedFactory',
        priceStart: '0',
        priceEnd: '12.5',
      },
      ignored: ['minOrder', 'province', 'city'],
    });
  });

  it('asks for English titles when Chinese is requested (subject is always Chinese)', () => {
    const { params, ignored } = offerSearchParams(query({ language: 'zh' }), { maxPageSize: 50 });
    expect(params.country).toBe('en');
    expect(ignored).toEqual([]);
  });

  it('reports a non-English language as ignored where only English is offered', () => {
    expect(
      offerSearchParams(query({ language: 'ja' }), { maxPageSize: 50, englishOnly: true }),
    ).toMatchObject({
      params: { country: 'en' },
      ignored: ['language'],
    });
    expect(
      offerSearchParams(query({ language: 'en' }), { maxPageSize: 50, englishOnly: true }).ignored,
    ).toEqual([]);
  });
});

describe('requireImageUrl', () => {
  it('returns the URL of a URL query', () => {
    const query = ImageQuery.parse({ imageUrl: 'https://cbu01.alicdn.com/a.jpg' });
    expect(requireImageUrl('dajisaas', query, 'POST /alibaba/upload/image')).toBe(
      'https://cbu01.alicdn.com/a.jpg',
    );
  });

  it('refuses base64 as bad_request, naming the upload call', () => {
    const query = ImageQuery.parse({ imageBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB' });
    expect(() => requireImageUrl('alibaba', query, 'product.image.upload')).toThrow(
      expect.objectContaining({
        name: 'ProviderError',
        provider: 'alibaba',
        kind: 'bad_request',
        retryable: false,
        message: expect.stringContaining('product.image.upload'),
      }),
    );
  });
});
