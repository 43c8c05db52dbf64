import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SupplierDetail } from '../../models/supplier-detail.js';
import { supplierSignals, supplierVerdict } from '../../suppliers/supplier-evidence.js';
import { awkwardValue } from '../../testing/parser-fuzzing.js';
import built from './__fixtures__/official-seller-built.json' with { type: 'json' };
import { officialFraction, officialSellerDetail } from './official-seller.js';

// Fixture: `official-seller-built.json` is BUILT from the documented field lists (`sellerIdentities`,
// `sellerDataInfo{…, tpYear}`, `productSimpleShippingInfo{…}`): no recorded answer carrying these fields is public.
// Its values are strings like the platform's own sample ("repeatPurchasePercent": "0.4666").

describe('officialSellerDetail', () => {
  it('maps badges, scores, rates, years and place from a detail model', () => {
    const detail = officialSellerDetail('alibaba', built)!;
    expect(SupplierDetail.parse(detail)).toEqual(detail);
    expect(detail).toMatchObject({
      provider: 'alibaba',
      memberId: null,
      companyName: '汕头市澄海区嘉玩玩具厂',
      location: { province: '广东', city: '汕头' },
      yearsOnPlatform: 6,
      badges: { superFactory: true, powerMerchant: false, trustPass: true, factory: null, inspected: null },
      fulfilment: { perfect7d: 0.7, perfect30d: 0.62, pickup24h7d: 0.4, pickup24h30d: 0.35 },
      repurchaseRate: 0.4666,
      responseRate: null,
      catalogueSize: null,
    });
    expect(detail.shopRatings).toEqual([
      { title: 'tradeMedalLevel', type: 'sellerDataInfo', score: 4 },
      { title: 'compositeServiceScore', type: 'sellerDataInfo', score: 4.5 },
      { title: 'logisticsExperienceScore', type: 'sellerDataInfo', score: 4 },
      { title: 'disputeComplaintScore', type: 'sellerDataInfo', score: 4 },
      { title: 'offerExperienceScore', type: 'sellerDataInfo', score: 3.5 },
      { title: 'afterSalesExperienceScore', type: 'sellerDataInfo', score: 4.5 },
      { title: 'consultingExperienceScore', type: 'sellerDataInfo', score: 5 },
    ]);
  });

  it('reads the detail doc’s `offerIdentities`, codes or the Chinese names joined by either comma', () => {
    const chinese = officialSellerDetail('dajisaas', { offerIdentities: ['超级工厂,实力商家，诚信通'] })!;
    expect(chinese.badges).toMatchObject({ superFactory: true, powerMerchant: true, trustPass: true });
    const real = officialSellerDetail('pandapon', { offerIdentities: ['powerful_merchants'] })!;
    expect(real.badges).toMatchObject({ superFactory: false, powerMerchant: true, trustPass: false });
    // An empty list says "none of these"; no list says nothing.
    expect(officialSellerDetail('alibaba', { sellerIdentities: [] })!.badges.superFactory).toBe(false);
    expect(
      officialSellerDetail('alibaba', { sellerDataInfo: { tpYear: 3 } })!.badges.superFactory,
    ).toBeNull();
  });

  it('a search item: badges only, everything else unknown', () => {
    const detail = officialSellerDetail('alibaba', {
      offerId: 628745190321,
      sellerIdentities: ['super_factory', 'tp_member'],
      tradeScore: '4.5',
    })!;
    expect(detail.badges).toMatchObject({ superFactory: true, trustPass: true, powerMerchant: false });
    expect(detail.fulfilment).toEqual({
      perfect7d: null,
      perfect30d: null,
      pickup24h7d: null,
      pickup24h30d: null,
    });
    expect(detail.shopRatings).toEqual([]);
    expect(detail.yearsOnPlatform).toBeNull();
  });

  it('an item without seller facts gives no card', () => {
    expect(officialSellerDetail('alibaba', { offerId: 1, companyName: '某公司' })).toBeNull();
    expect(officialSellerDetail('alibaba', null)).toBeNull();
    expect(officialSellerDetail('alibaba', 'text')).toBeNull();
  });

  it('malformed values are unknown, never guessed, and the card still validates', () => {
    const detail = officialSellerDetail('alibaba', {
      sellerIdentities: 'super_factory',
      sellerDataInfo: {
        tpYear: '-2',
        repeatPurchasePercent: 'abc',
        compositeServiceScore: '-1',
        offerExperienceScore: 'NaN',
        logisticsExperienceScore: {},
      },
      productSimpleShippingInfo: {
        perfectFulfillmentRate30d: 1.7,
        pickupWithin24hRate30d: '-0.2',
        perfectFulfillmentRate7d: 'abc',
        pickupWithin24hRate7d: '95%',
      },
    })!;
    expect(SupplierDetail.parse(detail)).toEqual(detail);
    expect(detail.yearsOnPlatform).toBeNull();
    expect(detail.repurchaseRate).toBeNull();
    expect(detail.shopRatings).toEqual([]);
    expect(detail.fulfilment).toEqual({
      perfect7d: null,
      perfect30d: null,
      pickup24h7d: 0.95,
      pickup24h30d: null,
    });
    expect(detail.badges.superFactory).toBe(true);
  });
});

