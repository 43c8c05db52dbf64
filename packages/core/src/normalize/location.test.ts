import { describe, expect, it } from 'vitest';
import { normalizeCity, normalizeLocation, normalizeProvince } from './location.js';

describe('normalizeLocation', () => {
  it.each([
    ['浙江 杭州市', { province: '浙江', city: '杭州' }],
    ['浙江省 杭州市', { province: '浙江', city: '杭州' }],
    ['汕头', { province: '广东', city: '汕头' }],
    ['汕头市', { province: '广东', city: '汕头' }],
    ['义乌', { province: '浙江', city: '义乌' }],
    ['广东省汕头市', { province: '广东', city: '汕头' }],
    ['广西壮族自治区南宁市', { province: '广西', city: '南宁' }],
    ['上海', { province: '上海', city: '上海' }],
    ['浙江', { province: '浙江', city: null }],
    ['江苏,苏州', { province: '江苏', city: '苏州' }],
    ['某某县', { province: null, city: '某某县' }],
    ['NULL', { province: null, city: null }],
    ['', { province: null, city: null }],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLocation(input)).toEqual(expected);
  });

  it('reads objects and arrays, as TMAPI and others send them', () => {
    expect(normalizeLocation({ city: '汕头' })).toEqual({ province: '广东', city: '汕头' });
    expect(normalizeLocation({ province: '福建省', city: '泉州市' })).toEqual({
      province: '福建',
      city: '泉州',
    });
    expect(normalizeLocation({ state: '江苏', city: null })).toEqual({ province: '江苏', city: null });
    expect(normalizeLocation(['广东', '深圳'])).toEqual({ province: '广东', city: '深圳' });
    expect(normalizeLocation(['湖州'])).toEqual({ province: '浙江', city: '湖州' });
    expect(normalizeLocation(null)).toEqual({ province: null, city: null });
  });
});

describe('normalizeProvince and normalizeCity', () => {
  it('strip administrative suffixes but keep two-character names whole', () => {
    expect(normalizeProvince('浙江省')).toBe('浙江');
    expect(normalizeProvince('新疆维吾尔自治区')).toBe('新疆');
    expect(normalizeCity('杭州市')).toBe('杭州');
    expect(normalizeCity('沙市')).toBe('沙市');
    expect(normalizeCity('大兴安岭地区')).toBe('大兴安岭');
  });
});
