import type { OfferResult, OffersBodyInput, OffersResponse } from '@yuantou/core';
import { sampleOffer } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { excelDateTime } from '../cells/as-of.js';
import { NotAvailableError } from '../cells/cell-error.js';
import { InputError } from '../cells/input-error.js';
import { QueryCache } from '../cells/query-cache.js';
import { createOfferFunctions } from './offer-functions.js';

const ID_A = '612345678901';
const ID_B = '598765432109';
const MISSING = '611111111111';
/** When the fake provider answered ID_A and ID_B; ID_OLD was answered 20 days before NOW. */
const FETCHED_AT = '2026-12-05T08:30:00.000Z';
const ID_OLD = '600000000042';
const NOW = Date.parse('2026-12-06T00:00:00.000Z');
/** The closing `as of` and `stale` cells of a row the fake answered (cells/as-of.ts). */
const AS_OF = [excelDateTime(new Date(FETCHED_AT)), ''];
const NO_AGE = ['', ''];

/** What the fake proxy answers for `currency`: USD at 8 CNY (ECB-labelled), XXX as rates it could not fetch. */
function quoteFor(currency: string | undefined): OffersResponse['currency'] {
  if (currency === undefined) return undefined;
  if (currency === 'XXX') return { currency, error: 'ECB rates could not be fetched' };
  return { currency, rate: 8, rateDate: '2024-03-13', source: 'ecb', stale: false };
}

/** A fake proxy client that serves offers by id (MISSING is not found) and records every request. */
function harness(defaults?: () => { language?: string; currency?: string }) {
  const requests: OffersBodyInput[] = [];
  let timer: (() => void) | undefined;
  const client = {
    async getOffers(body: OffersBodyInput): Promise<OffersResponse> {
      requests.push(body);
      const results = body.refs.map((ref): OfferResult => {
        if (ref === MISSING) {
          return {
            ref,
            offerId: ref,
            attempts: [],
            error: { kind: 'not_found', message: `offer ${ref} not found` },
          };
        }
        // Asked in English, the offer answers as TMAPI's detail does: only the translation, labelled.
        const english =
          body.language === 'en'
            ? { title: null, titleTranslated: `Sample ${ref}`, translationLanguage: 'en' }
            : {};
        const offer = sampleOffer(ref, 'demo', {
          ...english,
          skus: [
            {
              id: 'red',
              attributes: [{ name: '颜色', value: '红' }],
              price: 6,
              stock: 5,
              imageUrl: null,
              weightKg: 0.2,
            },
          ],
        });
        const fetchedAt = ref === ID_OLD ? new Date(NOW - 20 * 86_400_000).toISOString() : FETCHED_AT;
        return { ref, offerId: ref, offer, provider: 'demo', attempts: [], fetchedAt };
      });
      const currency = quoteFor(body.currency);
      return { results, providerOrder: ['demo'], sampleData: true, ...(currency ? { currency } : {}) };
    },
  };
  const fns = createOfferFunctions({
    ...(defaults ? { defaults } : {}),
    client: () => client,
    cache: new QueryCache({ ttlMs: 60_000, maxEntries: 100 }),
    stalePolicy: () => ({ staleAfterDays: 7, now: () => NOW }),
    setTimer: (run) => {
      timer = run;
    },
  });
  /** Lets the calls queue, then fires the batch window. */
  const recalc = async (cells: Promise<unknown>[]) => {
    await Promise.resolve();
    timer?.();
    timer = undefined;
    return Promise.allSettled(cells);
  };
  return { fns, requests, recalc };
}

