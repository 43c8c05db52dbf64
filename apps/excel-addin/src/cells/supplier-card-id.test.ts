import { describe, expect, it } from 'vitest';
import { supplierCardId } from './supplier-card-id.js';

describe('supplierCardId', () => {
  it('a member id, link or login id as core reads it; an official/reseller seller as <provider>:<openId>', () => {
    expect(supplierCardId(' B2B-2208087470531DE12C ')).toEqual({
      id: 'b2b-2208087470531de12c',
      key: 'supplier:memberId:b2b-2208087470531de12c',
    });
    expect(supplierCardId('dajisaas:BBBL9S1tAqXo7bXlV5DqS0dZw')).toEqual({
      id: 'dajisaas:BBBL9S1tAqXo7bXlV5DqS0dZw',
      key: 'supplier:sellerOpenId:dajisaas:BBBL9S1tAqXo7bXlV5DqS0dZw',
    });
  });

  it('nothing for text that names no supplier', () => {
    for (const text of ['tmapi:12345678', 'https://example.com', '', 7])
      expect(supplierCardId(text)).toBeNull();
  });
});
