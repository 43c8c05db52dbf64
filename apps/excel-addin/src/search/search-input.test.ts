import { SearchParams } from '@yuantou/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../cells/input-error.js';
import { validateSearch } from './search-input.js';
import { readOptionsText } from './search-options.js';

const suppliers = (options: string, subject = '玩具厂') =>
  validateSearch({
    kind: 'suppliers',
    subject,
    subjectName: 'keyword',
    options: readOptionsText(options),
    pageSize: 50,
  });

const failure = (run: () => unknown): InputError => {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
};

describe('validateSearch (core`s SearchParams / ImageSearchBody)', () => {
  it('returns core`s parsed request: coerced numbers, booleans, provider list, defaults', () => {
    expect(
      suppliers('provider=TMAPI,onebound; factory=是; moq=100; maxPrice=9.9; sort=Sales; lang=EN'),
    ).toEqual({
      kind: 'suppliers',
      params: {
        q: '玩具厂',
        provider: ['tmapi', 'onebound'],
        factoryOnly: true,
        minOrder: 100,
        priceMax: 9.9,
        sort: 'sales',
        language: 'en',
        page: 1,
        pageSize: 50,
      },
    });
  });

  it.each([
    ['moq=1.5', 'moq', '"1.5" is not a whole number'],
    ['priceMax=-1', 'priceMax', '"-1" must be at least 0'],
    ['priceMax=cheap', 'priceMax', '"cheap" is not a number'],
    ['factoryOnly=maybe', 'factoryOnly', '"maybe" is not yes/no'],
    ['sort=cheapest', 'sort', '"cheapest" is not one of score, default, price_asc'],
    ['provider=taobao', 'provider', '"taobao" is not one of tmapi, onebound'],
    ['lang=klingon', 'lang', '"klingon" is not one of zh, en'],
    ['city=', 'city', 'needs a value'],
    ['city', 'city', 'needs a value'],
    [`city=${'长'.repeat(51)}`, 'city', 'is longer than 50 characters'],
    ['minPrice=30; priceMax=10', 'minPrice', 'priceMin must not exceed priceMax'],
  ])('%s → #VALUE! naming "%s" as written', (text, written, detail) => {
    const error = failure(() => suppliers(text));
    expect(error.field).toBe(written);
    expect(error.message).toContain(`option "${written}": ${detail}`);
  });

  it('reports only the first problem core finds (its schema order, sort before minOrder)', () => {
    const error = failure(() => suppliers('moq=x; sort=y'));
    expect(error.field).toBe('sort');
    expect(error.message).not.toContain('moq');
  });

  it('names the keyword and the image link', () => {
    expect(failure(() => suppliers('', '  ')).message).toBe('keyword must not be empty');
    expect(failure(() => suppliers('', 'x'.repeat(201))).message).toBe(
      'keyword is longer than 200 characters',
    );
    const image = (subject: string) =>
      validateSearch({ kind: 'image', subject, subjectName: 'imageUrl', options: [], pageSize: 50 });
    expect(failure(() => image('bear.jpg')).message).toBe('imageUrl must be an http(s) link');
    expect(image('https://img.example.com/a.jpg')).toMatchObject({
      kind: 'image',
      body: { imageUrl: 'https://img.example.com/a.jpg', pageSize: 50 },
    });
  });

  it('whatever the text, either core accepts the request it returns or an InputError names an option', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('provider', 'moq', 'priceMin', 'priceMax', 'sort', 'factory', 'city', 'lang'),
            fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('tmapi', '5', '-1', 'EN', 'yes', 'sales')),
          ),
          { maxLength: 4 },
        ),
        (pairs) => {
          const text = pairs.map(([k, v]) => `${k}=${v.replace(/[;；\n=:＝：]/g, '')}`).join('; ');
          try {
            const result = suppliers(text);
            expect(result.kind === 'suppliers' && SearchParams.safeParse(result.params).success).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
            expect(pairs.map(([k]) => k)).toContain((error as InputError).field);
          }
        },
      ),
    );
  });
});