describe('offer functions', () => {
  it('500 OFFER cells over 100 links make one request with 100 refs', async () => {
    const { fns, requests, recalc } = harness();
    const ids = Array.from({ length: 100 }, (_, i) => String(600000000000 + i));
    const cells = Array.from({ length: 500 }, (_, i) =>
      fns.offer(`https://detail.1688.com/offer/${ids[i % 100]}.html?spm=${i}`, 'id,price', undefined),
    );
    const outcomes = await recalc(cells);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.refs).toHaveLength(100);
    expect(outcomes.map((o) => (o as PromiseFulfilledResult<unknown[][]>).value[0]![0])).toEqual(
      Array.from({ length: 500 }, (_, i) => ids[i % 100]),
    );
  });

  it('=OFFER gives one row of the chosen fields in order, and a header row on request', async () => {
    const { fns, recalc } = harness();
    const [plain, withHeader] = await recalc([
      fns.offer(ID_A, 'moq, price,title', undefined),
      fns.offer(ID_A, 'moq,price,title', [['header; quantity=150']]),
    ]);
    expect((plain as PromiseFulfilledResult<unknown>).value).toEqual([[10, 5, `样品 ${ID_A}`, ...AS_OF]]);
    // `as of` and `stale` close every row, after the chosen fields (issue 22).
    expect((withHeader as PromiseFulfilledResult<unknown>).value).toEqual([
      ['MOQ', 'price (CNY)', 'title', 'as of', 'stale'],
      [10, 4.5, `样品 ${ID_A}`, ...AS_OF],
    ]);
  });

  it('=OFFER with "header=no" gives the row alone, exactly as without the option', async () => {
    const { fns, recalc } = harness();
    const [none, no, rangeNo, chineseNo, bad] = await recalc([
      fns.offer(ID_A, 'moq,price,title', undefined),
      fns.offer(ID_A, 'moq,price,title', 'header=no'),
      fns.offer(ID_A, 'moq,price,title', [
        ['header', false],
        ['quantity', 150],
      ]),
      fns.offer(ID_A, 'moq,price,title', [['header=否']]),
      fns.offer(ID_A, 'moq,price,title', [['header=maybe']]),
    ]);
    const row = [[10, 5, `样品 ${ID_A}`, ...AS_OF]];
    expect((none as PromiseFulfilledResult<unknown>).value).toEqual(row);
    expect((no as PromiseFulfilledResult<unknown>).value).toEqual(row);
    expect((rangeNo as PromiseFulfilledResult<unknown>).value).toEqual([[10, 4.5, `样品 ${ID_A}`, ...AS_OF]]);
    expect((chineseNo as PromiseFulfilledResult<unknown>).value).toEqual(row);
    expect((bad as PromiseRejectedResult).reason).toEqual(
      new InputError('header', 'option "header": "maybe" is not yes/no'),
    );
  });

  it('in English the default columns add the translated title; an English-only answer leaves `title` blank', async () => {
    const { fns, recalc } = harness();
    const [english, chinese] = await recalc([
      fns.offer(ID_A, undefined, [['header; language=en']]),
      fns.offer(ID_A, undefined, [['header']]),
    ]);
    const [enHeader, enRow] = (english as PromiseFulfilledResult<unknown[][]>).value;
    expect(enHeader!.slice(0, 3)).toEqual(['title', 'title (translated)', 'price (CNY)']);
    expect(enRow!.slice(0, 2)).toEqual(['', `Sample ${ID_A}`]);
    const [zhHeader, zhRow] = (chinese as PromiseFulfilledResult<unknown[][]>).value;
    expect(zhHeader!.slice(0, 2)).toEqual(['title', 'price (CNY)']);
    expect(zhRow![0]).toBe(`样品 ${ID_A}`);
  });

  it('=OFFER rejects unknown fields and options before asking the proxy', async () => {
    const { fns, requests } = harness();
    await expect(fns.offer(ID_A, 'title,colour', undefined)).rejects.toThrow(/unknown field "colour"/);
    await expect(fns.offer(ID_A, undefined, [['quantity=-3']])).rejects.toBeInstanceOf(InputError);
    await expect(fns.offer('https://detail.tmall.com/item.htm?id=1', undefined, undefined)).rejects.toThrow(
      /Tmall/,
    );
    expect(requests).toHaveLength(0);
  });

  it("=OFFER of a missing offer is #N/A with the proxy's message", async () => {
    const { fns, recalc } = harness();
    const [missing] = await recalc([fns.offer(MISSING, undefined, undefined)]);
    expect((missing as PromiseRejectedResult).reason).toBeInstanceOf(NotAvailableError);
    expect((missing as PromiseRejectedResult).reason.message).toBe(`offer ${MISSING} not found`);
  });

  it('=OFFERS gives a header and one row per cell, blank rows for blanks, a message for a failed link', async () => {
    const { fns, requests, recalc } = harness();
    const [table] = await recalc([
      fns.offers([[ID_A], [''], [MISSING], ['taobao.com/item.htm?id=1'], [ID_A]], 'id,moq', undefined),
    ]);
    // Without CustomFunctions.Error (no Excel here) a failed row says why in text; see the test below for Excel.
    expect((table as PromiseFulfilledResult<unknown>).value).toEqual([
      ['offer id', 'MOQ', 'as of', 'stale'],
      [ID_A, 10, ...AS_OF],
      ['', '', ...NO_AGE],
      [`⚠ offer ${MISSING} not found`, '', ...NO_AGE],
      [expect.stringContaining('Taobao'), '', ...NO_AGE],
      [ID_A, 10, ...AS_OF],
    ]);
    expect(requests.map((r) => r.refs)).toEqual([[ID_A, MISSING]]);
  });

  it('=PRICEAT: tier price, variant price check, #N/A below the minimum order naming it', async () => {
    const { fns, recalc } = harness();
    const [at150, at5, unknownSku, badQuantity] = await recalc([
      fns.priceAt(ID_A, 150, undefined, undefined),
      fns.priceAt(ID_A, 5, undefined, undefined),
      fns.priceAt(ID_A, 150, 'blue-XL', undefined),
      fns.priceAt(ID_A, 'many', undefined, undefined),
    ]);
    expect(at150).toEqual({ status: 'fulfilled', value: 4.5 });
    expect((at5 as PromiseRejectedResult).reason).toBeInstanceOf(NotAvailableError);
    expect((at5 as PromiseRejectedResult).reason.message).toBe('minimum order is 10 件');
    expect((unknownSku as PromiseRejectedResult).reason).toBeInstanceOf(InputError);
    expect((unknownSku as PromiseRejectedResult).reason.message).toContain('blue-XL');
    expect((badQuantity as PromiseRejectedResult).reason).toBeInstanceOf(InputError);
  });

  it('different languages go in different requests; a later recalculation is answered from memory', async () => {
    const { fns, requests, recalc } = harness();
    await recalc([fns.offer(ID_A, 'id', [['language=en']]), fns.offer(ID_B, 'id', undefined)]);
    expect(requests.map((r) => [r.language, r.refs])).toEqual([
      ['en', [ID_A]],
      [undefined, [ID_B]],
    ]);
    await recalc([fns.offer(ID_A, 'title', [['lang=EN']]), fns.priceAt(ID_B, 100, undefined, undefined)]);
    expect(requests).toHaveLength(2);
  });
});

