import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../models/provider-id.js';
import { ProductQuery } from '../models/query.js';
import type { AnyProviderAdapter } from './provider-contract.js';
import { getProvider, listProviders } from './registry.js';

describe('listProviders', () => {
  it('says how each provider answers a supplier search', () => {
    const bySource = Object.fromEntries(listProviders().map((p) => [p.id, p.supplierSearch]));
    expect(bySource).toEqual({
      tmapi: 'native',
      onebound: 'native',
      alibaba: 'none',
      dajisaas: 'none',
      pandapon: 'none',
      demo: 'native',
    });
  });

  it('lists searchSuppliers only for providers that can answer it, and never a credential value', () => {
    for (const info of listProviders()) {
      expect(info.operations.includes('searchSuppliers')).toBe(info.supplierSearch !== 'none');
    }
    expect(listProviders().find((p) => p.id === 'pandapon')?.credentialFields).toEqual([
      'accessKey',
      'secret',
      'userId',
    ]);
  });
});

describe('translatesKeyword', () => {
  // The proxy sends the typed keyword to providers that declare it and a Chinese translation to the rest. The
  // official platform says so in its request: `keywordTranslate: false` asks it to translate the keyword itself
  // (README of alibaba/); DajiSaaS says "请使用中文关键词，如果是非中文请自行翻译" (translate yourself), and no
  // other provider documents translating keywords.
  const english = ProductQuery.parse({ keyword: 'cotton shirt' });

  it('is declared exactly by the providers whose request asks them to translate the keyword', () => {
    const declared = PROVIDER_IDS.filter((id) => (getProvider(id) as AnyProviderAdapter).translatesKeyword);
    const asked = PROVIDER_IDS.filter((id) => {
      const operation = (getProvider(id) as AnyProviderAdapter).searchProducts;
      return (
        operation !== undefined &&
        JSON.stringify(operation.map(english).params).includes('"keywordTranslate":false')
      );
    });
    expect(declared).toEqual(['alibaba']);
    expect(declared).toEqual(asked);
  });
});
