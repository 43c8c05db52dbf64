import { describe, expect, it } from 'vitest';
import { demoAdapter } from './demo-adapter.js';
import { demoDataset } from './demo-data.js';
import { demoShopUrl, findDemoSupplierDetail } from './demo-supplier.js';

const lookUp = (ref: Parameters<typeof demoAdapter.getSupplier.buildRequest>[0]) =>
  demoAdapter.getSupplier.parseResponse(demoAdapter.respond!(demoAdapter.getSupplier.buildRequest(ref, {})));

describe('demo getSupplier', () => {
  const supplier = demoDataset().suppliers[0]!.supplier;

  it('finds one supplier by member id, shop link and login id, through respond', () => {
    const byId = lookUp({ kind: 'memberId', value: supplier.id });
    expect(byId.companyName).toBe(supplier.name);
    expect(lookUp({ kind: 'shopUrl', value: demoShopUrl(supplier) })).toEqual(byId);
    expect(lookUp({ kind: 'loginId', value: supplier.nick! })).toEqual(byId);
  });

  it('an unknown supplier is not_found; the same id gives the same detail every time', () => {
    expect(() => lookUp({ kind: 'memberId', value: 'b2b-000000' })).toThrow(
      expect.objectContaining({ kind: 'not_found' }),
    );
    expect(findDemoSupplierDetail({ kind: 'memberId', value: supplier.id })).toEqual(
      findDemoSupplierDetail({ kind: 'memberId', value: supplier.id }),
    );
  });

  it('demo traders look like traders: broad catalogue, no manufacture type', () => {
    const trader = demoDataset().suppliers.find((r) => r.supplier.isFactory === false)!.supplier;
    const detail = findDemoSupplierDetail({ kind: 'memberId', value: trader.id })!;
    expect(detail.catalogueSize).toBeGreaterThanOrEqual(1200);
    expect(detail.capacity.manufactureType).toBeNull();
  });
});
