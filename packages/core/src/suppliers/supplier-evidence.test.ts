import { describe, expect, it } from 'vitest';
import { emptySupplierDetail, type SupplierDetail } from '../models/supplier-detail.js';
import { findDemoSupplierDetail } from '../providers/demo/demo-supplier.js';
import { mergeSupplierDetails } from './merge-supplier-details.js';
import { namesDiffer, supplierSignals, supplierVerdict } from './supplier-evidence.js';

const base = emptySupplierDetail('tmapi');

// A clear factory: 1688's factory flag, a super factory, an inspection, a manufacture type, a narrow catalogue,
// shop named like the company, good fulfilment.
const factory: SupplierDetail = {
  ...base,
  companyName: '汕头市澄海区嘉玩玩具厂',
  shopName: '嘉玩玩具厂',
  location: { province: '广东', city: '汕头' },
  badges: { ...base.badges, factory: true, superFactory: true, inspected: true },
  catalogueSize: 186,
  fulfilment: { perfect7d: 0.97, perfect30d: 0.96, pickup24h7d: 0.9, pickup24h30d: 0.88 },
  registration: { ...base.registration, creditCode: '91440515MA4UH1234X', businessType: '有限责任公司' },
  capacity: { ...base.capacity, manufactureType: '自主生产', factorySize: '5000平方米' },
};

// A clear trader: a sole proprietorship with 3,200 products, no manufacture type, a shop name unlike the
// company's, not a factory on 1688, poor fulfilment.
const trader: SupplierDetail = {
  ...base,
  companyName: '宁波市海曙区丝韵日用品经营部',
  shopName: '优品家居百货',
  location: { province: '浙江', city: '宁波' },
  badges: { ...base.badges, factory: false },
  catalogueSize: 3200,
  fulfilment: { perfect7d: null, perfect30d: 0.62, pickup24h7d: null, pickup24h30d: 0.35 },
  registration: { ...base.registration, creditCode: '92330281MA2EP3DC93', businessType: '个体经营' },
};

const kinds = (detail: SupplierDetail, kind: string) =>
  supplierSignals(detail).filter((s) => s.kind === kind);

describe('supplierSignals: worked cases', () => {
  it('a clear factory: factory evidence, each with its fact, and no trader risk', () => {
    const evidence = kinds(factory, 'factory').map((s) => s.evidence);
    expect(evidence).toEqual([
      'is_factory: true',
      'super_factory',
      'inspection tag',
      'manufactureType: 自主生产',
      'factorySize: 5000平方米',
      'name contains 厂',
    ]);
    expect(kinds(factory, 'trader')).toEqual([]);
    expect(kinds(factory, 'risk')).toEqual([]);
    expect(supplierVerdict(supplierSignals(factory)).verdict).toBe('factory');
  });

  it('a clear trader: every trader hint of the sourcing facts, and the delivery risks', () => {
    const reasons = kinds(trader, 'trader').map((s) => s.reason);
    expect(reasons).toEqual([
      '1688 does not list it as a factory',
      'declares no manufacture type',
      'sole proprietorship listing 3200 products',
      'company name unlike shop name',
      'company name says it trades',
    ]);
    expect(kinds(trader, 'trader')[2]!.evidence).toBe('shop_type: 个体经营; catalogue: 3200');
    expect(kinds(trader, 'risk').map((s) => s.evidence)).toEqual([
      '30 days: 62 %',
      'within 24 h, 30 days: 35 %',
    ]);
    const verdict = supplierVerdict(supplierSignals(trader));
    expect(verdict.verdict).toBe('trader');
    expect(verdict.basis).toContain('sole proprietorship listing 3200 products');
  });

  it('an unknown: nothing claimed either way, and each gap said', () => {
    const signals = supplierSignals(emptySupplierDetail('onebound'));
    expect(signals.filter((s) => s.kind !== 'unknown')).toEqual([]);
    expect(signals.map((s) => s.reason)).toEqual([
      "1688's factory flag was not given",
      'registration (credit code, business type) not given',
      'catalogue size not given',
      'fulfilment and pickup rates not given',
      'certificates (EN71, CE…) are not exposed by any provider: ask',
    ]);
    expect(supplierVerdict(signals)).toEqual({ verdict: 'unclear', basis: 'no evidence either way' });
  });

  it('a broad catalogue under a company is not the sole-proprietorship signal; above 3,000 it is its own', () => {
    const company = { ...trader, registration: { ...trader.registration, businessType: '有限责任公司' } };
    expect(kinds({ ...company, catalogueSize: 1500 }, 'trader').map((s) => s.reason)).not.toContain(
      'sole proprietorship listing 1500 products',
    );
    expect(kinds(company, 'trader').map((s) => s.reason)).toContain(
      "3200 products: broader than one factory's lines",
    );
  });

  it('names: places and legal forms are ignored when comparing company and shop', () => {
    expect(namesDiffer(factory)).toBe(false);
    expect(namesDiffer(trader)).toBe(true);
    expect(namesDiffer({ ...factory, shopName: null })).toBeNull();
  });
});

describe('mergeSupplierDetails', () => {
  it('takes each field from the first provider that knows it', () => {
    const onebound = {
      ...emptySupplierDetail('onebound'),
      companyName: 'other',
      registration: trader.registration,
    };
    const merged = mergeSupplierDetails([factory, onebound]);
    expect(merged.provider).toBe('tmapi');
    expect(merged.companyName).toBe(factory.companyName);
    expect(merged.registration.creditCode).toBe('91440515MA4UH1234X');
    expect(merged.registration.term).toBeNull();
    const reversed = mergeSupplierDetails([emptySupplierDetail('onebound'), factory]);
    expect(reversed.badges.factory).toBe(true);
    expect(reversed.shopRatings).toEqual([]);
  });
});

describe('demo details feed the signals', () => {
  it('a demo factory and a demo trader read as such', () => {
    const made = findDemoSupplierDetail({ kind: 'memberId', value: 'b2b-2208087470531de12c' });
    expect(made).not.toBeNull();
    expect(supplierVerdict(supplierSignals(made!)).verdict).toBe('factory');
  });
});