describe('offer functions with a currency', () => {
  it("=OFFER keeps the picked columns in place and appends each CNY price's converted twin, then one rate date", async () => {
    const { fns, requests, recalc } = harness();
    const [row] = await recalc([
      fns.offer(ID_A, 'price,moq,priceMax', [['currency=usd; quantity=150; header']]),
    ]);
    expect((row as PromiseFulfilledResult<unknown>).value).toEqual([
      [
        'price (CNY)',
        'MOQ',
        'highest price (CNY)',
        'price (USD)',
        'highest price (USD)',
        'rate date',
        'as of',
        'stale',
      ],
      // Converted amounts are numbers rounded to cents (0.5625 → 0.56), never 0.364778.
      [4.5, 10, 5, 0.56, 0.63, '2024-03-13', ...AS_OF],
    ]);
    expect(requests.map((r) => r.currency)).toEqual(['USD']);
  });

  it('a rate the proxy could not get shows its reason in the converted cells, never the CNY figure', async () => {
    const { fns, recalc } = harness();
    const [row] = await recalc([fns.offer(ID_A, 'price', [['currency=XXX']])]);
    expect((row as PromiseFulfilledResult<unknown>).value).toEqual([
      [5, 'no rate: ECB rates could not be fetched', 'no rate: ECB rates could not be fetched', ...AS_OF],
    ]);
  });

  it('=PRICEAT(link, qty, , "USD") converts the unit price; a bad code is #VALUE!, no rate #N/A', async () => {
    const { fns, requests, recalc } = harness();
    const [usd, cny, variant, bad, none] = await recalc([
      fns.priceAt(ID_A, 150, undefined, 'usd'),
      fns.priceAt(ID_A, 150, undefined, ''),
      fns.priceAt(ID_A, 150, 'red', 'USD'),
      fns.priceAt(ID_A, 150, undefined, 'dollars'),
      fns.priceAt(ID_B, 150, undefined, 'XXX'),
    ]);
    expect(usd).toEqual({ status: 'fulfilled', value: 0.5625 });
    expect(cny).toEqual({ status: 'fulfilled', value: 4.5 });
    // Tiers win over the variant's own price (core's priceAt), converted the same way.
    expect(variant).toEqual({ status: 'fulfilled', value: 0.5625 });
    expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(InputError);
    expect((bad as PromiseRejectedResult).reason.message).toContain('dollars');
    expect((none as PromiseRejectedResult).reason).toBeInstanceOf(NotAvailableError);
    expect((none as PromiseRejectedResult).reason.message).toBe(
      'no XXX rate: ECB rates could not be fetched',
    );
    expect(requests.map((r) => [r.currency, r.refs])).toEqual(
      expect.arrayContaining([
        ['USD', [ID_A]],
        [undefined, [ID_A]],
        ['XXX', [ID_B]],
      ]),
    );
    expect(requests).toHaveLength(3);
  });

  it("the workbook's language and currency apply to =OFFER unless its options say otherwise, never to =PRICEAT", async () => {
    const { fns, requests, recalc } = harness(() => ({ language: 'en', currency: 'USD' }));
    const [paneDefaults, own, price] = await recalc([
      fns.offer(ID_A, 'price', undefined),
      fns.offer(ID_B, 'price', [['language=ru; currency=XXX']]),
      fns.priceAt(ID_A, 150, undefined, undefined),
    ]);
    expect((paneDefaults as PromiseFulfilledResult<unknown>).value).toEqual([
      [5, 0.63, '2024-03-13', ...AS_OF],
    ]);
    expect((own as PromiseFulfilledResult<unknown[][]>).value[0]![1]).toMatch(/^no rate/);
    expect(price).toEqual({ status: 'fulfilled', value: 4.5 });
    expect(requests.map((r) => [r.language, r.currency, r.refs])).toEqual(
      expect.arrayContaining([
        ['en', 'USD', [ID_A]],
        ['ru', 'XXX', [ID_B]],
        [undefined, undefined, [ID_A]],
      ]),
    );
  });

  it('=OFFERS adds the currency columns even when every link failed, so the shape does not depend on answers', async () => {
    const { fns, recalc } = harness();
    const [table] = await recalc([fns.offers([[MISSING]], 'id,price', [['currency=USD']])]);
    expect((table as PromiseFulfilledResult<unknown[][]>).value[0]).toEqual([
      'offer id',
      'price (CNY)',
      'price (USD)',
      'rate date',
      'as of',
      'stale',
    ]);
  });
});