describe('officialSellerDetail on mangled facts', () => {
  it('gives a valid card or none, whatever each seller field holds', () => {
    const fields = (raw: Record<string, unknown>) =>
      fc.record(
        Object.fromEntries(Object.keys(raw).map((k) => [k, fc.oneof(fc.constant(raw[k]), awkwardValue)])),
      );
    fc.assert(
      fc.property(
        fields(built.sellerDataInfo),
        fields(built.productSimpleShippingInfo),
        fc.oneof(fc.constant(built.sellerIdentities), awkwardValue),
        awkwardValue,
        (sellerDataInfo, productSimpleShippingInfo, sellerIdentities, companyName) => {
          const detail = officialSellerDetail('pandapon', {
            ...built,
            companyName,
            sellerDataInfo,
            productSimpleShippingInfo,
            sellerIdentities,
          });
          expect(detail).not.toBeNull();
          expect(SupplierDetail.parse(detail)).toEqual(detail);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('officialFraction', () => {
  it.each([
    ['0.4666', 0.4666],
    [0.98, 0.98],
    ['98%', 0.98],
    [0, 0],
    [1, 1],
    [1.7, null],
    ['170%', null],
    [-0.1, null],
    ['abc', null],
    [null, null],
    [Number.NaN, null],
  ])('%j → %j', (raw, expected) => {
    expect(officialFraction(raw)).toBe(expected);
  });
});

describe('supplierSignals from official facts', () => {
  it('a super factory with low fulfilment: factory evidence and the delivery risks, each with its fact', () => {
    const signals = supplierSignals(officialSellerDetail('alibaba', built)!);
    expect(signals).toContainEqual({
      kind: 'factory',
      reason: '1688 super factory (超级工厂)',
      evidence: 'super_factory',
    });
    expect(signals).toContainEqual({
      kind: 'risk',
      reason: 'low perfect fulfilment',
      evidence: '30 days: 62 %',
    });
    expect(signals.some((s) => s.kind === 'risk' && s.evidence === 'within 24 h, 30 days: 35 %')).toBe(true);
    // The factory flag itself is not among these fields: said to be unknown, not taken as "no".
    expect(signals).toContainEqual({
      kind: 'unknown',
      reason: "1688's factory flag was not given",
      evidence: null,
    });
    expect(supplierVerdict(signals).verdict).toBe('factory');
  });

  it('a seller with good rates and no badges: no delivery risk, and nothing claimed', () => {
    const signals = supplierSignals(
      officialSellerDetail('dajisaas', {
        sellerIdentities: ['tp_member'],
        productSimpleShippingInfo: { perfectFulfillmentRate30d: '0.97', pickupWithin24hRate30d: '0.9' },
      })!,
    );
    expect(signals.filter((s) => s.kind === 'risk')).toEqual([]);
    expect(signals.filter((s) => s.kind === 'factory')).toEqual([]);
  });
});
