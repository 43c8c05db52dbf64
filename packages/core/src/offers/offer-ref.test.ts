import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOfferId, OfferRefError, parseOfferRef } from './offer-ref.js';

const ID = '612345678901';

describe('isOfferId', () => {
  it.each(['582896733162', '706627393257', '769649076522', '859086919394', '123456789', '1234567890123'])(
    'accepts %s',
    (id) => expect(isOfferId(id)).toBe(true),
  );
  it.each(['12345', '12345678', '012345678901', '12345678901234', '6123456789O1', ' 612345678901'])(
    'refuses %j',
    (id) => expect(isOfferId(id)).toBe(false),
  );
});

describe('parseOfferRef', () => {
  it.each([
    [`https://detail.1688.com/offer/${ID}.html`],
    [`https://detail.1688.com/offer/${ID}.html?spm=a26352.13672862.offerlist.1&tracelog=p4p&clickid=abc#top`],
    [`http://detail.1688.com/offer/${ID}.html`],
    [`detail.1688.com/offer/${ID}.html`],
    [`https://m.1688.com/offer/${ID}.html?src=share`],
    [`https://detail.m.1688.com/page/index.htm?offerId=${ID}&sceneSetId=1`],
    [`https://air.1688.com/app/ctf/detail.html?offerId=${ID}`],
    [ID],
    [`  ${ID}\t`],
    [`  https://detail.1688.com/offer/${ID}.html  `],
    [`看这个 https://detail.1688.com/offer/${ID}.html?spm=x 谢谢`],
    [`【1688】新款毛绒玩具 https://m.1688.com/offer/${ID}.html，复制打开`],
    [`货号 ${ID} 见图`],
  ])('reads the offer id from %s', (text) => {
    expect(parseOfferRef(text)).toBe(ID);
  });

  it.each([
    ['https://item.taobao.com/item.htm?id=612345678901', 'Taobao'],
    ['https://m.tb.cn/h.5abcdef', 'Taobao'],
    ['https://detail.tmall.com/item.htm?id=612345678901&skuId=1', 'Tmall'],
    ['https://www.aliexpress.com/item/1005001234567890.html', 'AliExpress'],
    ['https://pt.aliexpress.com/item/1005001234567890.html', 'AliExpress'],
    ['https://www.alibaba.com/product-detail/Plush-Toy_1600123456789.html', 'Alibaba.com'],
    ['看看 https://detail.tmall.com/item.htm?id=612345678901', 'Tmall'],
  ])('names the other site for %s', (text, site) => {
    const error = catchError(() => parseOfferRef(text));
    expect(error.problem).toBe('other_site');
    expect(error.site).toBe(site);
    expect(error.message).toContain(site);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://shop1234567.1688.com/page/offerlist.htm', 'no_offer_id'],
    ['https://example.com/p/612345678901', 'no_offer_id'],
    ['毛绒玩具', 'no_offer_id'],
    ['1234', 'no_offer_id'],
    // Not shaped like a 1688 offer id (issue 23: each such number cost one call per provider, every time).
    ['12345', 'no_offer_id'],
    ['12345678', 'no_offer_id'],
    ['012345678901', 'no_offer_id'],
    ['12345678901234', 'no_offer_id'],
    ['13812345678', 'no_offer_id'],
    ['电话 13812345678', 'no_offer_id'],
    ['https://detail.1688.com/offer/12345.html', 'no_offer_id'],
  ])('rejects %j as %s', (text, problem) => {
    expect(catchError(() => parseOfferRef(text)).problem).toBe(problem);
  });

  it('finds any id in any 1688 detail link wrapped in any text without a digit at the seams', () => {
    const id = fc.stringMatching(/^[1-9]\d{8,12}$/);
    const words = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\d\s]/g, 'x'));
    const query = fc.stringMatching(/^[a-z=&._0-9]{0,30}$/);
    fc.assert(
      fc.property(id, words, words, query, fc.boolean(), (offerId, before, after, q, mobile) => {
        const link = `https://${mobile ? 'm' : 'detail'}.1688.com/offer/${offerId}.html${q ? `?${q}` : ''}`;
        expect(parseOfferRef(`${before} ${link} ${after}`)).toBe(offerId);
      }),
    );
  });
});

function catchError(run: () => unknown): OfferRefError {
  try {
    run();
  } catch (error) {
    if (error instanceof OfferRefError) return error;
    throw error;
  }
  throw new Error('expected an OfferRefError');
}
