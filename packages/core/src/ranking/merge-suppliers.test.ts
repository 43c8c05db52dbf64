import { describe, expect, it } from 'vitest';
import { MergedSupplier } from '../models/supplier.js';
import { aSupplier } from './__fixtures__/listings.js';
import { mergeSuppliers, supplierMergeKey } from './merge-suppliers.js';

const supplier = aSupplier;

describe('mergeSuppliers', () => {
  const tmapi = supplier('tmapi', 'b2b-2208087470531de12c', {
    name: '汕头市澄海区嘉玩玩具厂',
    isFactory: true,
    areaM2: 1000,
    repurchaseRate: 0.3,
    location: { province: null, city: '汕头' },
    tags: ['AA诚信等级', '注塑'],
    isAd: true,
    priceMin: 5,
    priceMax: 20,
  });
  const onebound = supplier('onebound', 'b2b-2208087470531de12c', {
    name: '嘉玩玩具',
    creditLevel: 'AA',
    areaM2: 3000,
    repurchaseRate: 0.25,
    yearsOnPlatform: 4,
    location: { province: '广东', city: '汕头' },
    tags: ['注塑', '清加工'],
    priceMin: 2,
    priceMax: 10,
  });

  it('merges one member id from two providers into one supplier with both sources and the richer fields', () => {
    const merged = mergeSuppliers([[tmapi], [onebound]]);
    expect(merged).toHaveLength(1);
    expect(MergedSupplier.parse(merged[0])).toEqual(merged[0]);
    expect(merged[0]).toMatchObject({
      provider: 'tmapi',
      sources: ['tmapi', 'onebound'],
      name: '汕头市澄海区嘉玩玩具厂',
      isFactory: true,
      creditLevel: 'AA',
      yearsOnPlatform: 4,
      areaM2: 3000,
      repurchaseRate: 0.3,
      location: { province: '广东', city: '汕头' },
      tags: ['AA诚信等级', '注塑', '清加工'],
      isAd: false,
      priceMin: 2,
      priceMax: 20,
    });
  });

  it('gives earlier lists priority for conflicting values', () => {
    expect(mergeSuppliers([[onebound], [tmapi]])[0]).toMatchObject({
      provider: 'onebound',
      name: '嘉玩玩具',
      repurchaseRate: 0.25,
      sources: ['onebound', 'tmapi'],
    });
  });

  it('keeps different ids apart, in order of first appearance', () => {
    const other = supplier('onebound', 'b2b-22092767183650cbd8');
    const merged = mergeSuppliers([[tmapi], [other, onebound]]);
    expect(merged.map((s) => [s.id, s.sources])).toEqual([
      ['b2b-2208087470531de12c', ['tmapi', 'onebound']],
      ['b2b-22092767183650cbd8', ['onebound']],
    ]);
  });

  it('never merges provider-scoped ids across providers, but does within one', () => {
    const a = supplier('alibaba', 'alibaba:123');
    const b = supplier('dajisaas', 'alibaba:123');
    expect(mergeSuppliers([[a], [b]])).toHaveLength(2);
    expect(mergeSuppliers([[a], [a]])).toEqual([{ ...a, sources: ['alibaba'] }]);
    expect(supplierMergeKey(supplier('tmapi', 'B2B-ABC'))).toBe(
      supplierMergeKey(supplier('onebound', 'b2b-abc')),
    );
  });

  it('stays an ad only when every listing was an ad, and accepts merged suppliers again', () => {
    const ad = supplier('demo', 'b2b-1', { isAd: true });
    expect(mergeSuppliers([[ad], [{ ...ad, provider: 'tmapi' }]])[0]?.isAd).toBe(true);
    const once = mergeSuppliers([[tmapi], [onebound]]);
    const twice = mergeSuppliers([once, [supplier('demo', 'b2b-2208087470531de12c')]]);
    expect(twice[0]?.sources).toEqual(['tmapi', 'onebound', 'demo']);
    expect(mergeSuppliers([])).toEqual([]);
  });
});
