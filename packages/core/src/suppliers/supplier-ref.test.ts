import { describe, expect, it } from 'vitest';
import { creditCheckUrl, parseSellerOpenIdRef, parseSupplierRef } from './supplier-ref.js';

describe('parseSupplierRef', () => {
  it.each([
    ['b2b-2208087470531DE12C', { kind: 'memberId', value: 'b2b-2208087470531de12c' }],
    [
      '  https://shop1432227742358.1688.com/?spm=a261y.7663282 ',
      { kind: 'shopUrl', value: 'https://shop1432227742358.1688.com' },
    ],
    [
      'shop1432227742358.1688.com/page/offerlist.htm',
      { kind: 'shopUrl', value: 'https://shop1432227742358.1688.com' },
    ],
    [
      'https://winport.m.1688.com/page/index.html?memberId=b2b-2208087470531de12c&spm=x',
      { kind: 'memberId', value: 'b2b-2208087470531de12c' },
    ],
    [
      'https://sale.1688.com/factory/card.html?memberId=b2b-223dffb247405a25e9',
      { kind: 'memberId', value: 'b2b-223dffb247405a25e9' },
    ],
    ['嘉玩玩具厂', { kind: 'loginId', value: '嘉玩玩具厂' }],
    ['jiawan_toys', { kind: 'loginId', value: 'jiawan_toys' }],
  ])('%s', (input, expected) => {
    expect(parseSupplierRef(input)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    'b2b-',
    'b2b-xyz!',
    'https://detail.1688.com/offer/628745190321.html',
    'https://www.taobao.com/shop/1',
    'https://winport.m.1688.com/page/index.html',
    'two words',
    'x',
    42,
    null,
  ])('refuses %s', (input) => {
    expect(parseSupplierRef(input)).toBeNull();
  });
});

describe('creditCheckUrl', () => {
  it('builds the gsxt.gov.cn search link from a valid code only', () => {
    expect(creditCheckUrl('92330281MA2EP3DC93')).toBe(
      'https://www.gsxt.gov.cn/corp-query-search-1.html?searchword=92330281MA2EP3DC93',
    );
    expect(creditCheckUrl('167039850')).toBeNull();
    expect(creditCheckUrl('92330281MA2EP3DC9O')).toBeNull();
    expect(creditCheckUrl(null)).toBeNull();
  });
});

describe('parseSellerOpenIdRef', () => {
  it('reads `<provider>:<sellerOpenId>` of the three providers that relay the official model', () => {
    expect(parseSellerOpenIdRef('alibaba:BBBL9S1tAqXo7bXlV5DqS0dZw')).toEqual({
      provider: 'alibaba',
      sellerOpenId: 'BBBL9S1tAqXo7bXlV5DqS0dZw',
    });
    expect(parseSellerOpenIdRef(' dajisaas:23tsdvcdsjngp3oj4j3i5 ')).toEqual({
      provider: 'dajisaas',
      sellerOpenId: '23tsdvcdsjngp3oj4j3i5',
    });
    expect(parseSellerOpenIdRef('pandapon:BBB+cUe/0s=')?.provider).toBe('pandapon');
  });

  it('nothing else: member ids, other providers, a company name standing in, empty or odd ids', () => {
    for (const text of [
      'b2b-2208087470531de12c',
      'tmapi:12345678',
      'onebound:abcdef',
      'alibaba:杭州宜路发发电子商务有限公司',
      'alibaba:',
      'alibaba:ab',
      'alibaba:a b c d',
      'https://shop1234567.1688.com',
      42,
      null,
    ])
      expect(parseSellerOpenIdRef(text)).toBeNull();
  });
});
