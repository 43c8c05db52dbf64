import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../models/provider-error.js';
import { expectPageOrProviderError, offerPage, responses } from '../../testing/parser-fuzzing.js';
import type { ErrorTable } from '../response-body.js';
import { offerDetailUrl, offerToProduct, parseOfferPage } from './offer-list.js';
import { parseOfferEnvelope } from './reseller-envelope.js';

const TABLE: ErrorTable = { '401': { kind: 'auth', message: 'bad key' } };

describe('offerToProduct', () => {
  it('reads every field the platform documents', () => {
    expect(
      offerToProduct('dajisaas', {
        offerId: 628745190321,
        subject: '纯棉T恤',
        subjectTrans: 'Cotton T-shirt',
        imageUrl: '//cbu01.alicdn.com/img/a.jpg',
        priceInfo: { price: '15.80', consignPrice: '17.50' },
        repurchaseRate: '10%',
        monthSold: 1213,
        minOrderQuantity: '2',
      }),
    ).toEqual({
      provider: 'dajisaas',
      id: '628745190321',
      title: '纯棉T恤',
      titleTranslated: 'Cotton T-shirt',
      url: 'https://detail.1688.com/offer/628745190321.html',
      imageUrl: 'https://cbu01.alicdn.com/img/a.jpg',
      price: 15.8,
      priceMax: null,
      moq: 2,
      monthSold: 1213,
      repurchaseRate: 0.1,
      isAd: false,
      supplier: null,
    });
  });

  it('keeps an item with mangled fields, each bad field unknown', () => {
    expect(
      offerToProduct('pandapon', {
        offerMapId: 'wmNAp5CyEQ2fatKAZGGMWQ',
        subject: '\uFFFD\uFFFD\uFFFD',
        subjectTrans: 'NULL',
        imageUrl: 42,
        priceInfo: 'NULL',
        repurchaseRate: '150%',
        monthSold: '-3',
        minOrderQuantity: { n: 1 },
      }),
    ).toEqual({
      provider: 'pandapon',
      id: 'wmNAp5CyEQ2fatKAZGGMWQ',
      title: '',
      titleTranslated: null,
      url: null,
      imageUrl: null,
      price: null,
      priceMax: null,
      moq: null,
      monthSold: null,
      repurchaseRate: null,
      isAd: false,
      supplier: null,
    });
  });

  it('uses the translation as title when the Chinese subject is missing', () => {
    expect(offerToProduct('pandapon', { offerId: '1', subjectTrans: 'Cup' })).toMatchObject({
      title: 'Cup',
      titleTranslated: 'Cup',
    });
  });

  it.each([null, 'x', [], {}, { offerId: 'NULL' }, { offerId: '  ' }])(
    'drops an item without an id: %j',
    (raw) => {
      expect(offerToProduct('alibaba', raw)).toBeNull();
    },
  );

  it('links only numeric offer ids to a 1688 page', () => {
    expect(offerDetailUrl('731002458812')).toBe('https://detail.1688.com/offer/731002458812.html');
    expect(offerDetailUrl('faAiBEuMLWM5IscSXkFk4Q')).toBeNull();
  });
});

describe('parseOfferPage', () => {
  it('derives hasNext from totalPage', () => {
    const page = parseOfferPage('alibaba', {
      totalRecords: 41,
      totalPage: 3,
      pageSize: 20,
      currentPage: 3,
      data: [],
    });
    expect(page).toEqual({ items: [], page: 3, pageSize: 20, total: 41, hasNext: false });
  });

  it('treats missing data as an empty page', () => {
    expect(parseOfferPage('alibaba', {})).toEqual({
      items: [],
      page: 1,
      pageSize: 1,
      total: null,
      hasNext: false,
    });
  });

  it.each([null, [], 'page', { data: 'rows' }, { data: { offerId: 1 } }])('rejects %j', (raw) => {
    expect(() => parseOfferPage('alibaba', raw)).toThrow(
      expect.objectContaining({ kind: 'invalid_response' }),
    );
  });
});

describe('parseOfferEnvelope', () => {
  const respond = (body: unknown, status = 200) => ({ status, body: JSON.stringify(body) });

  it('maps a non-200 code through the table, with the provider text', () => {
    const error = (() => {
      try {
        parseOfferEnvelope('dajisaas', TABLE, respond({ code: 401, message: 'sign error' }));
      } catch (e) {
        return e;
      }
    })();
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'auth', providerCode: '401', message: 'bad key (sign error)' });
  });

  it('reads `msg` as well as `message`', () => {
    expect(() => parseOfferEnvelope('pandapon', TABLE, respond({ code: '999', msg: '未知' }))).toThrow(
      expect.objectContaining({
        kind: 'upstream',
        providerCode: '999',
        message: expect.stringContaining('未知'),
      }),
    );
  });

  it('treats code 200 with null data as an empty page', () => {
    expect(parseOfferEnvelope('pandapon', TABLE, respond({ code: 200, data: null })).items).toEqual([]);
  });

  it('rejects a body without a code', () => {
    expect(() => parseOfferEnvelope('pandapon', TABLE, respond({ data: {} }))).toThrow(
      expect.objectContaining({ kind: 'invalid_response' }),
    );
  });

  it('falls back to the HTTP status when the body has no error code', () => {
    expect(() => parseOfferEnvelope('pandapon', TABLE, { status: 503, body: '<html>busy</html>' })).toThrow(
      expect.objectContaining({ kind: 'upstream', status: 503 }),
    );
  });

  it('returns a valid page or a ProviderError for any body', () => {
    const envelope = fc.record(
      {
        code: fc.oneof(fc.constant(200), fc.constant('200'), fc.integer()),
        msg: fc.string(),
        data: offerPage,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(responses(envelope), (response) => {
        expectPageOrProviderError(() => parseOfferEnvelope('dajisaas', TABLE, response));
      }),
    );
  });
});
