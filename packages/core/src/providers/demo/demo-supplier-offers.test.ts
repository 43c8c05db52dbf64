import { describe, expect, it } from 'vitest';
import { SupplierOffersQuery } from '../../models/query.js';
import { demoAdapter } from './demo-adapter.js';
import { demoDataset } from './demo-data.js';

const { searchSupplierOffers: op } = demoAdapter;

function catalogue(memberId: string, input: Partial<SupplierOffersQuery> = {}) {
  const query = SupplierOffersQuery.parse({ memberId, ...input });
  return op.parseResponse(demoAdapter.respond(op.buildRequest(query, {})));
}

describe('demo searchSupplierOffers', () => {
  it('answers exactly the bundled products of that supplier', () => {
    const { suppliers, products } = demoDataset();
    const memberId = suppliers[3]!.supplier.id;
    const own = products.filter((r) => r.product.supplier?.id === memberId).map((r) => r.product.id);
    const page = catalogue(memberId);
    expect(own.length).toBeGreaterThanOrEqual(3);
    expect(page.items.map((p) => p.id).sort()).toEqual([...own].sort());
    expect(page.total).toBe(own.length);
  });

  it('an unknown member has an empty catalogue; a sort the demo lacks is reported', () => {
    expect(catalogue('b2b-000').items).toEqual([]);
    const query = SupplierOffersQuery.parse({ memberId: 'b2b-1', sort: 'newest' });
    expect(op.map(query).ignored).toEqual(['sort=newest']);
  });
});
