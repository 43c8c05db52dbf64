import { describe, expect, it } from 'vitest';
import { listProviders } from './registry.js';

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
