import { describe, expect, it } from 'vitest';
import shopInfo from './__fixtures__/tmapi-shop-info-built.json' with { type: 'json' };
import shopItems from './__fixtures__/tmapi-shop-items-built.json' with { type: 'json' };
import { tmapiAdapter } from './tmapi-adapter.js';

const { getSupplier } = tmapiAdapter;
const response = (body: unknown, status = 200) => ({ status, body: JSON.stringify(body) });

describe('TMAPI getSupplier (shop_info + shop/items), on built fixtures', () => {
  it('maps a member id or a shop link to the documented keys, and refuses a login id before any call', () => {
    expect(getSupplier.map({ kind: 'memberId', value: 'b2b-2208087470531de12c' }).params).toEqual({
      member_id: 'b2b-2208087470531de12c',
    });
    expect(getSupplier.map({ kind: 'shopUrl', value: 'https://shop1.1688.com' }).params).toEqual({
      shop_url: 'https://shop1.1688.com',
    });
    expect(() => getSupplier.map({ kind: 'loginId', value: 'jiawan' })).toThrow(/login id/);
  });

  it('reads shop_info: names, links, badges, years, ratings (a blank score left out), followers', () => {
    const detail = getSupplier.parseResponse(response(shopInfo));
    expect(detail).toMatchObject({
      provider: 'tmapi',
      memberId: 'b2b-2208087470531de12c',
      companyName: '汕头市澄海区嘉玩玩具厂',
      shopName: '嘉玩玩具厂',
      shopUrl: 'https://shop1432227742358.1688.com/',
      location: { province: '广东', city: '汕头' },
      yearsOnPlatform: 6,
      followers: 2315,
      catalogueSize: null,
    });
    expect(detail.chatUrl).toContain('air.1688.com');
    expect(detail.badges).toMatchObject({
      factory: true,
      superFactory: false,
      flagship: false,
      trustPass: true,
    });
    // Not TMAPI's to say: unknown, not false.
    expect(detail.badges.powerMerchant).toBeNull();
    expect(detail.shopRatings.map((r) => [r.title, r.score])).toEqual([
      ['商品体验', 4.5],
      ['物流时效', 4],
      ['售后体验', 3.5],
    ]);
    // `company_id` is internal, never a registration number.
    expect(detail.registration.creditCode).toBeNull();
  });

  it('completes the catalogue size from shop/items total_count', () => {
    const detail = getSupplier.parseResponse(response(shopInfo));
    expect(getSupplier.followUp!.complete(detail, response(shopItems)).catalogueSize).toBe(186);
  });

  it('an answer without a shop is not_found; an error body is its error', () => {
    expect(() => getSupplier.parseResponse(response({ code: 200, msg: 'success', data: null }))).toThrow(
      expect.objectContaining({ kind: 'not_found' }),
    );
    expect(() =>
      getSupplier.parseResponse(response({ code: 439, msg: 'Subscription expired', data: null }, 439)),
    ).toThrow(expect.objectContaining({ kind: 'quota' }));
  });
});
