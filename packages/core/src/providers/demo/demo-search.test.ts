import { describe, expect, it } from 'vitest';
import { SupplierQuery } from '../../models/query.js';
import { generateDemoDataset } from './demo-data.js';
import { keywordTokens, searchDemoSuppliers } from './demo-search.js';

describe('keywordTokens', () => {
  it('drops the seller words buyers add to a trade', () => {
    expect(keywordTokens('玩具厂')).toEqual(['玩具厂', '玩具']);
    expect(keywordTokens('T恤批发')).toEqual(['t恤批发', 't恤']);
    expect(keywordTokens('源头工厂')).toEqual(['源头工厂']);
  });

  it('splits on spaces and Chinese punctuation', () => {
    expect(keywordTokens(' 纯棉 T恤，丝绸 ')).toEqual(['纯棉 t恤，丝绸', '纯棉', 't恤', '丝绸']);
  });
});

describe('searchDemoSuppliers', () => {
  it('searches the data set it is given', () => {
    const dataset = generateDemoDataset(99);
    const page = searchDemoSuppliers(SupplierQuery.parse({ keyword: '丝绸', pageSize: 100 }), dataset);
    const ids = new Set(dataset.suppliers.map((r) => r.supplier.id));
    expect(page.items.length).toBeGreaterThan(0);
    for (const s of page.items) expect(ids.has(s.id)).toBe(true);
  });

  it('ranks a supplier whose name holds the whole keyword above one that only sells the goods', () => {
    const items = searchDemoSuppliers(SupplierQuery.parse({ keyword: '玩具厂', pageSize: 100 })).items;
    const firstTrader = items.findIndex((s) => !s.name?.includes('玩具厂'));
    expect(firstTrader).toBeGreaterThan(0);
    expect(items.slice(firstTrader).every((s) => !s.name?.includes('玩具厂'))).toBe(true);
  });
});
