import { describe, expect, it } from 'vitest';
import { SupplierOffersQuery } from '../../models/query.js';
import shopItems from './__fixtures__/tmapi-shop-items-built.json' with { type: 'json' };
import { tmapiAdapter } from './tmapi-adapter.js';
import { parseTmapiShopItems } from './tmapi-shop-items.js';

const op = tmapiAdapter.searchSupplierOffers;
const MEMBER = 'b2b-2208087470531de12c';
const query = (input: Partial<SupplierOffersQuery> = {}) =>
  SupplierOffersQuery.parse({ memberId: MEMBER, ...input });

describe('TMAPI searchSupplierOffers (shop/items)', () => {
  it('maps a catalogue page to member_id, page and a clamped page_size; reports sort and language', () => {
    expect(op.map(query({ page: 2, pageSize: 50 }))).toEqual({
      params: { member_id: MEMBER, page: 2, page_size: 20 },
      ignored: [],
    });
    expect(op.map(query({ sort: 'price_asc', language: 'en' })).ignored).toEqual([
      'sort=price_asc',
      'language',
    ]);
  });

  it('reads the built fixture’s items as products of the member asked for', () => {
    const page = parseTmapiShopItems(
      { status: 200, body: JSON.stringify(shopItems) },
      { member_id: MEMBER, page: 1, page_size: 1 },
    );
    expect(page.total).toBe(186);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: '628745190321', price: 12.5, supplier: { id: MEMBER } });
  });
});
