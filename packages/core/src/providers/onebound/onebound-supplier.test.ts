import { describe, expect, it } from 'vitest';
import sellerInfo from './__fixtures__/onebound-seller-info-built.json' with { type: 'json' };
import { oneboundAdapter } from './onebound-adapter.js';

const { getSupplier } = oneboundAdapter;
const response = (body: unknown, status = 200) => ({ status, body: JSON.stringify(body) });

describe('Onebound getSupplier (seller_info), on a built fixture', () => {
  it('maps a member id through the one uncertain parameter (sid), and refuses other forms unpaid', () => {
    expect(getSupplier.map({ kind: 'memberId', value: 'b2b-2208087470531de12c' }).params).toEqual({
      api_name: 'seller_info',
      result_type: 'json',
      sid: 'b2b-2208087470531de12c',
    });
    expect(() => getSupplier.map({ kind: 'shopUrl', value: 'https://shop1.1688.com' })).toThrow(/member id/);
    expect(() => getSupplier.map({ kind: 'loginId', value: 'siyun' })).toThrow(/member id/);
  });

  it('reads registration and capacity; "(自主申报)" becomes selfDeclared; empty strings stay unknown', () => {
    const detail = getSupplier.parseResponse(response(sellerInfo));
    expect(detail.memberId).toBe('b2b-2208087470531de12c');
    expect(detail.companyName).toBe('宁波市海曙区丝韵日用品经营部');
    expect(detail.shopName).toBe('丝韵家居百货');
    expect(detail.loginId).toBe('宁波丝韵贸易');
    expect(detail.registration).toEqual({
      creditCode: '92330281MA2EP3DC93',
      authority: '宁波市海曙区市场监督管理局',
      term: '2009-03-23 至 长期',
      businessType: '个体经营',
      address: '浙江省宁波市海曙区望春工业园区',
      selfDeclared: true,
    });
    expect(detail.capacity).toEqual({
      factorySize: null,
      manufactureType: null,
      productionCapacity: null,
      annualRevenue: null,
    });
    // Not Onebound's to say.
    expect(detail.badges.factory).toBeNull();
  });

  it('"no result" (2000) is not_found; a quota error is quota', () => {
    const empty = { error_code: '2000', reason: '没有数据', error: '' };
    expect(() => getSupplier.parseResponse(response(empty))).toThrow(
      expect.objectContaining({ kind: 'not_found' }),
    );
    const quota = { error_code: '4005', reason: '授权已过期', error: 'key' };
    expect(() => getSupplier.parseResponse(response(quota))).toThrow(
      expect.objectContaining({ provider: 'onebound' }),
    );
  });
});
