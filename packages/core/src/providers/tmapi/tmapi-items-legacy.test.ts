import { describe, expect, it } from 'vitest';
import { Page } from '../../models/page.js';
import { Product } from '../../models/product.js';
import legacy from './__fixtures__/tmapi-items-legacy.json' with { type: 'json' };
import { tmapiAdapter } from './tmapi-adapter.js';

// The older `/1688/search/items` item format (README "What recorded responses add"), fixture built from its
// field list: `type`, units in `quantity_prices`, `biz_type`, `delivery_info.area_from`, percent rates.

const page = tmapiAdapter.searchProducts.parseResponse({ status: 200, body: JSON.stringify(legacy) });
const [shoes, cups, boxes, bags] = page.items;

describe('TMAPI items, older format', () => {
  it('parses every item into a valid product', () => {
    expect(Page(Product).safeParse(page).success).toBe(true);
    expect(page.items.map((item) => item.id)).toEqual([
      '623456789012',
      '634567890123',
      '645678901234',
      '656789012345',
    ]);
  });

  it('reads `type`: p4p is a paid placement; normal and the undocumented bid are not', () => {
    expect([shoes, cups, boxes, bags].map((item) => item!.isAd)).toEqual([true, false, false, false]);
  });

  it('takes the lowest unit price over the sale price and the tiers, even below every tier', () => {
    expect([shoes!.price, shoes!.priceMax]).toEqual([18.5, 22]);
    expect([cups!.price, cups!.priceMax]).toEqual([0.12, 0.15]);
    expect([boxes!.price, boxes!.priceMax]).toEqual([12, null]);
  });

  it("takes the MOQ from the first tier's begin_num, units and all, when there is no moq field", () => {
    expect([shoes, cups, boxes, bags].map((item) => item!.moq)).toEqual([2, 1000, 1, null]);
  });

  it('reads biz_type as factory or not, and unknown when empty', () => {
    expect([shoes, cups, boxes, bags].map((item) => item!.supplier?.isFactory)).toEqual([
      true,
      false,
      null,
      true,
    ]);
  });

  it("places the seller by delivery_info.area_from, and names it by shop_info's login_id and member id", () => {
    expect(shoes!.supplier).toMatchObject({
      id: 'b2b-2201234567890ab12c',
      name: '广州市白云区某某鞋厂',
      nick: '广州鞋业源头厂',
      location: { province: '广东', city: '广州' },
      creditLevel: 'AAA',
    });
    expect(cups!.supplier?.location).toEqual({ province: '浙江', city: '金华' });
  });

  it('reads item rates as percentages: "33%", "11.2%" and a bare "38.46"', () => {
    expect([shoes, cups, boxes, bags].map((item) => item!.repurchaseRate)).toEqual([
      0.33,
      0.112,
      0.3846,
      null,
    ]);
  });

  it('reports sale_quantity_int as total sold, never as monthly sales', () => {
    expect([shoes, cups, boxes, bags].map((item) => item!.totalSold)).toEqual([156, 12034, 57, null]);
    expect(page.items.every((item) => item.monthSold === null)).toBe(true);
  });
});
