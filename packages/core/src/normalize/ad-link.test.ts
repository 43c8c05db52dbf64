import { describe, expect, it } from 'vitest';
import { cleanLink } from './ad-link.js';

// The paid-placement factory link of seed 000 (TMAPI factory search for 玩具厂), verbatim.
const SEED_AD_URL =
  'https://sale.1688.com/factory/card.html?__existtitle__=1&__removesafearea__=1&memberId=b2b-2208087470531de12c&aHdkaW5n_isCentral=true&aHdkaW5n_isGrayed=false&aHdkaW5n_isUseGray=true&tracelog=p4p&_p_isad=1&cbu_ad_adgroup_id=1012175526&cbu_ad_sessionid=8abf6de67a4f84a1ae99f562f3f5162e';
// The organic link of the second seed-000 item.
const SEED_ORGANIC_URL =
  'https://sale.1688.com/factory/card.html?__existtitle__=1&__removesafearea__=1&memberId=b2b-22092767183650cbd8&aHdkaW5n_isCentral=true&aHdkaW5n_isGrayed=false&aHdkaW5n_isUseGray=true';

describe('cleanLink', () => {
  it('flags the seed-000 ad and removes its tracking parameters', () => {
    const { url, isAd } = cleanLink(SEED_AD_URL);
    expect(isAd).toBe(true);
    expect(url).toBe(
      'https://sale.1688.com/factory/card.html?memberId=b2b-2208087470531de12c&aHdkaW5n_isCentral=true&aHdkaW5n_isGrayed=false&aHdkaW5n_isUseGray=true',
    );
    expect(url).not.toMatch(/tracelog|_p_isad|cbu_ad_|__existtitle__/);
  });

  it('leaves an organic link unflagged, cleaned the same way', () => {
    expect(cleanLink(SEED_ORGANIC_URL)).toEqual({
      url: 'https://sale.1688.com/factory/card.html?memberId=b2b-22092767183650cbd8&aHdkaW5n_isCentral=true&aHdkaW5n_isGrayed=false&aHdkaW5n_isUseGray=true',
      isAd: false,
    });
  });

  it.each([
    ['https://detail.1688.com/offer/1.html?_p_isad=1', true],
    ['https://detail.1688.com/offer/1.html?_p_isad=0', false],
    ['https://detail.1688.com/offer/1.html?tracelog=p4p', true],
    ['https://detail.1688.com/offer/1.html?tracelog=rowan', false],
    ['https://detail.1688.com/offer/1.html?cbu_ad_id=7', true],
  ])('%s → isAd %s', (raw, isAd) => {
    expect(cleanLink(raw)).toEqual({ url: 'https://detail.1688.com/offer/1.html', isAd });
  });

  it('completes protocol-relative links and rejects what is not a URL', () => {
    expect(cleanLink('//shop1234.1688.com/?spm=a1')).toEqual({
      url: 'https://shop1234.1688.com/',
      isAd: false,
    });
    expect(cleanLink('not a url')).toEqual({ url: null, isAd: false });
    expect(cleanLink('')).toEqual({ url: null, isAd: false });
    expect(cleanLink(null)).toEqual({ url: null, isAd: false });
  });
});
